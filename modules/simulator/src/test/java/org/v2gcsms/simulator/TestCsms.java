package org.v2gcsms.simulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.server.CallHandler;
import org.v2gcsms.server.CsmsServer;
import org.v2gcsms.server.InMemoryStationRegistry;
import org.v2gcsms.server.OcppHandlers;
import org.v2gcsms.server.ServerConfig;
import org.v2gcsms.server.StationLink;
import org.v2gcsms.server.StationListener;

/**
 * A real {@link CsmsServer} on a loopback port that answers every station-initiated action of both versions
 * with a plain valid response and remembers every request it got, for tests to wait on.
 */
final class TestCsms implements AutoCloseable {
    /** One request the CSMS received. */
    record Received(String stationId, OcppVersion version, String action, Object request, Instant at) {}

    private static final Map<String, String> ANSWERS = Map.of(
            "BootNotification", "{\"currentTime\":\"2025-01-01T00:00:00Z\",\"interval\":300,\"status\":\"Accepted\"}",
            "Heartbeat", "{\"currentTime\":\"2025-01-01T00:00:00Z\"}",
            "Authorize", "{\"idTokenInfo\":{\"status\":\"Accepted\"}}",
            "NotifyEVChargingNeeds", "{\"status\":\"Accepted\"}",
            "DataTransfer", "{\"status\":\"Rejected\"}");

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final CsmsServer server;

    TestCsms() throws InterruptedException {
        this(ServerConfig.builder().host("127.0.0.1").port(0).build(), new InMemoryStationRegistry(AutoRegistration.ACCEPT));
    }

    TestCsms(ServerConfig config, InMemoryStationRegistry registry) throws InterruptedException {
        OcppHandlers handlers = new OcppHandlers();
        for (OcppVersion version : OcppVersion.values()) {
            OcppMessages messages = OcppMessages.of(version);
            for (Action<?, ?> action : messages.actions()) {
                if (action.direction().stationMaySend() && !action.isSendOnly()) {
                    register(handlers, messages, action);
                }
            }
        }
        server = new CsmsServer(config, registry, handlers, StationListener.NONE, List.of());
        server.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void register(OcppHandlers handlers, OcppMessages messages, Action<?, ?> action) {
        CallHandler handler = (station, request) -> {
            received.add(new Received(station.stationId(), station.version(), action.name(), request, Instant.now()));
            synchronized (this) {
                notifyAll();
            }
            String json = overrides.getOrDefault(action.name(), ANSWERS.getOrDefault(action.name(), "{}"));
            JsonObject payload = JsonParser.parseString(json).getAsJsonObject();
            return messages.decode(payload, action.responseType());
        };
        handlers.on((Action) action, handler);
    }

    /** From now on, answers {@code action} with this JSON payload. */
    void answer(String action, String json) {
        overrides.put(action, json);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ocpp");
    }

    StationLink stations() {
        return server.stations();
    }

    /** Waits for the first request matching {@code which}. */
    Received await(Predicate<Received> which, Duration timeout) throws InterruptedException {
        return awaitCount(which, 1, timeout).getFirst();
    }

    /** Waits until {@code n} requests match {@code which}; returns them all. */
    List<Received> awaitCount(Predicate<Received> which, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> found = received.stream().filter(which).toList();
            if (found.size() >= n) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + n + " matching requests, got "
                        + found.size() + "; received: " + received.stream().map(r -> r.stationId() + " " + r.action()).toList());
            }
            synchronized (this) {
                if (received.stream().filter(which).count() < n) {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }
    }

    static Predicate<Received> action(String stationId, String action) {
        return r -> r.stationId().equals(stationId) && r.action().equals(action);
    }

    @Override
    public void close() {
        server.close();
    }
}
