package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/** A simulated charging station for tests: a Java-WebSocket client that records what it receives. */
final class StationClient extends WebSocketClient {
    static final long WAIT_SECONDS = 10;

    record Closed(int code, String reason, boolean byServer) {}

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<ServerHandshake> opened = new CompletableFuture<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean answerPings = true;

    private StationClient(URI uri, Draft_6455 draft, Map<String, String> headers) {
        super(uri, draft, headers, 5_000);
    }

    static Builder to(String url) {
        return new Builder(URI.create(url));
    }

    static final class Builder {
        private final URI uri;
        private final List<IProtocol> protocols = new ArrayList<>();
        private final List<IExtension> extensions = new ArrayList<>();
        private final Map<String, String> headers = new HashMap<>();
        private SSLContext tls;

        private Builder(URI uri) {
            this.uri = uri;
        }

        /** Sub-protocols to offer, most preferred first. */
        Builder offering(String... subprotocols) {
            for (String p : subprotocols) {
                protocols.add(new Protocol(p));
            }
            return this;
        }

        /** Also accept a handshake answer without a Sec-WebSocket-Protocol header. */
        Builder acceptingNoSubprotocol() {
            protocols.add(new Protocol(""));
            return this;
        }

        Builder basicAuth(String user, String password) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return this;
        }

        Builder deflate() {
            extensions.add(new PerMessageDeflateExtension());
            return this;
        }

        Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        StationClient build() {
            List<IProtocol> offered = protocols.isEmpty() ? List.of(new Protocol("ocpp2.0.1")) : protocols;
            StationClient client = new StationClient(uri, new Draft_6455(extensions, offered), headers);
            if (tls != null) {
                client.setSocketFactory(tls.getSocketFactory());
            }
            return client;
        }

        /** Connects and fails the test unless the handshake succeeds. */
        StationClient open() throws InterruptedException {
            StationClient client = build();
            if (!client.connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS)) {
                fail("Handshake to " + uri + " failed: " + client.closed.getNow(null));
            }
            return client;
        }
    }

    /** The sub-protocol the server selected, or "" when it sent none. */
    String subprotocol() {
        ServerHandshake handshake = opened.getNow(null);
        assertNotNull(handshake, "not opened");
        return handshake.hasFieldValue("Sec-WebSocket-Protocol") ? handshake.getFieldValue("Sec-WebSocket-Protocol") : "";
    }

    /** For a client started with {@link #connect()}: waits for the handshake to complete. */
    void awaitOpen() {
        opened.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    String handshakeHeader(String name) {
        return opened.join().getFieldValue(name);
    }

    /** The next text message, waiting up to {@link #WAIT_SECONDS}. */
    String next() throws InterruptedException {
        String message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (message == null) {
            fail("No message within " + WAIT_SECONDS + " s");
        }
        return message;
    }

    JsonArray nextFrame() throws InterruptedException {
        return JsonParser.parseString(next()).getAsJsonArray();
    }

    /** Sends a CALL and returns the frame answering it (skipping nothing: the next frame must be it). */
    JsonArray call(String messageId, String action, String payloadJson) throws InterruptedException {
        sendCall(messageId, action, payloadJson);
        return nextFrame();
    }

    void sendCall(String messageId, String action, String payloadJson) {
        send("[2,\"" + messageId + "\",\"" + action + "\"," + payloadJson + "]");
    }

    void sendResult(String messageId, String payloadJson) {
        send("[3,\"" + messageId + "\"," + payloadJson + "]");
    }

    boolean nothingReceived() {
        return received.isEmpty();
    }

    Closed awaitClose() {
        return closed.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    CompletableFuture<Closed> closedFuture() {
        return closed;
    }

    void stopAnsweringPings() {
        answerPings = false;
    }

    int pingsReceived() {
        return pings.get();
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        pings.incrementAndGet();
        if (answerPings) {
            super.onWebsocketPing(conn, f);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened.complete(handshake);
    }

    @Override
    public void onMessage(String message) {
        received.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closed.complete(new Closed(code, reason, remote));
    }

    @Override
    public void onError(Exception ex) {
        // the close callback follows and carries what the tests assert
    }
}
