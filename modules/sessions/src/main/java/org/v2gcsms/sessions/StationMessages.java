package org.v2gcsms.sessions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.sessions.stations.StationService;

/**
 * The CALLs from stations the domain answers, by action. Whatever version the station speaks, the request
 * is handled as its 2.1 record and the answer goes back in the station's version. Before any handler runs,
 * the station's registration state is checked (SecurityError when it may not send this yet).
 */
public final class StationMessages {

    /** Answers one action's request, given as a 2.1 record. */
    @FunctionalInterface
    public interface Handler<Q> {
        Object handle(StationContext ctx, Q request) throws OcppError;
    }

    private record Route<Q>(Class<Q> requestType, Handler<Q> handler) {
        Object handle(StationContext ctx, Object request) throws OcppError {
            return handler.handle(ctx, requestType.cast(request));
        }
    }

    private final StationService stations;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    StationMessages(StationService stations) {
        this.stations = stations;
    }

    <Q> StationMessages on(Class<Q> v21RequestType, Handler<Q> handler) {
        String action = v21RequestType.getSimpleName().replaceFirst("Request$", "");
        if (MessageVersions.versionOf(v21RequestType) != org.v2gcsms.ocpp.OcppVersion.V21) {
            throw new IllegalArgumentException("Handlers take 2.1 records: " + v21RequestType.getName());
        }
        routes.put(action, new Route<>(v21RequestType, handler));
        return this;
    }

    /** The action names answered here (the same in 2.0.1 and 2.1). */
    public Set<String> actions() {
        return Set.copyOf(routes.keySet());
    }

    /**
     * Answers a station's request (a record of its connection's version) with a response record of the same
     * version. Returns only after what the request reported is committed.
     */
    public Object answer(StationContext ctx, Object request) throws OcppError {
        String action = MessageVersions.actionOf(request);
        Route<?> route = routes.get(action);
        if (route == null) {
            throw new OcppError(ErrorCode.NotSupported, action + " is not supported");
        }
        stations.admit(ctx, action);
        Object response = route.handle(ctx, MessageVersions.toV21(request));
        return MessageVersions.to(ctx.version(), response);
    }
}
