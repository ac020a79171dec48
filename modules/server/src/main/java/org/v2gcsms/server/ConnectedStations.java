package org.v2gcsms.server;

import com.google.gson.JsonObject;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;

/** The live connection of each station; the {@link StationLink} other modules call through. */
final class ConnectedStations implements StationLink {
    private static final Logger log = LoggerFactory.getLogger(ConnectedStations.class);
    static final String REPLACED = "replaced by a new connection";

    private final Map<String, StationConnection> byId = new ConcurrentHashMap<>();
    private final Duration waitForReplaced;

    ConnectedStations(Duration waitForReplaced) {
        this.waitForReplaced = waitForReplaced;
    }

    /** Makes this the station's connection; an older one is closed and its pending calls failed. */
    void attach(StationConnection connection) {
        String id = connection.station().stationId();
        StationConnection replaced = byId.put(id, connection);
        if (replaced != null) {
            log.info("Station {}: new connection from {} replaces the one from {}", id,
                    connection.station().remoteAddress(), replaced.station().remoteAddress());
            replaced.failPendingCalls(REPLACED);
            replaced.close(WebSocketCloseStatus.NORMAL_CLOSURE, REPLACED);
        }
        connection.open(replaced, waitForReplaced);
    }

    void detach(StationConnection connection) {
        byId.remove(connection.station().stationId(), connection);
    }

    List<StationConnection> all() {
        return List.copyOf(byId.values());
    }

    int count() {
        return byId.size();
    }

    @Override
    public <Q, R> CompletableFuture<R> call(String stationId, Action<Q, R> action, Q request, CallPriority priority) {
        StationConnection connection = byId.get(stationId);
        if (connection == null) {
            return CompletableFuture.failedFuture(new StationOfflineException(stationId, action.name()));
        }
        return connection.call(action, request, priority);
    }

    @Override
    public <Q, R> List<CompletableFuture<R>> callEach(List<String> stationIds, Action<Q, R> action, Q request,
                                                      CallPriority priority) {
        JsonObject payload;
        try {
            OcppMessages messages = OcppMessages.of(action.version());
            payload = messages.encode(request);
            messages.validateRequest(action, payload);
        } catch (OcppError | RuntimeException e) {
            log.error("Refusing to send an invalid {} to {} stations: {}", action.name(), stationIds.size(),
                    e.toString());
            IllegalArgumentException invalid = new IllegalArgumentException(
                    "Invalid " + action.name() + " request: " + e.getMessage(), e);
            return stationIds.stream().map(id -> CompletableFuture.<R>failedFuture(invalid)).toList();
        }
        List<CompletableFuture<R>> answers = new ArrayList<>(stationIds.size());
        for (String stationId : stationIds) {
            StationConnection connection = byId.get(stationId);
            answers.add(connection == null
                    ? CompletableFuture.failedFuture(new StationOfflineException(stationId, action.name()))
                    : connection.callValidated(action, payload, priority));
        }
        return answers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Object> call(String stationId, Object request) {
        StationConnection connection = byId.get(stationId);
        if (connection == null) {
            return CompletableFuture.failedFuture(
                    new StationOfflineException(stationId, request.getClass().getSimpleName()));
        }
        Action<Object, Object> action;
        try {
            action = (Action<Object, Object>) connection.messages().actionOf((Class<Object>) request.getClass());
            if (action == null) {
                throw new IllegalArgumentException("no action for " + request.getClass().getName());
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(request.getClass().getName()
                    + " is not a request of " + connection.station().version().subprotocol(), e));
        }
        return connection.call(action, request, CallPriority.NORMAL);
    }

    @Override
    public boolean isConnected(String stationId) {
        return byId.containsKey(stationId);
    }

    @Override
    public Optional<OcppVersion> protocolVersion(String stationId) {
        return station(stationId).map(ConnectedStation::version);
    }

    @Override
    public Optional<ConnectedStation> station(String stationId) {
        return Optional.ofNullable(byId.get(stationId)).map(StationConnection::station);
    }
}
