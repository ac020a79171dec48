package org.v2gcsms.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.v2gcsms.simulator.ArrivalPlan;
import org.v2gcsms.simulator.FleetMix;
import org.v2gcsms.simulator.ProtocolMix;
import org.v2gcsms.simulator.Simulation;
import org.v2gcsms.simulator.StationSettings;
import org.v2gcsms.simulator.StationSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code simulate} and {@code demo} share, and the simulation they describe. */
final class SimulationOptions {

    @Option(names = "--stations", defaultValue = "10", description = "number of simulated stations (default ${DEFAULT-VALUE})")
    int stations;

    @Option(names = "--evses", defaultValue = "2", description = "EVSEs per station (default ${DEFAULT-VALUE})")
    int evses;

    @Option(names = "--protocol", defaultValue = "mixed", paramLabel = "ocpp2.0.1|ocpp2.1|mixed",
            description = "OCPP version of the stations; mixed alternates, 2.1 stations are bidirectional (default ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--fleet", paramLabel = "FILE",
            description = "fleet mix CSV (model,share_percent,battery_kwh,km_per_kwh,...); default: S1's Korean fleet")
    Path fleet;

    @Option(names = "--arrivals", paramLabel = "FILE",
            description = "arrivals CSV (arrival_minute,model,soc_percent,stay_minutes[,target_soc_percent]) instead of Poisson arrivals")
    Path arrivals;

    @Option(names = "--arrival-rate", paramLabel = "PER_HOUR",
            description = "Poisson arrival rate over the whole site, EVs per simulated hour (default: 3 per EVSE)")
    Double arrivalRate;

    @Option(names = "--speed-up", defaultValue = "1", paramLabel = "X",
            description = "simulated time runs X times faster than real time (default ${DEFAULT-VALUE})")
    double speedUp;

    @Option(names = "--session-limit", defaultValue = "40m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "longest session, simulated time (S1: 40 minutes; default ${DEFAULT-VALUE})")
    Duration sessionLimit;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the arrival process (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--station-prefix", defaultValue = "SIM-", description = "station ids are <prefix>0001... (default ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--progress", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "how often to print progress, real time (default ${DEFAULT-VALUE})")
    Duration progress;

    /** The simulation these options describe, against {@code csms} (a ws:// or wss:// URL ending in the path prefix). */
    Simulation simulation(URI csms, String password, SSLContext tls) throws IOException {
        FleetMix mix = fleet == null ? FleetMix.s1Korea() : FleetMix.load(fleet);
        ArrivalPlan plan = arrivals != null ? ArrivalPlan.Listed.load(arrivals, mix)
                : new ArrivalPlan.Poisson(arrivalRate != null ? arrivalRate : 3.0 * stations * evses, mix, seed);
        int profile = csms.getScheme().equals("wss") ? 2 : 1;
        List<StationSpec> specs = Simulation.site(stations, ProtocolMix.parse(protocol), evses, prefix, password, profile);
        StationSettings settings = StationSettings.DEFAULTS.withSessionLimit(sessionLimit);
        return new Simulation(specs, settings, csms, tls, mix, plan, speedUp);
    }

    /** The JDK's default trust, or the certificates of a trust store (PKCS#12 or JKS). */
    static SSLContext tls(Path trustStore, String password) throws IOException, GeneralSecurityException {
        if (trustStore == null) {
            return SSLContext.getDefault();
        }
        KeyStore store = KeyStore.getInstance(trustStore.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Reads {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d} or an ISO-8601 duration ({@code PT30S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.startsWith("p")) {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            }
            if (t.length() < 2) {
                throw new CommandLine.TypeConversionException("not a duration: " + text);
            }
            long n;
            try {
                n = Long.parseLong(t.substring(0, t.length() - 1));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("not a duration (use e.g. 30s, 10m, 2h): " + text);
            }
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new CommandLine.TypeConversionException("not a duration (use e.g. 30s, 10m, 2h): " + text);
            };
        }
    }
}
