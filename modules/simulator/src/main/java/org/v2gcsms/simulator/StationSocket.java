package org.v2gcsms.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * One WebSocket connection attempt of a station: offers exactly the station's OCPP sub-protocol (the
 * handshake fails if the CSMS picks another), sends HTTP Basic credentials for security profiles 1 and 2,
 * and hands every event to the station. A reconnect is a new instance.
 */
final class StationSocket extends WebSocketClient {
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    /** What the station hears from its socket; called on Java-WebSocket's threads. */
    interface Events {
        void opened(StationSocket socket);

        void text(StationSocket socket, String text);

        void closed(StationSocket socket, int code, String reason, boolean byServer);
    }

    private final Events events;

    StationSocket(URI uri, StationSpec spec, SSLContext tls, Events events) {
        super(uri, new Draft_6455(List.of(), List.of(new Protocol(spec.version().subprotocol()))),
                headers(spec), CONNECT_TIMEOUT_MS);
        this.events = events;
        setConnectionLostTimeout(0); // the station's heartbeat and the CSMS's pings watch the link; no timer thread
        if (uri.getScheme().equals("wss")) {
            setSocketFactory(tls.getSocketFactory());
        }
    }

    private static Map<String, String> headers(StationSpec spec) {
        Map<String, String> headers = new HashMap<>();
        spec.password().ifPresent(p -> headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((spec.id() + ":" + p).getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        events.opened(this);
    }

    @Override
    public void onMessage(String message) {
        events.text(this, message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        events.closed(this, code, reason, remote);
    }

    @Override
    public void onError(Exception e) {
        // onClose follows every error that ends the connection; the station reports it there
    }
}
