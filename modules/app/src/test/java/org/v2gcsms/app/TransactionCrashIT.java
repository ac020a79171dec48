package org.v2gcsms.app;

import org.v2gcsms.api.TestStation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionEvent;
import org.v2gcsms.store.DatabaseConfig;
import org.v2gcsms.store.DatabaseTest;
import org.v2gcsms.store.Store;

/**
 * The CSMS runs as its own process and is killed with SIGKILL at random moments while stations stream
 * transaction events; each time it is started again and the stations re-send what was not acknowledged, as
 * OCPP stations do. In the end every acknowledged event is in the database exactly once, and each
 * transaction counts each of its events once.
 */
class TransactionCrashIT {
    private static final Pattern STATIONS_URL = Pattern.compile("Stations: (ws://\\S+/)<stationId>");
    private static final int STATIONS = 6;
    private static final int EVENTS_PER_STATION = 150;
    private static final int KILLS = 4;

    @DatabaseTest
    void everyAcknowledgedEventSurvivesKillNineExactlyOnce(DatabaseConfig db) throws Exception {
        Path dir = Files.createTempDirectory("csms-crash-");
        AtomicReference<CompletableFuture<URI>> endpoint = new AtomicReference<>(new CompletableFuture<>());
        ConcurrentHashMap<String, Integer> acknowledged = new ConcurrentHashMap<>();
        List<Thread> stations = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            String id = "CRASH-" + s;
            stations.add(Thread.ofPlatform().name(id).start(() -> stream(id, endpoint, acknowledged)));
        }
        Random random = new Random(42);
        Process csms = null;
        try {
            for (int run = 0; run <= KILLS; run++) {
                csms = start(dir, db, endpoint.get());
                if (run == KILLS) {
                    break;
                }
                int before = acknowledged.values().stream().mapToInt(Integer::intValue).sum();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                int waitFor = 30 + random.nextInt(150); // a random point: after this many more acknowledgements
                while (acknowledged.values().stream().mapToInt(Integer::intValue).sum() < before + waitFor
                        && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                endpoint.set(new CompletableFuture<>());
                csms.destroyForcibly(); // SIGKILL
                assertTrue(csms.waitFor(30, TimeUnit.SECONDS), "the CSMS did not die");
            }
            for (Thread t : stations) {
                assertTrue(t.join(java.time.Duration.ofSeconds(120)), t.getName() + " did not finish streaming");
            }
        } finally {
            if (csms != null) {
                csms.destroy();
                csms.waitFor(30, TimeUnit.SECONDS);
            }
        }

        try (Store store = Store.open(db)) {
            for (int s = 0; s < STATIONS; s++) {
                String id = "CRASH-" + s;
                assertEquals(EVENTS_PER_STATION, acknowledged.get(id), id + " had every event acknowledged");
                List<TransactionEvent> events = store.repositories().transactions().events(id, "TX-" + id);
                assertEquals(EVENTS_PER_STATION, events.size(), id + ": each acknowledged event stored once");
                for (int seq = 0; seq < EVENTS_PER_STATION; seq++) {
                    assertEquals(seq, events.get(seq).seqNo());
                    assertEquals(1, events.get(seq).samples().size(), id + " seq " + seq + ": its sample once");
                }
                Transaction t = store.repositories().transactions().find(id, "TX-" + id).orElseThrow();
                assertEquals(EVENTS_PER_STATION, t.eventCount(), id + ": the transaction counted each event once");
                assertTrue(t.complete());
                assertEquals((EVENTS_PER_STATION - 1) * 100.0, t.importedWh().orElseThrow());
            }
        }
    }

    /** One station: sends its events in order, re-sending the current one until the CSMS acknowledges it. */
    private static void stream(String id, AtomicReference<CompletableFuture<URI>> endpoint,
                               ConcurrentHashMap<String, Integer> acknowledged) {
        Instant t0 = Instant.parse("2026-11-21T06:00:00Z");
        int seq = 0;
        boolean booted = false;
        TestStation station = null;
        while (seq < EVENTS_PER_STATION) {
            try {
                if (station == null || !station.isOpen()) {
                    URI url = endpoint.get().get(120, TimeUnit.SECONDS);
                    station = TestStation.connect(url, id, "ocpp2.0.1");
                    booted = false;
                }
                if (!booted) {
                    station.ok("BootNotification", "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":"
                            + "\"Acme\",\"model\":\"Crash\"}}");
                    booted = true;
                }
                Instant at = t0.plusSeconds(seq * 10L);
                String meter = "{\"timestamp\":\"" + at + "\",\"sampledValue\":[{\"value\":" + seq * 100
                        + ",\"measurand\":\"Energy.Active.Import.Register\"}]}";
                String event = "{\"eventType\":\"" + (seq == 0 ? "Started" : "Updated") + "\",\"timestamp\":\"" + at
                        + "\",\"triggerReason\":\"" + (seq == 0 ? "CablePluggedIn" : "MeterValuePeriodic")
                        + "\",\"seqNo\":" + seq + ",\"transactionInfo\":{\"transactionId\":\"TX-" + id
                        + "\"},\"evse\":{\"id\":1,\"connectorId\":1},\"meterValue\":[" + meter + "]}";
                station.ok("TransactionEvent", event);
                seq++;
                acknowledged.put(id, seq);
            } catch (RuntimeException | AssertionError | InterruptedException
                     | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // The CSMS died mid-call: not acknowledged, so this event is sent again after reconnecting.
                if (station != null) {
                    station.close();
                }
                station = null;
                if (e instanceof InterruptedException) {
                    return;
                }
            }
        }
        if (station != null) {
            station.close();
        }
    }

    private static Process start(Path dir, DatabaseConfig db, CompletableFuture<URI> endpoint) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("csms.jar"), "serve", "--host", "127.0.0.1", "--port", "0",
                "--data-dir", dir.toString(), "--db-url", db.jdbcUrl(), "--db-user", db.user(),
                "--max-messages-per-second", "10000"));
        if (!db.password().isEmpty()) {
            cmd.add("--db-password");
            cmd.add(db.password());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = STATIONS_URL.matcher(line);
                    if (m.find()) {
                        endpoint.complete(URI.create(m.group(1)));
                    }
                }
            } catch (Exception ignored) {
                // the process was killed
            }
        });
        endpoint.get(60, TimeUnit.SECONDS);
        return p;
    }
}
