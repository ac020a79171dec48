package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v201.BootNotificationRequest;
import org.v2gcsms.ocpp.v201.BootNotificationResponse;
import org.v2gcsms.ocpp.v201.HeartbeatResponse;
import org.v2gcsms.ocpp.v201.RegistrationStatusEnumType;
import org.v2gcsms.ocpp.v201.V201Actions;
import org.v2gcsms.ocpp.v21.NotifyPeriodicEventStream;
import org.v2gcsms.ocpp.v21.V21Actions;

/** What a station's CALLs and SENDs get back, including every error path. */
class InboundMessagesTest {
    static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M1\",\"vendorName\":\"V\"}}";

    private TestServer server;
    private StationClient station;
    private final BlockingQueue<BootNotificationRequest> boots = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.start();
        server.handlers
                .on(V201Actions.BOOT_NOTIFICATION, (s, request) -> {
                    boots.add(request);
                    return new BootNotificationResponse(Instant.parse("2026-01-01T00:00:00Z"), 300,
                            RegistrationStatusEnumType.Accepted);
                })
                .on(V201Actions.HEARTBEAT, (s, request) -> new HeartbeatResponse(Instant.EPOCH))
                .on(V21Actions.HEARTBEAT, (s, request) -> new org.v2gcsms.ocpp.v21.HeartbeatResponse(Instant.EPOCH));
        station = server.connect201("CS1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void typedHandlerAnswersWithCallResult() throws Exception {
        JsonArray reply = station.call("m1", "BootNotification", BOOT);
        assertEquals("[3,\"m1\",{\"currentTime\":\"2026-01-01T00:00:00Z\",\"interval\":300,\"status\":\"Accepted\"}]",
                reply.toString());
        BootNotificationRequest seen = boots.poll(1, TimeUnit.SECONDS);
        assertEquals("M1", seen.chargingStation().model());
    }

    @Test
    void handlerRegisteredByRequestClassIsUsedToo() throws Exception {
        try (TestServer other = TestServer.start()) {
            other.handlers.on(OcppVersion.V201, BootNotificationRequest.class, (s, request) ->
                    new BootNotificationResponse(Instant.EPOCH, 60, RegistrationStatusEnumType.Pending));
            StationClient client = other.connect201("CS9");
            assertEquals("Pending", client.call("b", "BootNotification", BOOT).get(2).getAsJsonObject()
                    .get("status").getAsString());
        }
    }

    /** A CALL the CSMS starts while it answers a boot (provisioning a Pending station) goes out after the answer. */
    @Test
    void aCallStartedWhileTheBootIsAnsweredReachesTheStationAfterTheAnswer() throws Exception {
        try (TestServer other = TestServer.start()) {
            other.handlers.on(OcppVersion.V201, BootNotificationRequest.class, (s, request) -> {
                other.link().call(s.stationId(), org.v2gcsms.ocpp.v201.V201Actions.GET_BASE_REPORT,
                        new org.v2gcsms.ocpp.v201.GetBaseReportRequest(1,
                                org.v2gcsms.ocpp.v201.ReportBaseEnumType.FullInventory));
                return new BootNotificationResponse(Instant.EPOCH, 60, RegistrationStatusEnumType.Pending);
            });
            StationClient client = other.connect201("CS8");
            JsonArray first = client.call("b", "BootNotification", BOOT);
            assertEquals(3, first.get(0).getAsInt(), "the boot's answer first: " + first);
            assertEquals("b", first.get(1).getAsString());
            JsonArray second = client.nextFrame();
            assertEquals("GetBaseReport", second.get(2).getAsString(), "then the CSMS's request: " + second);
        }
    }

    @Test
    void frameThatIsNotJsonGetsRpcFrameworkErrorWithIdMinusOne() throws Exception {
        station.send("this is not json");
        assertError(station.nextFrame(), "-1", ErrorCode.RpcFrameworkError);
    }

    @Test
    void frameThatIsNotAnArrayGetsRpcFrameworkError() throws Exception {
        station.send("{\"messageTypeId\":2}");
        assertError(station.nextFrame(), "-1", ErrorCode.RpcFrameworkError);
    }

    @Test
    void unknownMessageTypeGetsMessageTypeNotSupportedOn201() throws Exception {
        station.send("[7,\"t1\",\"Heartbeat\",{}]");
        assertError(station.nextFrame(), "t1", ErrorCode.MessageTypeNotSupported);
    }

    @Test
    void unknownMessageTypeIsIgnoredOn21() throws Exception {
        StationClient v21 = server.connect21("CS21");
        v21.send("[7,\"t1\",\"Heartbeat\",{}]");
        JsonArray next = v21.call("h1", "Heartbeat", "{}");
        assertEquals("h1", next.get(1).getAsString(), "the unknown type was dropped without an answer");
    }

    @Test
    void unknownActionGetsNotImplemented() throws Exception {
        assertError(station.call("u1", "MakeCoffee", "{}"), "u1", ErrorCode.NotImplemented);
    }

    @Test
    void knownActionWithoutHandlerGetsNotSupported() throws Exception {
        assertError(station.call("a1", "Authorize", "{\"idToken\":{\"idToken\":\"X\",\"type\":\"Central\"}}"),
                "a1", ErrorCode.NotSupported);
    }

