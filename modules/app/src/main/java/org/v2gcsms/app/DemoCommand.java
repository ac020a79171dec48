package org.v2gcsms.app;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.v2gcsms.api.ApiKeys;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.simulator.DriverTokens;
import org.v2gcsms.simulator.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./csms demo}: the CSMS on embedded storage plus a simulated V2G site (20 stations, half OCPP 2.0.1
 * and half bidirectional OCPP 2.1, EVs arriving), until Ctrl-C; then the simulator stops first (sessions end,
 * queued messages are delivered) and the CSMS after it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the CSMS with a simulated V2G site until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "" + CsmsSettings.DEFAULT_PORT, description = "CSMS port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "./data/demo", paramLabel = "DIR",
            description = "database and logs (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--config-dir", defaultValue = "config", paramLabel = "DIR",
            description = "sites, grid-code presets and grid-safety settings; the demo site is sites/demo.properties "
                    + "(stations SIM-*) (default ${DEFAULT-VALUE})")
    Path configDir;

    @Option(names = "--admin-api-key", paramLabel = "KEY",
            description = "admin key of the back-office API, at least 16 characters (default: a new random one, printed)")
    String adminApiKey;

    @Mixin
    SimulationOptions site;

    @Spec
    CommandSpec spec;

    /** Completes with the running demo once the site is up; for tests and embedding. */
    final CompletableFuture<Running> running = new CompletableFuture<>();
    /** Completing it stops the demo, as Ctrl-C does. */
    final CompletableFuture<Void> stop = new CompletableFuture<>();

    /** The parts of a running demo, and the admin API key it printed. */
    record Running(Csms csms, Simulation simulation, String adminApiKey) {}

    @Override
    public Integer call() throws Exception {
        if (spec.commandLine().getParseResult().matchedOption("--stations") == null) {
            site.stations = 20;
        }
        PrintWriter out = spec.commandLine().getOut();
        Logging.toDirectory(dataDir);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().name("demo-shutdown").unstarted(() -> {
            stop.complete(null);
            awaitQuietly(finished);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        String adminKey = adminApiKey != null ? adminApiKey : ApiKeys.newKey();
        CsmsSettings settings = CsmsSettings.local(port, dataDir).withAdminApiKey(adminKey).withConfigDir(configDir);
        // The CSMS runs on the simulation's clock: plans, deadlines and grid-safety delays in simulated time.
        try (Simulation simulation = site.simulation(URI.create("ws://" + settings.host() + ":" + port
                + settings.pathPrefix() + "/"), null, null);
             Csms csms = Csms.start(settings, simulation.clock(), Duration.ofSeconds(1))) {
            out.printf("v2g-csms demo: %d simulated stations (%s), EVs arriving at %s per simulated hour, %sx speed%n",
                    site.stations, site.protocol, site.arrivalRate != null ? site.arrivalRate : 3.0 * site.stations * site.evses,
                    site.speedUp);
            out.printf("  Stations connect to %s<stationId>%n  Health:  %s%n  Dashboard: %s#key=%s%n"
                            + "  API:     %s (OpenAPI: %s)%n  Admin API key: %s   (Authorization: Bearer <key>)%n"
                            + "  Logs:    %s%n  Stop:    Ctrl-C%n",
                    csms.ocppUrl(), csms.healthUrl(), csms.dashboardUrl(), adminKey, csms.dashboardUrl().resolve("api/v1"),
                    csms.dashboardUrl().resolve("api/v1/openapi.json"), adminKey, Logging.logFile(dataDir));
            out.flush();
            registerDrivers(csms);
            simulation.start();
            simulation.startArrivals();
            running.complete(new Running(csms, simulation, adminKey));
            while (true) {
                try {
                    stop.get(site.progress.toMillis(), TimeUnit.MILLISECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException progress) {
                    out.printf("[%s simulated] %s%n", SimulateCommand.simulated(simulation), simulation.log().snapshot());
                    out.flush();
                }
            }
            out.println("Stopping: simulator first, then the CSMS...");
            out.flush();
            simulation.stop().get(2, TimeUnit.MINUTES);
            SimulateCommand.report(simulation, out);
            return 0;
        } catch (Exception e) {
            running.completeExceptionally(e);
            throw e;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is what got us here
            }
        }
    }

    /** The simulated drivers' cards, as a CPO would have provisioned them. */
    private static void registerDrivers(Csms csms) {
        for (String id : DriverTokens.all()) {
            csms.domain().repositories().tokens().save(new TokenRecord(id, DriverTokens.TYPE,
                    AuthorizationStatusEnumType.Accepted, null, null));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
