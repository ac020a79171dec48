package org.v2gcsms.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * The handlers for station-initiated messages, one per (OCPP version, action). Thread-safe; handlers
 * may be added after the server started (until then a CALL for the action is answered NotSupported).
 */
public final class OcppHandlers {
    private final Map<Key, CallRoute<?, ?>> calls = new ConcurrentHashMap<>();
    private final Map<Key, SendRoute<?>> sends = new ConcurrentHashMap<>();

    private record Key(OcppVersion version, String action) {}

    record CallRoute<Q, R>(Action<Q, R> action, CallHandler<Q, R> handler) {
        Object invoke(ConnectedStation station, Object request) throws Exception {
            return handler.handle(station, action.requestType().cast(request));
        }
    }

    record SendRoute<Q>(Action<Q, ?> action, SendHandler<Q> handler) {
        void invoke(ConnectedStation station, Object message) throws Exception {
            handler.handle(station, action.requestType().cast(message));
        }
    }

    /** Handles CALLs of this action. */
    public <Q, R> OcppHandlers on(Action<Q, R> action, CallHandler<Q, R> handler) {
        if (action.isSendOnly()) {
            throw new IllegalArgumentException(action.name() + " is a SEND message: use onSend");
        }
        if (!action.direction().stationMaySend()) {
            throw new IllegalArgumentException(action.name() + " is only sent by the CSMS");
        }
        put(calls, new Key(action.version(), action.name()), new CallRoute<>(action, handler));
        return this;
    }

    /** Handles CALLs whose request is of this type, in this version's catalogue. */
    @SuppressWarnings("unchecked")
    public <Q> OcppHandlers on(OcppVersion version, Class<Q> requestType, CallHandler<Q, ?> handler) {
        Action<Q, Object> action = (Action<Q, Object>) Catalogues.of(version).actionOf(requestType);
        return on(action, (CallHandler<Q, Object>) handler);
    }

    /** Handles OCPP 2.1 SEND messages of this action. */
    public <Q> OcppHandlers onSend(Action<Q, ?> action, SendHandler<Q> handler) {
        if (action.version() == OcppVersion.V201) {
            throw new IllegalArgumentException("OCPP 2.0.1 has no SEND messages");
        }
        put(sends, new Key(action.version(), action.name()), new SendRoute<>(action, handler));
        return this;
    }

    /** Whether CALLs (or, in 2.1, SENDs) of this action from stations have a handler. */
    public boolean handles(OcppVersion version, String action) {
        Key key = new Key(version, action);
        return calls.containsKey(key) || sends.containsKey(key);
    }

    Optional<CallRoute<?, ?>> call(OcppVersion version, String action) {
        return Optional.ofNullable(calls.get(new Key(version, action)));
    }

    Optional<SendRoute<?>> send(OcppVersion version, String action) {
        return Optional.ofNullable(sends.get(new Key(version, action)));
    }

    private static <V> void put(Map<Key, V> map, Key key, V route) {
        if (map.putIfAbsent(key, route) != null) {
            throw new IllegalStateException("A handler for " + key.action() + " (" + key.version().subprotocol()
                    + ") is already registered");
        }
    }
}
