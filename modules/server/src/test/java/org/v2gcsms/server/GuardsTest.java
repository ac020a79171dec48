package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.v201.HeartbeatResponse;
import org.v2gcsms.ocpp.v201.ResetEnumType;
import org.v2gcsms.ocpp.v201.ResetRequest;
import org.v2gcsms.ocpp.v201.ResetResponse;
import org.v2gcsms.ocpp.v201.V201Actions;

/** Frame size, flood, duplicate connections, keep-alive, shutdown and the plain HTTP side. */
class GuardsTest {

    private static void heartbeats(TestServer server) {
        server.handlers.on(V201Actions.HEARTBEAT, (s, request) -> new HeartbeatResponse(Instant.EPOCH));
    }

    @Test
    void oversizedMessageClosesWith1009AndOthersCarryOn() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxFrameBytes(1024))) {
            heartbeats(server);
            StationClient big = server.connect201("BIG");
            StationClient other = server.connect201("OTHER");
            big.sendCall("x", "DataTransfer", "{\"vendorId\":\"" + "v".repeat(2000) + "\"}");
            assertEquals(1009, big.awaitClose().code());
            assertTrue(server.awaitEvent("disconnected BIG").contains("larger than 1024"));
            assertEquals(3, other.call("h", "Heartbeat", "{}").get(0).getAsInt());
        }
    }

    @Test
    void floodIsRefusedThenClosedWith1008WhileAnotherStationIsServedPromptly() throws Exception {
        try (TestServer server = TestServer.start(b -> b.rateLimit(new ServerConfig.RateLimit(5, 5, 20)))) {
            heartbeats(server);
            StationClient flood = server.connect201("FLOOD");
            StationClient calm = server.connect201("CALM");
            for (int i = 0; i < 200 && flood.isOpen(); i++) {
                try {
                    flood.sendCall("f" + i, "Heartbeat", "{}");
                } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closedMeanwhile) {
                    break; // the server closed the flood between isOpen() and send: what this test wants
                }
            }
            long start = System.nanoTime();
            assertEquals("c1", calm.call("c1", "Heartbeat", "{}").get(1).getAsString());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the calm station waited on the flood");
            assertEquals(1008, flood.awaitClose().code());
            boolean refusedWithGenericError = false;
            for (String message = poll(flood); message != null; message = poll(flood)) {
                refusedWithGenericError |= message.contains("\"GenericError\",\"Rejected: rate limit exceeded\"");
            }
            assertTrue(refusedWithGenericError, "excess CALLs were answered with GenericError before the close");
            assertEquals("c2", calm.call("c2", "Heartbeat", "{}").get(1).getAsString());
        }
    }

    /** The next message already received, or null. */
    private static String poll(StationClient client) throws InterruptedException {
        return client.nothingReceived() ? null : client.next();
    }

    @Test
    void secondConnectionReplacesTheFirstCleanly() throws Exception {
        try (TestServer server = TestServer.start()) {
            StationClient first = server.connect201("DUP");
            CompletableFuture<ResetResponse> pending =
                    server.link().call("DUP", V201Actions.RESET, new ResetRequest(ResetEnumType.Immediate));
            first.nextFrame();

            StationClient second = StationClient.to(server.url("DUP")).offering("ocpp2.0.1").open();
            StationClient.Closed closed = first.awaitClose();
            assertEquals(1000, closed.code());
            assertEquals(ConnectedStations.REPLACED, closed.reason());
            OutboundCallsTest.assertFailsWith(ConnectionLostException.class, pending);
            assertTrue(server.awaitEvent("disconnected DUP #1").endsWith(ConnectedStations.REPLACED));
            server.awaitEvent("connected DUP #2");
            assertTrue(server.events.isEmpty(), "the replaced connection sent no late events");

            CompletableFuture<ResetResponse> next =
                    server.link().call("DUP", V201Actions.RESET, new ResetRequest(ResetEnumType.Immediate));
            second.sendResult(second.nextFrame().get(1).getAsString(), "{\"status\":\"Accepted\"}");
            next.get(5, TimeUnit.SECONDS);
            assertTrue(server.link().isConnected("DUP"));
        }
    }

    @Test
    void quietStationIsPingedAndOneThatNeverAnswersIsClosedAfterTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.start(b -> b.heartbeatInterval(Duration.ofMillis(200))
                .pingInterval(Duration.ofMillis(100)).idleTimeout(Duration.ofMillis(500)))) {
            StationClient alive = server.connect201("ALIVE");
            StationClient mute = StationClient.to(server.url("MUTE")).offering("ocpp2.0.1").build();
            mute.stopAnsweringPings();
            assertTrue(mute.connectBlocking(5, TimeUnit.SECONDS));
            StationClient.Closed closed = mute.awaitClose();
            assertEquals("idle timeout", closed.reason());
            assertTrue(mute.pingsReceived() >= 2, "pinged before being given up");
            assertTrue(alive.isOpen(), "a station that pongs stays connected");
            assertTrue(alive.pingsReceived() >= 2);
        }
    }

    @Test
    void gracefulShutdownLetsTheRunningHandlerAnswerThenClosesWith1001() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestServer server = TestServer.start();
        server.handlers.on(V201Actions.HEARTBEAT, (s, request) -> {
            entered.countDown();
            release.await();
            return new HeartbeatResponse(Instant.EPOCH);
        });
        StationClient busy = server.connect201("BUSY");
        StationClient idle = server.connect201("IDLE");
        busy.sendCall("h", "Heartbeat", "{}");
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        int port = server.port();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);

        Eventually.until(() -> health(port) == 503, "/health reports 503 while stopping");
        RawHttp.Response late = RawHttp.upgrade(port, "/ocpp/LATE", "Sec-WebSocket-Protocol: ocpp2.0.1");
        assertEquals(503, late.status(), "no new stations while stopping");
        late.socket().close();

        release.countDown();
        assertEquals("[3,\"h\",{\"currentTime\":\"1970-01-01T00:00:00Z\"}]", busy.nextFrame().toString());
        assertEquals(1001, busy.awaitClose().code());
        assertEquals(1001, idle.awaitClose().code());
        closing.get(10, TimeUnit.SECONDS);
        assertEquals(ServerState.STOPPED, server.server.state());
    }

    private static int health(int port) {
        try {
            return RawHttp.get(port, "/health").status();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void healthAndPluggableRoutesShareThePort() throws Exception {
        HttpRoute hello = new HttpRoute() {
            @Override
            public boolean matches(String method, String path) {
                return path.startsWith("/api/");
            }

            @Override
            public RouteResponse handle(RouteRequest request) {
                return RouteResponse.text(200, request.method() + " " + request.path() + " "
                        + request.queryParameter("q").orElse("-"));
            }
        };
        try (TestServer server = TestServer.start(b -> b, List.of(hello))) {
            server.connect201("CS1");
            RawHttp.Response health = RawHttp.get(server.port(), "/health");
            assertEquals(200, health.status());
            assertEquals("{\"status\":\"UP\",\"connectedStations\":1}", RawHttp.body(health));
            RawHttp.Response api = RawHttp.get(server.port(), "/api/x?q=1");
            assertEquals("GET /api/x 1", RawHttp.body(api));
            RawHttp.Response missing = RawHttp.get(server.port(), "/nothing");
            assertEquals(404, missing.status());
            missing.socket().close();
            RawHttp.Response plainGetOnStationPath = RawHttp.get(server.port(), "/ocpp/CS1");
            assertEquals(400, plainGetOnStationPath.status());
            plainGetOnStationPath.socket().close();
        }
    }

    @Test
    void binaryFrameClosesWith1003() throws Exception {
        try (TestServer server = TestServer.start()) {
            StationClient station = server.connect201("BIN");
            station.send(new byte[] {1, 2, 3});
            assertEquals(1003, station.awaitClose().code());
            assertTrue(server.awaitEvent("disconnected BIN").endsWith("OCPP-J uses text frames"));
            assertFalse(server.link().isConnected("BIN"));
        }
    }
}
