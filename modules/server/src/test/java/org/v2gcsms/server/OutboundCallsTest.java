package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.v201.HeartbeatResponse;
import org.v2gcsms.ocpp.v201.ResetEnumType;
import org.v2gcsms.ocpp.v201.ResetRequest;
import org.v2gcsms.ocpp.v201.ResetResponse;
import org.v2gcsms.ocpp.v201.ResetStatusEnumType;
import org.v2gcsms.ocpp.v201.SetVariablesRequest;
import org.v2gcsms.ocpp.v201.V201Actions;
import org.v2gcsms.ocpp.v21.V21Actions;

/** CALLs the CSMS sends: correlation, queueing, priority, timeouts, and every way they fail. */
class OutboundCallsTest {
    private static final ResetRequest RESET = new ResetRequest(ResetEnumType.Immediate);

    private TestServer server;
    private StationClient station;

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.start(b -> b.callTimeout(Duration.ofMillis(500)));
        server.handlers.on(V201Actions.HEARTBEAT, (s, request) -> new HeartbeatResponse(Instant.EPOCH));
        station = server.connect201("CS1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void callIsAnsweredWithTypedResponse() throws Exception {
        CompletableFuture<ResetResponse> reply = server.link().call("CS1", V201Actions.RESET, RESET);
        JsonArray call = station.nextFrame();
        assertEquals("Reset", call.get(2).getAsString());
        assertEquals("{\"type\":\"Immediate\"}", call.get(3).toString());
        station.sendResult(call.get(1).getAsString(), "{\"status\":\"Accepted\"}");
        assertEquals(ResetStatusEnumType.Accepted, reply.get(StationClient.WAIT_SECONDS, TimeUnit.SECONDS).status());
    }

    @Test
    void convenienceCallFindsTheActionFromTheRequestClass() throws Exception {
        CompletableFuture<Object> reply = server.link().call("CS1", RESET);
        JsonArray call = station.nextFrame();
        assertEquals("Reset", call.get(2).getAsString());
        station.sendResult(call.get(1).getAsString(), "{\"status\":\"Rejected\"}");
        assertEquals(ResetStatusEnumType.Rejected, ((ResetResponse) reply.get(5, TimeUnit.SECONDS)).status());
    }

    @Test
    void onlyOneCallIsOutstandingAndTheRestWaitTheirTurn() throws Exception {
        CompletableFuture<ResetResponse> first = server.link().call("CS1", V201Actions.RESET, RESET);
        CompletableFuture<ResetResponse> second = server.link().call("CS1", V201Actions.RESET, RESET);
        JsonArray firstCall = station.nextFrame();
        // A station CALL round trip: had the second CALL been sent, it would arrive before this answer.
        assertEquals("[3,\"h\",{\"currentTime\":\"1970-01-01T00:00:00Z\"}]", station.call("h", "Heartbeat", "{}").toString());
        station.sendResult(firstCall.get(1).getAsString(), "{\"status\":\"Accepted\"}");
        JsonArray secondCall = station.nextFrame();
        station.sendResult(secondCall.get(1).getAsString(), "{\"status\":\"Rejected\"}");
        assertEquals(ResetStatusEnumType.Accepted, first.get(5, TimeUnit.SECONDS).status());
        assertEquals(ResetStatusEnumType.Rejected, second.get(5, TimeUnit.SECONDS).status());
    }

