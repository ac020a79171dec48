package org.v2gcsms.gridsafety.guard;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many setpoints the guard clamped, per site and reason, since the CSMS started. Thread-safe. */
public final class ClampCounters {
    private final Map<String, Map<ClampReason, LongAdder>> bySite = new ConcurrentHashMap<>();

    void count(String siteId, ClampReason reason) {
        bySite.computeIfAbsent(siteId, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** One site's counts (reasons never hit are absent). */
    public Map<ClampReason, Long> of(String siteId) {
        Map<ClampReason, Long> out = new EnumMap<>(ClampReason.class);
        bySite.getOrDefault(siteId, Map.of()).forEach((r, n) -> out.put(r, n.sum()));
        return out;
    }

    /** Every site's counts, by site id. */
    public Map<String, Map<ClampReason, Long>> all() {
        Map<String, Map<ClampReason, Long>> out = new TreeMap<>();
        bySite.keySet().forEach(s -> out.put(s, of(s)));
        return out;
    }
}
