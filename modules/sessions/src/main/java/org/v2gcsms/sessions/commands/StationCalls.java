package org.v2gcsms.sessions.commands;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * The way out to stations, implemented by whoever holds the connections (the app, over the server's
 * StationLink). Requests and responses are records of the station's own OCPP version.
 */
public interface StationCalls {

    /** Sends a CALL; the future completes with the response record or fails (offline, timeout, CALLERROR). */
    CompletableFuture<Object> call(String stationId, Object request);

    /** The version of the station's connection; empty when it is not connected. */
    Optional<OcppVersion> version(String stationId);
}
