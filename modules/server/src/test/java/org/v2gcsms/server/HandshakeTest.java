package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;

class HandshakeTest {
    private TestServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void negotiatesOcpp201() throws Exception {
        StationClient station = StationClient.to(server.url("CS1")).offering("ocpp2.0.1").open();
        assertEquals("ocpp2.0.1", station.subprotocol());
        server.awaitEvent("connected CS1");
        assertEquals(OcppVersion.V201, server.link().protocolVersion("CS1").orElseThrow());
        station.closeBlocking();
    }

    @Test
    void negotiatesOcpp21() throws Exception {
        StationClient station = StationClient.to(server.url("CS1")).offering("ocpp2.1").open();
        assertEquals("ocpp2.1", station.subprotocol());
        server.awaitEvent("connected CS1");
        assertEquals(OcppVersion.V21, server.link().protocolVersion("CS1").orElseThrow());
        station.closeBlocking();
    }

    @Test
    void clientsPreferenceOrderWins() throws Exception {
        StationClient prefers201 = StationClient.to(server.url("A"))
                .offering("ocpp1.6", "ocpp2.0.1", "ocpp2.1").open();
        StationClient prefers21 = StationClient.to(server.url("B"))
                .offering("ocpp2.1", "ocpp2.0.1").open();
        assertEquals("ocpp2.0.1", prefers201.subprotocol());
        assertEquals("ocpp2.1", prefers21.subprotocol());
        prefers201.closeBlocking();
        prefers21.closeBlocking();
    }

    @Test
    void handshakeOfferingNoSupportedVersionCompletesWithoutSubprotocolAndIsClosed() throws Exception {
        RawHttp.Response raw = RawHttp.upgrade(server.port(), "/ocpp/CS1", "Sec-WebSocket-Protocol: ocpp1.6");
        assertEquals(101, raw.status());
        assertNull(raw.header("sec-websocket-protocol"));
        InputStream in = raw.socket().getInputStream();
        assertEquals(0x88, in.read(), "the first frame is a close frame"); // FIN + opcode 8
        raw.socket().close();

        StationClient station = StationClient.to(server.url("CS2")).offering("ocpp1.6").acceptingNoSubprotocol().build();
        station.connectBlocking(StationClient.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1002, station.awaitClose().code());
        assertEquals("", station.subprotocol(), "the handshake itself completed");
        assertFalse(server.link().isConnected("CS2"));
    }

    @Test
    void handshakeWithoutAnySubprotocolHeaderIsClosedToo() throws Exception {
        RawHttp.Response raw = RawHttp.upgrade(server.port(), "/ocpp/CS1");
        assertEquals(101, raw.status());
        assertNull(raw.header("sec-websocket-protocol"));
        assertEquals(0x88, raw.socket().getInputStream().read());
        raw.socket().close();
    }

    @Test
    void permessageDeflateIsNegotiatedWhenOfferedAndMessagesFlow() throws Exception {
        server.handlers.on(org.v2gcsms.ocpp.v201.V201Actions.HEARTBEAT,
                (station, request) -> new org.v2gcsms.ocpp.v201.HeartbeatResponse(java.time.Instant.EPOCH));
        StationClient compressed = StationClient.to(server.url("Z1")).offering("ocpp2.0.1").deflate().open();
        assertTrue(compressed.handshakeHeader("Sec-WebSocket-Extensions").startsWith("permessage-deflate"),
                compressed.handshakeHeader("Sec-WebSocket-Extensions"));
        RawHttp.Response raw = RawHttp.upgrade(server.port(), "/ocpp/Z3", "Sec-WebSocket-Protocol: ocpp2.0.1",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits");
        assertEquals("permessage-deflate", raw.header("sec-websocket-extensions"));
        raw.socket().close();
        assertEquals("[3,\"h1\",{\"currentTime\":\"1970-01-01T00:00:00Z\"}]",
                compressed.call("h1", "Heartbeat", "{}").toString());

        StationClient plain = StationClient.to(server.url("Z2")).offering("ocpp2.0.1").open();
        assertFalse(plain.handshakeHeader("Sec-WebSocket-Extensions").contains("deflate"));
        assertEquals(3, plain.call("h2", "Heartbeat", "{}").get(0).getAsInt());
        compressed.closeBlocking();
        plain.closeBlocking();
    }

    @Test
    void stationIdentityIsPercentDecoded() throws Exception {
        StationClient station = StationClient.to(server.url("CS%20%C3%A9+1")).offering("ocpp2.0.1").open();
        server.awaitEvent("connected CS é+1");
        assertTrue(server.link().isConnected("CS é+1"));
        station.closeBlocking();
    }

    @Test
    void invalidIdentitiesGet400() throws IOException {
        String fortyNine = "x".repeat(49);
        for (String path : new String[] {"/ocpp/" + fortyNine, "/ocpp/CS%3A1", "/ocpp/CS:1", "/ocpp/", "/ocpp",
                "/ocpp/CS1/extra", "/ocpp/CS%ZZ", "/ocpp/CS%0A1"}) {
            RawHttp.Response response = RawHttp.upgrade(server.port(), path, "Sec-WebSocket-Protocol: ocpp2.0.1");
            assertEquals(400, response.status(), path);
            response.socket().close();
        }
        RawHttp.Response longest = RawHttp.upgrade(server.port(), "/ocpp/" + "x".repeat(48),
                "Sec-WebSocket-Protocol: ocpp2.0.1");
        assertEquals(101, longest.status());
        longest.socket().close();
    }

    @Test
    void configurablePathPrefix() throws Exception {
        try (TestServer custom = TestServer.start(b -> b.pathPrefix("/csms/v2/"))) {
            RawHttp.Response wrongPrefix = RawHttp.upgrade(custom.port(), "/ocpp/CS1", "Sec-WebSocket-Protocol: ocpp2.0.1");
            assertEquals(404, wrongPrefix.status());
            wrongPrefix.socket().close();
            RawHttp.Response ok = RawHttp.upgrade(custom.port(), "/csms/v2/CS1", "Sec-WebSocket-Protocol: ocpp2.0.1");
            assertEquals(101, ok.status());
            assertEquals("ocpp2.0.1", ok.header("sec-websocket-protocol"));
            ok.socket().close();
        }
    }
}
