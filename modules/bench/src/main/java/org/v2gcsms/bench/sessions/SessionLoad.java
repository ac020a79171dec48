package org.v2gcsms.bench.sessions;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.BootReasonEnumType;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.ChargingStationType;
import org.v2gcsms.ocpp.v21.EVSEType;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.MeterValueType;
import org.v2gcsms.ocpp.v21.SampledValueType;
import org.v2gcsms.ocpp.v21.TransactionEventEnumType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TransactionType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.ocpp.v21.UnitOfMeasureType;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.DomainSettings;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.session.SessionSettings;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.stations.UnknownStationPolicy;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;
import org.v2gcsms.store.DatabaseConfig;
import org.v2gcsms.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Session-update load: {@code --sessions} concurrent sessions (10 per station) each receiving a TransactionEvent
 * with SoC, power and energy every {@code --every}, through the domain's message table (the path a station's
 * message takes after the server decoded it: transaction event stored, session folded and stored, events
 * published, 2.1 answer with the limit) on the embedded H2 database (or {@code --jdbc-url}). Reports the
 * latency of one update (p50/p99/p99.9) and the process's CPU share while updates run.
 *
 * <pre>java -cp modules/bench/target/benchmarks.jar org.v2gcsms.bench.sessions.SessionLoad --sessions 10000</pre>
 */
@Command(name = "session-load", mixinStandardHelpOptions = true)
public final class SessionLoad implements java.util.concurrent.Callable<Integer> {
    private static final int EVSES_PER_STATION = 10;

    @Option(names = "--sessions", defaultValue = "10000")
    int sessions;

    @Option(names = "--every", defaultValue = "10", description = "seconds between a session's SoC updates")
    int everySeconds;

