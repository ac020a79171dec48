package org.v2gcsms.app;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.v2gcsms.simulator.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./csms simulate}: simulated stations and EVs against any CSMS. Exits 0 when every station ran without
 * a protocol error (a CALLERROR, a schema-invalid message, an unanswered call, an unexpected disconnect, a boot
 * never accepted), 1 otherwise, after listing what went wrong.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run simulated V2G charging stations and EVs against a CSMS, then report protocol errors.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--csms", required = true, paramLabel = "URL",
            description = "the CSMS endpoint without the station id, e.g. ws://localhost:8180/ocpp (wss:// for security profile 2)")
    URI csms;

    @Option(names = "--duration", defaultValue = "30s", converter = SimulationOptions.DurationConverter.class,
            paramLabel = "DURATION", description = "how long to run, real time (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--password", paramLabel = "P", description = "Basic-auth password of every station (if the CSMS wants one)")
    String password;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "PKCS#12/JKS trust store for wss:// (default: the JDK's)")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "P", description = "password of --trust-store")
    String trustStorePassword;

    @Mixin
    SimulationOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().unstarted(interrupted::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        try (Simulation simulation = options.simulation(csms, password, SimulationOptions.tls(trustStore, trustStorePassword))) {
            out.printf("Simulating %d stations (%s, %d EVSEs each) against %s for %s at %sx speed%n", options.stations,
                    options.protocol, options.evses, csms, duration, options.speedUp);
            out.flush();
            simulation.start();
            simulation.startArrivals();
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                long wait = Math.min(options.progress.toNanos(), end - System.nanoTime());
                if (interrupted.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                    break;
                }
                out.printf("[%s simulated] %s%n", simulated(simulation), simulation.log().snapshot());
                out.flush();
            }
            simulation.stop().get(2, TimeUnit.MINUTES);
            return report(simulation, out);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is exiting anyway
            }
        }
    }

    static String simulated(Simulation simulation) {
        Duration d = simulation.clock().elapsed();
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    static int report(Simulation simulation, PrintWriter out) {
        out.printf("Done after %s simulated: %s%n", simulated(simulation), simulation.log().snapshot());
        Map<String, Long> problems = simulation.log().problemCounts();
        if (problems.isEmpty()) {
            out.println("No protocol errors.");
            out.flush();
            return 0;
        }
        out.printf("%d protocol problems:%n", simulation.log().problems().size());
        problems.forEach((what, n) -> out.printf("  %5d x %s%n", n, what));
        simulation.log().problems().stream().limit(20).forEach(p -> out.println("    e.g. " + p));
        out.flush();
        return 1;
    }
}
