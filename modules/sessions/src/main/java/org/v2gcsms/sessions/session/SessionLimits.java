package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maximum session duration by place: a station's group wins over its site, its site over the default.
 * Where stations belong (site, group) is part of the same settings, so one value says everything the limit
 * needs. A session takes its limit when it starts; changing the limits affects sessions started afterwards.
 * <p>
 * Sites and groups list their stations as in the site config: a station id, or a prefix ending in {@code *}
 * ({@code SIM-*}). A station listed by several sites (or groups) belongs to the first by id, as in control.
 *
 * @param defaultLimit  for stations whose site and group set none
 * @param warnBefore    how long before the limit the driver and subscribers are warned (zero: no warning)
 * @param bySite        limit per site id (a site without one uses the default)
 * @param byGroup       limit per station group id
 * @param siteStations  the stations of each site: ids or prefixes ending in {@code *}
 * @param groupStations the stations of each station group, likewise
 */
public record SessionLimits(MaxDuration defaultLimit, Duration warnBefore, Map<String, MaxDuration> bySite,
                            Map<String, MaxDuration> byGroup, Map<String, List<String>> siteStations,
                            Map<String, List<String>> groupStations) {

    public SessionLimits {
        Objects.requireNonNull(defaultLimit, "defaultLimit");
        Objects.requireNonNull(warnBefore, "warnBefore");
        if (warnBefore.isNegative()) {
            throw new IllegalArgumentException("warnBefore must not be negative");
        }
        bySite = Map.copyOf(bySite);
        byGroup = Map.copyOf(byGroup);
        siteStations = sortedCopy(siteStations);
        groupStations = sortedCopy(groupStations);
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
        Optional<MaxDuration> byItsGroup = firstListing(groupStations, stationId).map(byGroup::get);
        if (byItsGroup.isPresent()) {
            return byItsGroup.get();
        }
        return site(stationId).map(bySite::get).orElse(defaultLimit);
    }

    /** The site the station belongs to. */
    /** How a site lists its stations (ids, or prefixes ending in {@code *}); empty for an unknown site. */
    public List<String> stationsOf(String siteId) {
        return siteStations.getOrDefault(siteId, List.of());
    }

    public Optional<String> site(String stationId) {
        return firstListing(siteStations, stationId);
    }

    /** Whether {@code stationId} is one of {@code stations}: an exact id, or a prefix ending in {@code *}. */
    public static boolean listed(List<String> stations, String stationId) {
        for (String s : stations) {
            if (s.endsWith("*") ? stationId.startsWith(s.substring(0, s.length() - 1)) : s.equals(stationId)) {
                return true;
            }
        }
        return false;
    }

    public SessionLimits withDefault(MaxDuration limit) {
        return new SessionLimits(limit, warnBefore, bySite, byGroup, siteStations, groupStations);
    }

    public SessionLimits withSite(String siteId, MaxDuration limit) {
        return new SessionLimits(defaultLimit, warnBefore, put(bySite, siteId, limit), byGroup, siteStations,
                groupStations);
    }

    public SessionLimits withGroup(String groupId, MaxDuration limit) {
        return new SessionLimits(defaultLimit, warnBefore, bySite, put(byGroup, groupId, limit), siteStations,
                groupStations);
    }

    /** The site's stations (ids or prefixes ending in {@code *}), replacing those it had. */
    public SessionLimits withSiteStations(String siteId, List<String> stations) {
        return new SessionLimits(defaultLimit, warnBefore, bySite, byGroup,
                put(siteStations, siteId, List.copyOf(stations)), groupStations);
    }

    /** The group's stations (ids or prefixes ending in {@code *}), replacing those it had. */
    public SessionLimits withGroupStations(String groupId, List<String> stations) {
        return new SessionLimits(defaultLimit, warnBefore, bySite, byGroup, siteStations,
                put(groupStations, groupId, List.copyOf(stations)));
    }

    /** Places one station at a site and (null: none) in a group, besides the stations they already have. */
    public SessionLimits withStation(String stationId, String siteId, String groupId) {
        SessionLimits placed = withSiteStations(siteId, adding(siteStations, siteId, stationId));
        return groupId == null ? placed : placed.withGroupStations(groupId, adding(groupStations, groupId, stationId));
    }

    private static Optional<String> firstListing(Map<String, List<String>> stationsById, String stationId) {
        return stationsById.entrySet().stream().filter(e -> listed(e.getValue(), stationId)).map(Map.Entry::getKey)
                .findFirst();
    }

    private static List<String> adding(Map<String, List<String>> stationsById, String id, String stationId) {
        List<String> stations = new java.util.ArrayList<>(stationsById.getOrDefault(id, List.of()));
        stations.add(Objects.requireNonNull(stationId));
        return stations;
    }

    /** Sorted by id, so "the first by id" is iteration order. */
    private static Map<String, List<String>> sortedCopy(Map<String, List<String>> stationsById) {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        stationsById.forEach((id, stations) -> copy.put(id, List.copyOf(stations)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        var copy = new HashMap<>(map);
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return copy;
    }
}