    @Option(names = "--duration", defaultValue = "60", description = "measured seconds (after the warm-up)")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "20", description = "seconds of updates before measuring")
    int warmupSeconds;

    @Option(names = "--jdbc-url", description = "PostgreSQL instead of embedded H2")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "")
    String dbPassword;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SessionLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("session-load-");
        DatabaseConfig db = jdbcUrl == null ? DatabaseConfig.h2(dir)
                : new DatabaseConfig(jdbcUrl, dbUser, dbPassword, DatabaseConfig.DEFAULT_POOL_SIZE);
        int stations = (sessions + EVSES_PER_STATION - 1) / EVSES_PER_STATION;
        Instant t0 = Instant.now();
        try (Store store = Store.open(db);
             CsmsDomain domain = new CsmsDomain(store.repositories(), offline(), new DomainSettings(
                     StationSettings.of(Duration.ofMinutes(5), UnknownStationPolicy.ACCEPT), UnknownTokenPolicy.ACCEPT,
                     StaleTransactionPolicy.defaults(), SessionSettings.defaults()), Clock.systemUTC());
             ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
             ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor()) {
            domain.start();
            System.out.printf("Starting %d sessions at %d stations on %s...%n", sessions, stations, db.dialect());
            List<CompletableFuture<Void>> setup = new java.util.ArrayList<>();
            for (int s = 0; s < stations; s++) {
                int station = s;
                setup.add(CompletableFuture.runAsync(() -> startStation(domain, station, t0), workers));
            }
            CompletableFuture.allOf(setup.toArray(CompletableFuture[]::new)).join();
            System.out.printf("%d sessions active; updates every %d s each (%d/s)%n",
                    domain.sessions().active().size(), everySeconds, sessions / everySeconds);

            Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
            LongAdder failures = new LongAdder();
            // Each session is updated once per period, the sessions spread evenly over it.
            long periodNanos = TimeUnit.SECONDS.toNanos(everySeconds);
            long tickNanos = TimeUnit.MILLISECONDS.toNanos(10);
            int perTick = (int) Math.ceil(sessions * (double) tickNanos / periodNanos);
            int[] next = {0};
            int[] seq = new int[sessions];
            java.util.Arrays.fill(seq, 1);
            ticks.scheduleAtFixedRate(() -> {
                for (int i = 0; i < perTick; i++) {
                    int session = next[0];
                    next[0] = (next[0] + 1) % sessions;
                    int seqNo = seq[session]++;
                    workers.execute(() -> {
                        long start = System.nanoTime();
                        try {
                            update(domain, session, seqNo, t0);
                            recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                        } catch (Exception e) {
                            failures.increment();
                        }
                    });
                }
            }, 0, tickNanos, TimeUnit.NANOSECONDS);

            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds)); // a load generator's pacing, not a test's sync
            recorder.getIntervalHistogram();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            Histogram h = recorder.getIntervalHistogram();
            ticks.shutdownNow();
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("%d updates in %d s (%.0f/s), %d failed%n", h.getTotalCount(), durationSeconds,
                    h.getTotalCount() / (wall / 1e9), failures.sum());
            System.out.printf("session update latency: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
            System.out.printf("CPU: %.1f%% of %d cores (%.2f cores busy)%n", 100.0 * cpu / wall / cores, cores,
                    (double) cpu / wall);
        }
        return 0;
    }

    private void startStation(CsmsDomain domain, int station, Instant t0) {
        StationContext ctx = ctx(station);
        try {
            domain.connected(ctx);
            domain.messages().answer(ctx, new BootNotificationRequest(new ChargingStationType("Load", "Bench"),
                    BootReasonEnumType.PowerUp));
            for (int evse = 1; evse <= EVSES_PER_STATION; evse++) {
                int session = station * EVSES_PER_STATION + evse - 1;
                if (session < sessions) {
                    domain.messages().answer(ctx, event(session, TransactionEventEnumType.Started, 0, t0, 20));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(CsmsDomain domain, int session, int seqNo, Instant t0) throws Exception {
        double soc = Math.min(100, 20 + seqNo * 0.3);
        domain.messages().answer(ctx(session / EVSES_PER_STATION),
                event(session, TransactionEventEnumType.Updated, seqNo, t0.plusSeconds((long) seqNo * everySeconds),
                        soc));
    }

    private static StationContext ctx(int station) {
        return new StationContext(String.format("LOAD%05d", station), OcppVersion.V21, 1);
    }

    private static TransactionEventRequest event(int session, TransactionEventEnumType type, int seqNo, Instant at,
                                                 double soc) {
        List<SampledValueType> values = List.of(
                sample(soc, MeasurandEnumType.SoC, LocationEnumType.EV, "Percent"),
                sample(seqNo * 138.9, MeasurandEnumType.Energy_Active_Import_Register, LocationEnumType.Outlet, "Wh"),
                sample(50_000, MeasurandEnumType.Power_Active_Import, LocationEnumType.Outlet, "W"));
        return new TransactionEventRequest(null, type, List.of(new MeterValueType(values, at, null)), at,
                type == TransactionEventEnumType.Started ? TriggerReasonEnumType.CablePluggedIn
                        : TriggerReasonEnumType.MeterValuePeriodic, seqNo, null, null, null, null, null, null,
                new TransactionType("TX" + session, ChargingStateEnumType.Charging, null, null, null, null, null,
                        null, null),
                type == TransactionEventEnumType.Started
                        ? new EVSEType(session % EVSES_PER_STATION + 1, 1, null) : null, null, null);
    }

    private static SampledValueType sample(double v, MeasurandEnumType m, LocationEnumType l, String unit) {
        return new SampledValueType(v, m, null, null, l, null, new UnitOfMeasureType(unit, null, null), null);
    }

    /** No station answers: the load is the stations' messages, not CSMS calls. */
    private static StationCalls offline() {
        return new StationCalls() {
            @Override
            public CompletableFuture<Object> call(String stationId, Object request) {
                return CompletableFuture.failedFuture(new IllegalStateException("offline"));
            }

            @Override
            public Optional<OcppVersion> version(String stationId) {
                return Optional.empty();
            }
        };
    }
}
