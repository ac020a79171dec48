package org.v2gcsms.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kit against a scripted fake CSMS (a plain WebSocket server sending hand-written frames): what it sends
 * is judged by the official schemas, and its failures say what was expected and what came.
 */
class ScriptedStationTest {
    private FakeCsms csms;

    /** Sends what the test gives it; hands over what the station sends. */
    static final class FakeCsms extends WebSocketServer {
        final BlockingQueue<String> fromStation = new ArrayBlockingQueue<>(16);
        final CountDownLatch started = new CountDownLatch(1);
        /** Counted down when the server side of the station's connection is open (after the client's side may be). */
        final CountDownLatch stationOpen = new CountDownLatch(1);
        volatile WebSocket station;

        FakeCsms() {
            super(new InetSocketAddress("127.0.0.1", 0), java.util.List.of(new Draft_6455(java.util.List.of(),
                    java.util.List.of(new Protocol("ocpp2.0.1")))));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            station = conn;
            stationOpen.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            fromStation.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @BeforeEach
    void start() throws Exception {
        csms = new FakeCsms();
        csms.start();
        assertTrue(csms.started.await(5, TimeUnit.SECONDS));
    }

    @AfterEach
    void stop() throws Exception {
        csms.stop(1000);
    }

    private ScriptedStation station() throws InterruptedException {
        ScriptedStation s = ScriptedStation.connect(URI.create("ws://127.0.0.1:" + csms.getPort() + "/ocpp/"), "CS-1",
                null, "ocpp2.0.1");
        assertTrue(csms.stationOpen.await(5, TimeUnit.SECONDS), "the fake CSMS saw the station connect");
        return s;
    }

    @Test
    void aCallThatBreaksTheOfficialSchemaFailsTheStepWaitingForIt() throws Exception {
        ScriptedStation s = station();
        // evseId is required in SetChargingProfileRequest.
        csms.station.send("[2,\"c1\",\"SetChargingProfile\",{\"chargingProfile\":{\"id\":1,\"stackLevel\":0,"
                + "\"chargingProfilePurpose\":\"TxProfile\",\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":"
                + "[{\"id\":1,\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16}]}]}}]");
        AssertionError e = assertThrows(AssertionError.class, () -> s.expectCall("SetChargingProfile", p -> true, "",
                Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("breaks the official schema"), e.getMessage());
        assertTrue(e.getMessage().contains("evseId"), e.getMessage());
        assertThrows(AssertionError.class, s::close, "close reports the violation too");
    }

    @Test
    void waitingInVainSaysWhatWasExpectedAndThatNothingCame() throws Exception {
        ScriptedStation s = station();
        AssertionError e = assertThrows(AssertionError.class, () -> s.expectCall("SetChargingProfile",
                p -> "TxProfile".equals(Json.str(p, "chargingProfile.chargingProfilePurpose")),
                "TxProfile for evseId 1", Duration.ofMillis(300)));
        assertEquals("expected SetChargingProfile with TxProfile for evseId 1 within 300 ms, got nothing",
                e.getMessage());
        s.close();
    }

    @Test
    void aValidCallIsHandedToTheTestAndItsAnswerGoesBackAsWritten() throws Exception {
        ScriptedStation s = station();
        csms.station.send("[2,\"c2\",\"Reset\",{\"type\":\"OnIdle\"}]");
        ReceivedCall call = s.expectCall("Reset", p -> "OnIdle".equals(Json.str(p, "type")), "type OnIdle");
        call.replyStatus("Scheduled");
        assertEquals("[3,\"c2\",{\"status\":\"Scheduled\"}]", csms.fromStation.poll(5, TimeUnit.SECONDS));
        s.close();
    }

    @Test
    void aCallResultThatBreaksTheResponseSchemaFailsTheCall() throws Exception {
        ScriptedStation s = station();
        Thread answer = Thread.ofVirtual().start(() -> {
            try {
                String frame = csms.fromStation.poll(5, TimeUnit.SECONDS);
                String id = frame.split("\"")[1];
                csms.station.send("[3,\"" + id + "\",{\"status\":\"Sure\",\"interval\":300}]");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AssertionError e = assertThrows(AssertionError.class, () -> s.call("BootNotification",
                Messages.boot("PowerUp")));
        assertTrue(e.getMessage().contains("BootNotificationResponse"), e.getMessage());
        answer.join();
        s.close();
    }
}
