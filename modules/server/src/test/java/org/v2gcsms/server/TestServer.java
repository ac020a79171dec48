package org.v2gcsms.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real {@link CsmsServer} on 127.0.0.1 and a free port, with an in-memory registry that admits
 * unknown stations (tests of authentication switch that off), handlers to fill in, and a listener
 * that records events.
 */
final class TestServer implements AutoCloseable {
    final InMemoryStationRegistry registry = new InMemoryStationRegistry(AutoRegistration.ACCEPT);
    final OcppHandlers handlers = new OcppHandlers();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final CsmsServer server;

    private TestServer(ServerConfig config, List<HttpRoute> routes) throws InterruptedException {
        StationListener recorder = new StationListener() {
            @Override
            public void connected(ConnectedStation station) {
                events.add("connected " + station.stationId() + " #" + station.connectionId());
            }

            @Override
            public void disconnected(ConnectedStation station, String reason) {
                events.add("disconnected " + station.stationId() + " #" + station.connectionId() + " " + reason);
            }
        };
        server = new CsmsServer(config, registry, handlers, recorder, routes);
        server.start();
    }

    static ServerConfig.Builder defaults() {
        return ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .callTimeout(Duration.ofSeconds(5))
                .heartbeatInterval(Duration.ofSeconds(60))
                .pingInterval(Duration.ofSeconds(30))
                .idleTimeout(Duration.ofSeconds(300))
                .shutdownGrace(Duration.ofSeconds(5));
    }

    static TestServer start() throws InterruptedException {
        return start(b -> b);
    }

    static TestServer start(UnaryOperator<ServerConfig.Builder> config) throws InterruptedException {
        return new TestServer(config.apply(defaults()).build(), List.of());
    }

    static TestServer start(UnaryOperator<ServerConfig.Builder> config, List<HttpRoute> routes)
            throws InterruptedException {
        return new TestServer(config.apply(defaults()).build(), routes);
    }

    int port() {
        return server.port();
    }

    String url(String stationId) {
        String scheme = server.config().tlsEnabled() ? "wss" : "ws";
        return scheme + "://localhost:" + port() + "/ocpp/" + stationId;
    }

    StationLink link() {
        return server.stations();
    }

    /** A 2.0.1 station connected and announced to the listener. */
    StationClient connect201(String stationId) throws InterruptedException {
        StationClient client = StationClient.to(url(stationId)).offering("ocpp2.0.1").open();
        awaitEvent("connected " + stationId);
        return client;
    }

    StationClient connect21(String stationId) throws InterruptedException {
        StationClient client = StationClient.to(url(stationId)).offering("ocpp2.1").open();
        awaitEvent("connected " + stationId);
        return client;
    }

    /** The next listener event, which must start with {@code prefix}. */
    String awaitEvent(String prefix) throws InterruptedException {
        String event = events.poll(StationClient.WAIT_SECONDS, TimeUnit.SECONDS);
        if (event == null || !event.startsWith(prefix)) {
            throw new AssertionError("Expected event '" + prefix + "...' but got " + event);
        }
        return event;
    }

    @Override
    public void close() {
        server.close();
    }
}
