package org.v2gcsms.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * A charging station for end-to-end tests, speaking OCPP-J over a real WebSocket: it sends CALLs and waits for
 * their answers, answers the CSMS's CALLs with the registered responders (and keeps them for the test to look
 * at), reports a CSMS CALL it has no responder for as NotImplemented, and stays silent when a responder
 * returns null.
 */
public final class TestStation extends WebSocketClient {
    public static final long WAIT_SECONDS = 15;

    /** A CALLERROR the CSMS answered with. */
    public record CallError(String code, String description) {}

    /** A CALL the CSMS sent. */
    public record IncomingCall(String messageId, String action, JsonObject payload) {}

    private final Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonObject, JsonObject>> responders = new ConcurrentHashMap<>();
    private final BlockingQueue<IncomingCall> incoming = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();

    private TestStation(URI uri, String subprotocol) {
        super(uri, new Draft_6455(List.of(), List.of(new Protocol(subprotocol))));
    }

    public static TestStation connect(URI ocppUrl, String stationId, String subprotocol) throws InterruptedException {
        TestStation station = new TestStation(ocppUrl.resolve(stationId), subprotocol);
        if (!station.connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("Station " + stationId + " could not connect");
        }
        return station;
    }

    /** Answers every CSMS CALL of this action with what the function returns for its payload. */
    public TestStation answering(String action, Function<JsonObject, JsonObject> responder) {
        responders.put(action, responder);
        return this;
    }

    /** Sends a CALL; the result is the CALLRESULT payload, or a {@link CallError}. */
    public Object call(String action, String payloadJson) {
        String id = "m" + ids.incrementAndGet();
        CompletableFuture<Object> answer = new CompletableFuture<>();
        pending.put(id, answer);
        send("[2,\"" + id + "\",\"" + action + "\"," + payloadJson + "]");
        return answer.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** Sends a CALL that must succeed; returns its result payload. */
    public JsonObject ok(String action, String payloadJson) {
        Object answer = call(action, payloadJson);
        if (answer instanceof CallError e) {
            throw new AssertionError(action + " was answered " + e);
        }
        return (JsonObject) answer;
    }

    /** The next CALL of this action from the CSMS (others are skipped), waiting up to {@link #WAIT_SECONDS}. */
    public IncomingCall awaitCall(String action) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            IncomingCall c = incoming.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (c == null) {
                throw new AssertionError("The CSMS sent no " + action + " within " + WAIT_SECONDS + " s");
            }
            if (c.action().equals(action)) {
                return c;
            }
        }
    }

    @Override
    public void onMessage(String message) {
        JsonArray frame = JsonParser.parseString(message).getAsJsonArray();
        int type = frame.get(0).getAsInt();
        String id = frame.get(1).getAsString();
        switch (type) {
            case 2 -> {
                String action = frame.get(2).getAsString();
                JsonObject payload = frame.get(3).getAsJsonObject();
                Function<JsonObject, JsonObject> responder = responders.get(action);
                if (responder == null) {
                    send("[4,\"" + id + "\",\"NotImplemented\",\"test station does not answer " + action + "\",{}]");
                } else {
                    JsonObject reply = responder.apply(payload);
                    if (reply != null) { // null: stay silent (the CSMS's call times out)
                        send("[3,\"" + id + "\"," + reply + "]");
                    }
                }
                incoming.add(new IncomingCall(id, action, payload));
            }
            case 3 -> complete(id, frame.get(2).getAsJsonObject());
            case 4 -> complete(id, new CallError(frame.get(2).getAsString(), frame.get(3).getAsString()));
            default -> throw new IllegalStateException("Unexpected frame " + message);
        }
    }

    private void complete(String id, Object answer) {
        CompletableFuture<Object> f = pending.remove(id);
        if (f != null) {
            f.complete(answer);
        }
    }

    public static JsonObject json(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        pending.values().forEach(f -> f.completeExceptionally(new AssertionError("closed: " + code + " " + reason)));
    }

    @Override
    public void onError(Exception ex) {
    }
}