    @Test
    void actionTheCsmsInitiatesGetsNotSupported() throws Exception {
        assertError(station.call("r1", "Reset", "{\"type\":\"Immediate\"}"), "r1", ErrorCode.NotSupported);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing required field   | {\"reason\":\"PowerUp\"}                                                                    | OccurrenceConstraintViolation",
            "wrong type               | {\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":5,\"vendorName\":\"V\"}}               | TypeConstraintViolation",
            "value outside the enum   | {\"reason\":\"Bored\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}             | PropertyConstraintViolation",
            "string too long          | {\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"123456789012345678901\",\"vendorName\":\"V\"}} | PropertyConstraintViolation",
            "undefined property       | {\"reason\":\"PowerUp\",\"extra\":1,\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}} | FormatViolation",
            "payload not an object    | []                                                                                          | FormatViolation"})
    void schemaViolationsGetTheCodeTheCatalogueAssigns(String what, String payload, ErrorCode expected) throws Exception {
        assertError(station.call("v1", "BootNotification", payload), "v1", expected);
        assertTrue(boots.isEmpty(), "the handler never saw the invalid request");
    }

    @Test
    void handlerThrowingOcppErrorAnswersWithItsCode() throws Exception {
        try (TestServer other = TestServer.start()) {
            other.handlers.on(V201Actions.HEARTBEAT, (s, request) -> {
                throw new OcppError(ErrorCode.SecurityError, "Station is not accepted yet");
            });
            JsonArray reply = other.connect201("P1").call("h", "Heartbeat", "{}");
            assertError(reply, "h", ErrorCode.SecurityError);
            assertEquals("Station is not accepted yet", reply.get(3).getAsString());
        }
    }

    @Test
    void handlerFailingOtherwiseAnswersInternalErrorWithoutLeakingDetails() throws Exception {
        try (TestServer other = TestServer.start()) {
            other.handlers.on(V201Actions.HEARTBEAT, (s, request) -> {
                throw new IllegalStateException("jdbc:postgresql://db password=secret");
            });
            JsonArray reply = other.connect201("P1").call("h", "Heartbeat", "{}");
            assertError(reply, "h", ErrorCode.InternalError);
            assertFalse(reply.toString().contains("secret"));
            assertFalse(reply.toString().contains("IllegalState"));
        }
    }

    @Test
    void responseThatBreaksItsSchemaNeverReachesTheStation() throws Exception {
        try (TestServer other = TestServer.start()) {
            other.handlers.on(OcppVersion.V201, org.v2gcsms.ocpp.v201.HeartbeatRequest.class,
                    (s, request) -> new BootNotificationResponse(Instant.EPOCH, 1, RegistrationStatusEnumType.Accepted));
            JsonArray reply = other.connect201("P1").call("h", "Heartbeat", "{}");
            assertError(reply, "h", ErrorCode.InternalError);
        }
    }

    @Test
    void sendFramesGoToTheSendHandlerAndAreNeverAnswered() throws Exception {
        BlockingQueue<NotifyPeriodicEventStream> streams = new LinkedBlockingQueue<>();
        server.handlers.onSend(V21Actions.NOTIFY_PERIODIC_EVENT_STREAM, (s, message) -> streams.add(message));
        StationClient v21 = server.connect21("CS21");
        v21.send("[6,\"s1\",\"NotifyPeriodicEventStream\",{\"id\":7,\"pending\":0,"
                + "\"basetime\":\"2026-01-01T00:00:00Z\",\"data\":[{\"t\":0.5,\"v\":\"230.1\"}]}]");
        NotifyPeriodicEventStream seen = streams.poll(StationClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(7, seen.id());
        assertEquals("230.1", seen.data().get(0).v());
        assertEquals("h", v21.call("h", "Heartbeat", "{}").get(1).getAsString(), "no answer came for the SEND");
    }

    @Test
    void messagesOfOneStationAreHandledInArrivalOrderWhileOthersProceed() throws Exception {
        CountDownLatch othersDone = new CountDownLatch(1);
        Map<String, List<String>> handled = new ConcurrentHashMap<>();
        try (TestServer other = TestServer.start(b -> b.inboxCapacity(64))) {
            other.handlers.on(V201Actions.HEARTBEAT, (s, request) -> {
                List<String> mine = handled.computeIfAbsent(s.stationId(), k -> Collections.synchronizedList(new ArrayList<>()));
                if (s.stationId().equals("SLOW") && mine.isEmpty()) {
                    // The first message of SLOW waits until FAST got all its answers: one station's slow
                    // handler must not hold up another station.
                    othersDone.await(StationClient.WAIT_SECONDS, TimeUnit.SECONDS);
                }
                mine.add(Thread.currentThread().isVirtual() ? "v" : "platform");
                return new HeartbeatResponse(Instant.EPOCH);
            });
            StationClient slow = other.connect201("SLOW");
            StationClient fast = other.connect201("FAST");
            for (int i = 0; i < 40; i++) {
                slow.sendCall("s" + i, "Heartbeat", "{}");
            }
            for (int i = 0; i < 40; i++) {
                fast.sendCall("f" + i, "Heartbeat", "{}");
            }
            for (int i = 0; i < 40; i++) {
                assertEquals("f" + i, fast.nextFrame().get(1).getAsString());
            }
            othersDone.countDown();
            for (int i = 0; i < 40; i++) {
                assertEquals("s" + i, slow.nextFrame().get(1).getAsString());
            }
            assertTrue(handled.get("SLOW").stream().allMatch("v"::equals), "handlers run on virtual threads");
        }
    }

    static void assertError(JsonArray frame, String messageId, ErrorCode code) {
        assertEquals(4, frame.get(0).getAsInt(), frame.toString());
        assertEquals(messageId, frame.get(1).getAsString());
        assertEquals(code.name(), frame.get(2).getAsString(), frame.toString());
        assertTrue(frame.get(4).isJsonObject());
    }
}
