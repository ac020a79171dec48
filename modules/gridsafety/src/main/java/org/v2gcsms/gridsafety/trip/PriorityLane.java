package org.v2gcsms.gridsafety.trip;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The way to a station ahead of everything queued for it (the server's HIGH call priority). Requests and
 * responses are OCPP 2.1 records; the app translates for 2.0.1 stations.
 */
@FunctionalInterface
public interface PriorityLane {
    CompletableFuture<Object> callFirst(String stationId, Object v21Request);

    /**
     * The same request to many stations, one answer per station in order. A lane that can build and check the
     * request once for all of them (what a site-wide trip needs) overrides this.
     */
    default List<CompletableFuture<Object>> callFirstEach(List<String> stationIds, Object v21Request) {
        return stationIds.stream().map(id -> callFirst(id, v21Request)).toList();
    }
}
