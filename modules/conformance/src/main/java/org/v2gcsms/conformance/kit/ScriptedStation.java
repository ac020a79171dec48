package org.v2gcsms.conformance.kit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * A charging station whose every move a test scripts, over a real WebSocket: it sends exactly the CALLs the
 * test gives, waits for the CALLs the CSMS must send ({@link #expectCall}) and answers them as the test says.
 * Every frame the CSMS sends is checked against the official schemas ({@link OfficialSchemas}); a violation
 * fails the waiting step, and {@link #close()} fails if any went unnoticed.
 */
public final class ScriptedStation implements AutoCloseable {
    /** How long a step waits for the CSMS unless the test says otherwise. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final String id;
    private final String subprotocol;
    private final OfficialSchemas schemas;
    private final Socket socket;
    private final AtomicLong messageIds = new AtomicLong();
    /** Message ids must stay unique across reconnections of one station id, and within 36 characters. */
    private final String idPrefix = java.util.UUID.randomUUID().toString().substring(0, 13) + "-";
    private final Map<String, PendingCall> outstanding = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonObject, JsonObject>> autoAnswers = new ConcurrentHashMap<>();
    /** CSMS CALLs no step has claimed yet, in arrival order; guarded by itself. */
    private final List<ReceivedCall> unclaimed = new ArrayList<>();
    private final List<ReceivedCall> history = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private record PendingCall(String action, CompletableFuture<Answer> answer) {}

    /** What the CSMS answered to one of the station's CALLs. */
    public sealed interface Answer permits Result, Error {}

    /** A CALLRESULT payload. */
    public record Result(JsonObject payload) implements Answer {}

    /** A CALLERROR. */
    public record Error(String code, String description, JsonObject details) implements Answer {}

    private ScriptedStation(URI url, String id, String subprotocol, Map<String, String> headers, SSLContext tls) {
        this.id = id;
        this.subprotocol = subprotocol;
        this.schemas = OfficialSchemas.configured();
        this.socket = new Socket(url, subprotocol, headers);
        if ("wss".equalsIgnoreCase(url.getScheme())) {
            socket.setSocketFactory((tls != null ? tls : StationTls.configured().serverAuthenticated())
                    .getSocketFactory());
        }
    }

    /**
     * Opens the WebSocket of station {@code id} at {@code ocppUrl + id}, with Basic auth when a password is given.
     *
     * @throws AssertionError when the handshake is refused or does not finish within {@link #WAIT}
     */
    public static ScriptedStation connect(URI ocppUrl, String id, String password, String subprotocol) {
        return opened(open(ocppUrl, id, id, password, subprotocol), ocppUrl);
    }

    /**
     * Opens the WebSocket of a security-profile-3 station: TLS with the station's certificate, no Basic auth.
     *
     * @throws AssertionError when the handshake is refused or does not finish within {@link #WAIT}
     */
    public static ScriptedStation connectWithCertificate(URI ocppUrl, String id, StationTls.StationKey key,
                                                        String subprotocol) {
        return opened(openWithCertificate(ocppUrl, id, key, subprotocol), ocppUrl);
    }

    private static ScriptedStation opened(ScriptedStation s, URI ocppUrl) {
        if (!s.isOpen()) {
            throw new AssertionError("Station " + s.id + " could not open its WebSocket at " + ocppUrl + s.id
                    + " (" + s.closeReason() + ")");
        }
        if (!s.subprotocol.equals(s.socket.getProtocol().getProvidedProtocol())) {
            throw new AssertionError("The CSMS chose subprotocol '" + s.socket.getProtocol().getProvidedProtocol()
                    + "', the station asked for " + s.subprotocol);
        }
        return s;
    }

    /**
     * Tries the handshake and returns whatever came of it; {@link #isOpen()} tells whether the CSMS let the
     * station in. The Basic-auth user may differ from the station id (TC_A_02).
     */
    public static ScriptedStation open(URI ocppUrl, String id, String basicUser, String password, String subprotocol) {
        Map<String, String> headers = new HashMap<>();
        if (password != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (basicUser + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return handshake(new ScriptedStation(ocppUrl.resolve(id), id, subprotocol, headers, null));
    }

    /** Tries a security-profile-3 handshake (TLS client certificate, no Basic auth); see {@link #isOpen()}. */
    public static ScriptedStation openWithCertificate(URI ocppUrl, String id, StationTls.StationKey key,
                                                     String subprotocol) {
        return handshake(new ScriptedStation(ocppUrl.resolve(id), id, subprotocol, new HashMap<>(),
                StationTls.configured().withKey(key)));
    }

    private static ScriptedStation handshake(ScriptedStation s) {
        try {
            s.socket.connectBlocking(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while connecting " + s.id, e);
        }
        return s;
    }

    public String id() {
        return id;
    }

    public String subprotocol() {
        return subprotocol;
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    private String closeReason() {
        return closed.isDone() ? "closed with code " + closed.getNow(-1) : "no handshake";
    }

    /** Answers every later CSMS CALL of this action at once with what the function gives (still recorded). */
    public ScriptedStation autoAnswer(String action, Function<JsonObject, JsonObject> answer) {
        autoAnswers.put(action, answer);
        return this;
    }

    /** Answers every later CSMS CALL of this action with {@code {"status": status}}. */
    public ScriptedStation autoAnswerStatus(String action, String status) {
        return autoAnswer(action, p -> Json.obj("status", status));
    }

    // ---- the station's own CALLs ----

    /** Sends a CALL and returns the CSMS's answer (CALLRESULT checked against the response schema). */
    public Answer send(String action, JsonObject payload) {
        return send(action, payload, WAIT);
    }

    public Answer send(String action, JsonObject payload, Duration timeout) {
        String messageId = idPrefix + messageIds.incrementAndGet();
        PendingCall call = new PendingCall(action, new CompletableFuture<>());
        outstanding.put(messageId, call);
        JsonArray frame = new JsonArray();
        frame.add(2);
        frame.add(messageId);
        frame.add(action);
        frame.add(payload);
        sendFrame(frame.toString());
        try {
            return call.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outstanding.remove(messageId);
            throw new AssertionError("expected an answer to " + action + " within " + seconds(timeout)
                    + ", got nothing" + (isOpen() ? "" : " (the connection is closed: " + closeReason() + ")"));
        } catch (ExecutionException e) {
            throw new AssertionError(action + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends a CALL that the CSMS must answer with a CALLRESULT; returns its payload. */
    public JsonObject call(String action, JsonObject payload) {
        Answer answer = send(action, payload);
        if (answer instanceof Error e) {
            throw new AssertionError("expected a CALLRESULT to " + action + ", got CALLERROR " + e.code() + " \""
                    + e.description() + "\"");
        }
        return ((Result) answer).payload();
    }

    /** Sends a CALL that the CSMS must refuse with a CALLERROR; returns it. */
    public Error callExpectingError(String action, JsonObject payload) {
        Answer answer = send(action, payload);
        if (answer instanceof Result r) {
            throw new AssertionError("expected a CALLERROR to " + action + ", got CALLRESULT " + r.payload());
        }
        return (Error) answer;
    }

    /** Sends a frame exactly as given (malformed ones included). */
    public void sendFrame(String frame) {
        if (!socket.isOpen()) {
            throw new AssertionError("station " + id + " cannot send: the connection is closed (" + closeReason()
                    + ")");
        }
        socket.send(frame);
    }

    // ---- the CSMS's CALLs ----

    /**
     * Waits for a CALL of {@code action} whose payload satisfies {@code condition}, the first not yet claimed by
     * an earlier step. Fails with "expected ACTION with WHAT within N s, got …" otherwise.
     */
    public ReceivedCall expectCall(String action, Predicate<JsonObject> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (unclaimed) {
            while (true) {
                failOnViolation();
                for (int i = 0; i < unclaimed.size(); i++) {
                    ReceivedCall c = unclaimed.get(i);
                    if (c.action().equals(action) && condition.test(c.payload())) {
                        unclaimed.remove(i);
                        return c;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + action + (what.isEmpty() ? "" : " with " + what)
                            + " within " + seconds(timeout) + ", got " + describeOthers(action));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(unclaimed, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    public ReceivedCall expectCall(String action, Predicate<JsonObject> condition, String what) {
        return expectCall(action, condition, what, WAIT);
    }

    public ReceivedCall expectCall(String action) {
        return expectCall(action, p -> true, "", WAIT);
    }

    /** Fails if the CSMS sends a CALL of {@code action} within {@code within} (a short wait: absence checks). */
    public void expectNoCall(String action, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (unclaimed) {
            while (true) {
                for (ReceivedCall c : unclaimed) {
                    if (c.action().equals(action)) {
                        throw new AssertionError("expected no " + action + " within " + seconds(within) + ", got "
                                + c.payload());
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(unclaimed, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Every CALL the CSMS sent so far, claimed or not, auto-answered or not. */
    public List<ReceivedCall> received() {
        return List.copyOf(history);
    }

    /** Waits until the CSMS closes the connection; returns the close code. */
    public int awaitClosed(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("expected the CSMS to close the connection of " + id + " within "
                    + seconds(timeout) + ", it stayed open");
        } catch (ExecutionException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private String describeOthers(String action) {
        List<String> same = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (ReceivedCall c : unclaimed) {
            (c.action().equals(action) ? same : others).add(c.action() + " " + c.payload());
        }
        if (!same.isEmpty()) {
            return "only non-matching " + String.join("; ", same);
        }
        return others.isEmpty() ? "nothing" + (isOpen() ? "" : " (connection closed: " + closeReason() + ")")
                : "nothing matching (other CALLs: " + String.join("; ", others) + ")";
    }

    private void failOnViolation() {
        if (!violations.isEmpty()) {
            throw new AssertionError("The CSMS sent a message that breaks the official schema: " + violations);
        }
    }

    /** Answers a received CALL with a CALLRESULT (the payload is the test's; not our codec's). */
    void reply(ReceivedCall call, JsonObject payload) {
        JsonArray frame = new JsonArray();
        frame.add(3);
        frame.add(call.messageId());
        frame.add(payload);
        sendFrame(frame.toString());
    }

    void replyError(ReceivedCall call, String code, String description) {
        JsonArray frame = new JsonArray();
        frame.add(4);
        frame.add(call.messageId());
        frame.add(code);
        frame.add(description);
        frame.add(new JsonObject());
        sendFrame(frame.toString());
    }

    /** Drops the connection without a close handshake (a station losing power). */
    public void drop() {
        socket.getConnection().closeConnection(1006, "dropped");
    }

    @Override
    public void close() {
        if (socket.isOpen()) {
            try {
                socket.closeBlocking();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failOnViolation();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void onFrame(String text) {
        JsonArray frame;
        try {
            frame = JsonParser.parseString(text).getAsJsonArray();
        } catch (RuntimeException e) {
            violations.add("not an OCPP-J array: " + text);
            wake();
            return;
        }
        int type = frame.get(0).getAsInt();
        String messageId = frame.get(1).getAsString();
        switch (type) {
            case 2 -> onCall(messageId, frame);
            case 3 -> {
                PendingCall call = outstanding.remove(messageId);
                if (call == null) {
                    violations.add("CALLRESULT for unknown message id " + messageId + ": " + text);
                    wake();
                    return;
                }
                JsonObject payload = frame.get(2).getAsJsonObject();
                List<String> errors = schemas.errors(subprotocol, call.action() + "Response", payload);
                if (!errors.isEmpty()) {
                    call.answer().completeExceptionally(new AssertionError("the CSMS answered " + call.action()
                            + " with " + payload + ", which breaks " + call.action() + "Response: " + errors));
                } else {
                    call.answer().complete(new Result(payload));
                }
            }
            case 4 -> {
                PendingCall call = outstanding.remove(messageId);
                JsonElement details = frame.size() > 4 ? frame.get(4) : new JsonObject();
                if (call != null) {
                    call.answer().complete(new Error(frame.get(2).getAsString(), frame.get(3).getAsString(),
                            details.isJsonObject() ? details.getAsJsonObject() : new JsonObject()));
                } else {
                    violations.add("CALLERROR for unknown message id " + messageId + ": " + text);
                    wake();
                }
            }
            default -> {
                violations.add("message type " + type + " is not OCPP " + subprotocol + ": " + text);
                wake();
            }
        }
    }

    private void onCall(String messageId, JsonArray frame) {
        String action = frame.get(2).getAsString();
        JsonObject payload = frame.get(3).getAsJsonObject();
        ReceivedCall call = new ReceivedCall(this, messageId, action, payload);
        history.add(call);
        List<String> errors = schemas.errors(subprotocol, action + "Request", payload);
        if (!errors.isEmpty()) {
            violations.add(action + " " + payload + " breaks " + action + "Request: " + errors);
        }
        Function<JsonObject, JsonObject> auto = autoAnswers.get(action);
        if (auto != null) {
            reply(call, auto.apply(payload));
            wake();
            return;
        }
        synchronized (unclaimed) {
            unclaimed.add(call);
            unclaimed.notifyAll();
        }
    }

    private void wake() {
        synchronized (unclaimed) {
            unclaimed.notifyAll();
        }
    }

    private final class Socket extends WebSocketClient {
        Socket(URI url, String subprotocol, Map<String, String> headers) {
            super(url, new Draft_6455(List.of(), List.of(new Protocol(subprotocol))), headers,
                    (int) WAIT.toMillis());
            setConnectionLostTimeout(0);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            onFrame(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(code);
            outstanding.values().forEach(c -> c.answer().completeExceptionally(
                    new AssertionError("the connection closed (" + code + " " + reason + ") before an answer")));
            wake();
        }

        @Override
        public void onError(Exception ex) {
        }
    }
}
