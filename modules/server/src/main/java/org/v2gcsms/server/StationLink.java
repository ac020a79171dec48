package org.v2gcsms.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * Sends CALLs to connected stations. The returned future completes with the typed, schema-checked
 * response, or fails with a {@link CallFailedException}: {@link StationOfflineException} at once
 * when the station is not connected, {@link CallTimeoutException}, {@link CallErrorException},
 * {@link InvalidResponseException} or {@link ConnectionLostException}. A request that breaks its
 * own schema fails with {@link IllegalArgumentException} and is never sent. Futures complete off the
 * Netty event loops. Calls to one station go out one at a time, in queue order.
 */
public interface StationLink {

    default <Q, R> CompletableFuture<R> call(String stationId, Action<Q, R> action, Q request) {
        return call(stationId, action, request, CallPriority.NORMAL);
    }

    <Q, R> CompletableFuture<R> call(String stationId, Action<Q, R> action, Q request, CallPriority priority);

    /**
     * The same request to many stations of one version, encoded and validated once: a site-wide command on a
     * path where every microsecond per station counts (a loss-of-mains trip). One future per station id, in
     * order; each completes or fails as {@link #call} would.
     */
    <Q, R> List<CompletableFuture<R>> callEach(List<String> stationIds, Action<Q, R> action, Q request,
                                               CallPriority priority);

    /** Like {@link #call(String, Action, Object)}, finding the action from the request's class. */
    CompletableFuture<Object> call(String stationId, Object request);

    boolean isConnected(String stationId);

    Optional<OcppVersion> protocolVersion(String stationId);

    Optional<ConnectedStation> station(String stationId);
}
