package org.v2gcsms.sessions.session;

import java.time.Instant;
import java.util.Set;

/**
 * Which sessions a history query returns. Null (or empty) fields do not filter.
 *
 * @param stationIds  sessions at these stations; an id ending in {@code *} stands for every id with that prefix
 * @param siteId      sessions at the stations of this site (resolved by the session manager)
 * @param pluggedFrom plugged in at or after
 * @param pluggedTo   plugged in before
 * @param active      true: only running sessions; false: only ended ones
 * @param limit       most sessions returned (newest first)
 */
public record SessionFilter(Set<String> stationIds, String siteId, String idToken, Instant pluggedFrom,
                            Instant pluggedTo, EndReason endReason, Boolean active, int limit) {
    public static final int DEFAULT_LIMIT = 100;

    public SessionFilter {
        stationIds = stationIds == null ? Set.of() : Set.copyOf(stationIds);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Every session, newest first, up to {@link #DEFAULT_LIMIT}. */
    public static SessionFilter all() {
        return new SessionFilter(Set.of(), null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public SessionFilter atStations(Set<String> ids) {
        return new SessionFilter(ids, siteId, idToken, pluggedFrom, pluggedTo, endReason, active, limit);
    }

    public SessionFilter atSite(String site) {
        return new SessionFilter(stationIds, site, idToken, pluggedFrom, pluggedTo, endReason, active, limit);
    }

    public SessionFilter withIdToken(String token) {
        return new SessionFilter(stationIds, siteId, token, pluggedFrom, pluggedTo, endReason, active, limit);
    }

    public SessionFilter pluggedBetween(Instant from, Instant to) {
        return new SessionFilter(stationIds, siteId, idToken, from, to, endReason, active, limit);
    }

    public SessionFilter endedBecause(EndReason reason) {
        return new SessionFilter(stationIds, siteId, idToken, pluggedFrom, pluggedTo, reason, active, limit);
    }

    public SessionFilter onlyActive(Boolean running) {
        return new SessionFilter(stationIds, siteId, idToken, pluggedFrom, pluggedTo, endReason, running, limit);
    }

    public SessionFilter limitedTo(int n) {
        return new SessionFilter(stationIds, siteId, idToken, pluggedFrom, pluggedTo, endReason, active, n);
    }
}
