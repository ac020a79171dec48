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
    private final Map<String, Route<?>> v201Routes = new LinkedHashMap<>();

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

    /**
     * Answers a 2.0.1 request as its own 2.0.1 record, for the rare message that 2.1 cannot express without a
     * value the station never sent (a 2.0.1 monitor has no eventNotificationType, which 2.1 requires): inventing
     * one would store a claim the station did not make. The handler returns the 2.0.1 response.
     */
    <Q> StationMessages onV201(Class<Q> v201RequestType, Handler<Q> handler) {
        if (MessageVersions.versionOf(v201RequestType) != org.v2gcsms.ocpp.OcppVersion.V201) {
            throw new IllegalArgumentException("Not a 2.0.1 record: " + v201RequestType.getName());
        }
        v201Routes.put(v201RequestType.getSimpleName().replaceFirst("Request$", ""), new Route<>(v201RequestType, handler));
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
        Route<?> own = ctx.version() == org.v2gcsms.ocpp.OcppVersion.V201 ? v201Routes.get(action) : null;
        if (own != null) {
            return own.handle(ctx, request);
        }
        Object response = route.handle(ctx, MessageVersions.toV21(request));
        return MessageVersions.to(ctx.version(), response);
    }
}
