package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who gets through the handshake on plain ws:// (profile 1), and what the refused ones see. */
class AdmissionTest {
    private static final String PASSWORD = "0123456789abcdefXYZ";
    private TestServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.start();
        server.registry.setAutoRegistration(AutoRegistration.REJECT);
        server.registry.registerWithPassword("CS1", SecurityProfile.BASIC_AUTH, PASSWORD);
        server.registry.registerWithPassword("TLS2", SecurityProfile.TLS_BASIC_AUTH, PASSWORD);
        server.registry.registerWithCertificate("CERT3");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void basicAuthWithTheRightPasswordIsAdmitted() throws Exception {
        StationClient station = StationClient.to(server.url("CS1")).offering("ocpp2.0.1").basicAuth("CS1", PASSWORD).open();
        server.awaitEvent("connected CS1");
        ConnectedStation seen = server.link().station("CS1").orElseThrow();
        assertEquals(SecurityProfile.BASIC_AUTH, seen.securityProfile());
        assertFalse(seen.autoRegistered());
        station.closeBlocking();
    }

    @Test
    void wrongPasswordGets401WithBasicChallenge() throws Exception {
        assertRefused401("CS1", basic("CS1", PASSWORD + "x"));
    }

    @Test
    void userNameDifferentFromIdentityGets401() throws Exception {
        assertRefused401("CS1", basic("CS2", PASSWORD));
    }

    @Test
    void missingOrMalformedCredentialsGet401() throws Exception {
        assertRefused401("CS1", null);
        assertRefused401("CS1", "Authorization: Bearer abc");
        assertRefused401("CS1", "Authorization: Basic !!!notbase64");
        assertRefused401("CS1", "Authorization: Basic " + Base64.getEncoder().encodeToString("CS1".getBytes()));
    }

    @Test
    void profile2StationOnPlainWebSocketIsRefused() throws Exception {
        assertRefused401("TLS2", basic("TLS2", PASSWORD));
    }

    @Test
    void profile3StationOnPlainWebSocketIsRefused() throws Exception {
        assertRefused401("CERT3", null);
    }

    @Test
    void unknownStationGets404WhenAutoRegistrationRejects() throws Exception {
        RawHttp.Response response = RawHttp.upgrade(server.port(), "/ocpp/NOBODY", "Sec-WebSocket-Protocol: ocpp2.0.1");
        assertEquals(404, response.status());
        response.socket().close();
        assertTrue(server.events.isEmpty());
    }

    @Test
    void unknownStationIsAdmittedAndFlaggedWhenAutoRegistrationAccepts() throws Exception {
        for (AutoRegistration policy : new AutoRegistration[] {AutoRegistration.ACCEPT, AutoRegistration.PENDING}) {
            server.registry.setAutoRegistration(policy);
            StationClient station = StationClient.to(server.url("NEW-" + policy)).offering("ocpp2.0.1").open();
            server.awaitEvent("connected NEW-" + policy);
            assertTrue(server.link().station("NEW-" + policy).orElseThrow().autoRegistered());
            station.closeBlocking();
            server.awaitEvent("disconnected NEW-" + policy);
        }
    }

    @Test
    void changedPasswordAppliesToTheNextHandshake() throws Exception {
        server.registry.registerWithPassword("CS1", SecurityProfile.BASIC_AUTH, "the-new-password-16");
        assertRefused401("CS1", basic("CS1", PASSWORD));
        StationClient station = StationClient.to(server.url("CS1")).offering("ocpp2.0.1")
                .basicAuth("CS1", "the-new-password-16").open();
        station.closeBlocking();
    }

    @Test
    void slowRegistryDoesNotBlockOtherConnections() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        StationRegistry slow = new StationRegistry() {
            @Override
            public java.util.Optional<StationCredentials> find(String stationId) {
                if (stationId.equals("SLOW")) {
                    release.join();
                }
                return java.util.Optional.empty();
            }

            @Override
            public void raiseProfile(String stationId, SecurityProfile profile) {
                throw new AssertionError("no station is known here, none can be upgraded");
            }

            @Override
            public AutoRegistration autoRegistration() {
                return AutoRegistration.ACCEPT;
            }
        };
        try (CsmsServer csms = new CsmsServer(TestServer.defaults().build(), slow, new OcppHandlers(),
                StationListener.NONE, java.util.List.of())) {
            csms.start();
            StationClient waiting = StationClient.to("ws://localhost:" + csms.port() + "/ocpp/SLOW")
                    .offering("ocpp2.0.1").build();
            waiting.connect();
            StationClient fast = StationClient.to("ws://localhost:" + csms.port() + "/ocpp/FAST")
                    .offering("ocpp2.0.1").open();
            Eventually.until(() -> csms.stations().isConnected("FAST"), "FAST is connected");
            assertFalse(csms.stations().isConnected("SLOW"));
            release.complete(null);
            waiting.awaitOpen();
            Eventually.until(() -> csms.stations().isConnected("SLOW"), "SLOW is connected");
            fast.closeBlocking();
            waiting.closeBlocking();
        }
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private void assertRefused401(String stationId, String authorizationLine) throws Exception {
        RawHttp.Response response = authorizationLine == null
                ? RawHttp.upgrade(server.port(), "/ocpp/" + stationId, "Sec-WebSocket-Protocol: ocpp2.0.1")
                : RawHttp.upgrade(server.port(), "/ocpp/" + stationId, "Sec-WebSocket-Protocol: ocpp2.0.1",
                        authorizationLine);
        assertEquals(401, response.status());
        assertTrue(response.header("www-authenticate").startsWith("Basic"));
        response.socket().close();
        assertFalse(server.link().isConnected(stationId));
    }
}