    @Test
    void priorityCallOvertakesQueuedOnes() throws Exception {
        CompletableFuture<ResetResponse> inFlight = server.link().call("CS1", V201Actions.RESET, RESET);
        JsonArray first = station.nextFrame();
        server.link().call("CS1", V201Actions.RESET, new ResetRequest(ResetEnumType.OnIdle));
        server.link().call("CS1", V201Actions.RESET, new ResetRequest(ResetEnumType.OnIdle));
        server.link().call("CS1", V201Actions.RESET, RESET, CallPriority.HIGH);
        station.sendResult(first.get(1).getAsString(), "{\"status\":\"Accepted\"}");
        inFlight.get(5, TimeUnit.SECONDS);
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonArray next = station.nextFrame();
            order.add(next.get(3).getAsJsonObject().get("type").getAsString());
            station.sendResult(next.get(1).getAsString(), "{\"status\":\"Accepted\"}");
        }
        assertEquals(List.of("Immediate", "OnIdle", "OnIdle"), order);
    }

    @Test
    void unansweredCallTimesOutAndALateReplyIsDroppedWithoutDisturbingTheNextCall() throws Exception {
        CompletableFuture<ResetResponse> slow = server.link().call("CS1", V201Actions.RESET, RESET);
        String slowId = station.nextFrame().get(1).getAsString();
        assertFailsWith(CallTimeoutException.class, slow);

        CompletableFuture<ResetResponse> next = server.link().call("CS1", V201Actions.RESET, RESET);
        String nextId = station.nextFrame().get(1).getAsString();
        station.sendResult(slowId, "{\"status\":\"Rejected\"}"); // late: must not answer the new call
        station.send("[3,\"no-such-call\",{\"status\":\"Rejected\"}]");
        station.sendResult(nextId, "{\"status\":\"Accepted\"}");
        assertEquals(ResetStatusEnumType.Accepted, next.get(5, TimeUnit.SECONDS).status());
    }

    @Test
    void disconnectFailsTheCallInFlightAndTheQueuedOnes() throws Exception {
        CompletableFuture<ResetResponse> inFlight = server.link().call("CS1", V201Actions.RESET, RESET);
        CompletableFuture<ResetResponse> queued = server.link().call("CS1", V201Actions.RESET, RESET);
        station.nextFrame();
        station.closeBlocking();
        assertFailsWith(ConnectionLostException.class, inFlight);
        assertFailsWith(ConnectionLostException.class, queued);
    }

    @Test
    void callToOfflineStationFailsAtOnce() {
        CompletableFuture<ResetResponse> reply = server.link().call("NOBODY", V201Actions.RESET, RESET);
        assertTrue(reply.isCompletedExceptionally());
        assertFailsWith(StationOfflineException.class, reply);
        assertFailsWith(StationOfflineException.class, server.link().call("NOBODY", RESET));
    }

    @Test
    void requestBreakingItsSchemaIsNeverSent() throws Exception {
        CompletableFuture<Object> reply = server.link().call("CS1", new SetVariablesRequest(List.of()));
        assertFailsWith(IllegalArgumentException.class, reply);
        assertEquals("h", station.call("h", "Heartbeat", "{}").get(1).getAsString(), "nothing else was sent");
    }

    @Test
    void actionOfAnotherVersionIsRefused() {
        assertFailsWith(IllegalArgumentException.class, server.link().call("CS1", V21Actions.RESET,
                new org.v2gcsms.ocpp.v21.ResetRequest(org.v2gcsms.ocpp.v21.ResetEnumType.Immediate, null, null)));
    }

    @Test
    void callErrorFailsTheFutureWithItsCode() throws Exception {
        CompletableFuture<ResetResponse> reply = server.link().call("CS1", V201Actions.RESET, RESET);
        String id = station.nextFrame().get(1).getAsString();
        station.send("[4,\"" + id + "\",\"NotSupported\",\"no resets here\",{}]");
        CallErrorException error = assertFailsWith(CallErrorException.class, reply);
        assertEquals(ErrorCode.NotSupported, error.code());
        assertEquals("no resets here", error.description());
    }

    @Test
    void invalidCallResultFailsTheFutureOn201WithoutAnswering() throws Exception {
        CompletableFuture<ResetResponse> reply = server.link().call("CS1", V201Actions.RESET, RESET);
        String id = station.nextFrame().get(1).getAsString();
        station.sendResult(id, "{\"status\":\"Maybe\"}");
        InvalidResponseException error = assertFailsWith(InvalidResponseException.class, reply);
        assertEquals(ErrorCode.PropertyConstraintViolation, error.code());
        assertEquals("h", station.call("h", "Heartbeat", "{}").get(1).getAsString(), "no CALLRESULTERROR on 2.0.1");
    }

    @Test
    void invalidCallResultIsAnsweredWithCallResultErrorOn21() throws Exception {
        StationClient v21 = server.connect21("CS21");
        CompletableFuture<org.v2gcsms.ocpp.v21.ResetResponse> reply = server.link().call("CS21", V21Actions.RESET,
                new org.v2gcsms.ocpp.v21.ResetRequest(org.v2gcsms.ocpp.v21.ResetEnumType.Immediate, null, null));
        String id = v21.nextFrame().get(1).getAsString();
        v21.sendResult(id, "{}");
        JsonArray answer = v21.nextFrame();
        assertEquals(5, answer.get(0).getAsInt());
        assertEquals(id, answer.get(1).getAsString());
        assertEquals(ErrorCode.OccurrenceConstraintViolation.name(), answer.get(2).getAsString());
        assertFailsWith(InvalidResponseException.class, reply);
    }

    @Test
    void oneRequestToManyStationsIsSentToEachAndAnsweredByEach() throws Exception {
        StationClient second = server.connect201("CS2");
        List<CompletableFuture<ResetResponse>> replies = server.link().callEach(List.of("CS1", "NOBODY", "CS2"),
                V201Actions.RESET, RESET, CallPriority.HIGH);
        assertEquals(3, replies.size());
        assertFailsWith(StationOfflineException.class, replies.get(1));
        JsonArray toFirst = station.nextFrame();
        JsonArray toSecond = second.nextFrame();
        assertEquals("{\"type\":\"Immediate\"}", toFirst.get(3).toString());
        assertEquals(toFirst.get(3), toSecond.get(3));
        station.sendResult(toFirst.get(1).getAsString(), "{\"status\":\"Accepted\"}");
        second.sendResult(toSecond.get(1).getAsString(), "{\"status\":\"Rejected\"}");
        assertEquals(ResetStatusEnumType.Accepted, replies.get(0).get(5, TimeUnit.SECONDS).status());
        assertEquals(ResetStatusEnumType.Rejected, replies.get(2).get(5, TimeUnit.SECONDS).status());
    }

    @Test
    void oneInvalidRequestToManyStationsFailsForEachAndIsNeverSent() throws Exception {
        var replies = server.link().callEach(List.of("CS1", "CS1"), V201Actions.SET_VARIABLES,
                new SetVariablesRequest(List.of()), CallPriority.NORMAL);
        for (var reply : replies) {
            assertFailsWith(IllegalArgumentException.class, reply);
        }
        assertEquals("h", station.call("h", "Heartbeat", "{}").get(1).getAsString(), "nothing else was sent");
    }

    static <T extends Throwable> T assertFailsWith(Class<T> type, CompletableFuture<?> future) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> future.get(StationClient.WAIT_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(type, failure.getCause());
    }
}
