package org.v2gcsms.gridsafety.trip;

import java.util.concurrent.CompletableFuture;

/**
 * The way to a station ahead of everything queued for it (the server's HIGH call priority). Requests and
 * responses are OCPP 2.1 records; the app translates for 2.0.1 stations.
 */
@FunctionalInterface
public interface PriorityLane {
    CompletableFuture<Object> callFirst(String stationId, Object v21Request);
}
