package org.v2gcsms.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * The raw way to a station the generic call endpoint uses: a request of the station's own version out, its
 * response back, validated against the schemas on the way (the server's StationLink).
 */
public interface StationCallPort {

    <Q, R> CompletableFuture<R> call(String stationId, Action<Q, R> action, Q request);

    Optional<OcppVersion> protocolVersion(String stationId);

    /** Over the server's StationLink, found when first used (the server is built after the API's routes). */
    static StationCallPort of(java.util.function.Supplier<org.v2gcsms.server.StationLink> link) {
        return new StationCallPort() {
            @Override
            public <Q, R> CompletableFuture<R> call(String stationId, Action<Q, R> action, Q request) {
                return link.get().call(stationId, action, request);
            }

            @Override
            public Optional<OcppVersion> protocolVersion(String stationId) {
                return link.get().protocolVersion(stationId);
            }
        };
    }
}
