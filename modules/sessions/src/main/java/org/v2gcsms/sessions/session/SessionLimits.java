package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maximum session duration by place: a station's group wins over its site, its site over the default.
 * Where stations belong (site, group) is part of the same settings, so one value says everything the limit
 * needs. A session takes its limit when it starts; changing the limits affects sessions started afterwards.
 *
 * @param defaultLimit  for stations whose site and group set none
 * @param warnBefore    how long before the limit the driver and subscribers are warned (zero: no warning)
 * @param bySite        limit per site id
 * @param byGroup       limit per station group id
 * @param siteOf        site id per station id
 * @param groupOf       station group id per station id
 */
public record SessionLimits(MaxDuration defaultLimit, Duration warnBefore, Map<String, MaxDuration> bySite,
                            Map<String, MaxDuration> byGroup, Map<String, String> siteOf,
                            Map<String, String> groupOf) {

    public SessionLimits {
        Objects.requireNonNull(defaultLimit, "defaultLimit");
        Objects.requireNonNull(warnBefore, "warnBefore");
        if (warnBefore.isNegative()) {
            throw new IllegalArgumentException("warnBefore must not be negative");
        }
        bySite = Map.copyOf(bySite);
        byGroup = Map.copyOf(byGroup);
        siteOf = Map.copyOf(siteOf);
        groupOf = Map.copyOf(groupOf);
    }

    /** 40 minutes everywhere, warned 5 minutes before. */
    public static SessionLimits defaults() {
        return of(MaxDuration.DEFAULT, Duration.ofMinutes(5));
    }

    /** One limit for every station. */
    public static SessionLimits of(MaxDuration limit, Duration warnBefore) {
        return new SessionLimits(limit, warnBefore, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The limit that applies to sessions at this station. */
    public MaxDuration limitFor(String stationId) {
        String group = groupOf.get(stationId);
        if (group != null && byGroup.containsKey(group)) {
            return byGroup.get(group);
        }
        String site = siteOf.get(stationId);
        if (site != null && bySite.containsKey(site)) {
            return bySite.get(site);
        }
        return defaultLimit;
    }

    public Optional<String> site(String stationId) {
        return Optional.ofNullable(siteOf.get(stationId));
    }

    public SessionLimits withDefault(MaxDuration limit) {
        return new SessionLimits(limit, warnBefore, bySite, byGroup, siteOf, groupOf);
    }

    public SessionLimits withSite(String siteId, MaxDuration limit) {
        return new SessionLimits(defaultLimit, warnBefore, put(bySite, siteId, limit), byGroup, siteOf, groupOf);
    }

    public SessionLimits withGroup(String groupId, MaxDuration limit) {
        return new SessionLimits(defaultLimit, warnBefore, bySite, put(byGroup, groupId, limit), siteOf, groupOf);
    }

    /** Places the station at a site and (null: none) in a group. */
    public SessionLimits withStation(String stationId, String siteId, String groupId) {
        Map<String, String> sites = put(siteOf, stationId, siteId);
        Map<String, String> groups = groupId == null ? groupOf : put(groupOf, stationId, groupId);
        return new SessionLimits(defaultLimit, warnBefore, bySite, byGroup, sites, groups);
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        var copy = new java.util.HashMap<>(map);
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return copy;
    }
}
