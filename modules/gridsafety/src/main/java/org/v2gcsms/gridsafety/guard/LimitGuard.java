package org.v2gcsms.gridsafety.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.gridsafety.preset.GridCode;

/**
 * The last step before any setpoint leaves the CSMS, whoever asked for it. Each request is clamped to hard
 * limits first — EVSE ratings, the EV's limits, the SoC window, V2X ability, the grid code (none: no
 * discharge), the loss-of-mains state and the site's import/export limits — and, within them, to the grid
 * code's normal ramp from the EVSE's last setpoint. Hard limits win over the ramp: a trip or a lowered limit
 * takes power towards zero at once. The site's limits count the EVSEs not in this batch at their last
 * setpoints. Every clamp is logged, counted ({@link #counters()}) and reported to the listener.
 * <p>
 * One last setpoint per EVSE, whoever asked for it (planner, API, operator, frequency response, loss of mains):
 * the ramp limits the change of power at the EVSE and the site limits count what each EVSE does, and neither
 * cares who asked. A setpoint counts from the moment it is guarded (so a batch guarded meanwhile sees it), until
 * the caller reports that the EVSE did not take it ({@link #notTaken}: the one before counts again) or its
 * session ended ({@link #ended}: 0 kW from then).
 * Thread-safe: batches of one site are guarded one at a time.
 */
public final class LimitGuard {
    private static final Logger log = LoggerFactory.getLogger(LimitGuard.class);
    private static final double EPS = 1e-9;

    /**
     * A setpoint that left the guard, and when; {@code setpoint} is what the guard returned for it (null when not
     * guarded here), {@code before} the one it replaced, which counts again if the EVSE does not take this one.
     */
    private record Sent(double kw, Instant at, GuardedSetpoint setpoint, Sent before) {
        /** As the base of a newer setpoint: only one level is kept to fall back to. */
        Sent settled() {
            return new Sent(kw, at, null, null);
        }
    }

    /** What one guarded batch clamped, for the event bus. */
    public record ClampReport(String siteId, int setpoints, Map<ClampReason, Integer> reasons, Instant at) {}

    private final Map<String, Map<EvseKey, Sent>> sent = new ConcurrentHashMap<>();
    private final ClampCounters counters = new ClampCounters();
    private final Consumer<ClampReport> listener;

    public LimitGuard(Consumer<ClampReport> listener) {
        this.listener = listener;
    }

    public ClampCounters counters() {
        return counters;
    }

    /** The last setpoint the guard let out for an EVSE at this site (0 when none). */
    public double lastKw(String siteId, EvseKey evse) {
        Sent s = sent.getOrDefault(siteId, Map.of()).get(evse);
        return s == null ? 0 : s.kw();
    }

    /**
     * An EVSE's session ended at {@code at}: it is at 0 kW from then, so its last setpoint no longer counts against
     * the site, and the next session's first setpoint ramps from 0.
     */
    public void ended(String siteId, EvseKey evse, Instant at) {
        Map<EvseKey, Sent> last = sent.computeIfAbsent(siteId, s -> new ConcurrentHashMap<>());
        synchronized (last) {
            last.put(evse, new Sent(0, at, null, null));
        }
    }

    /**
     * The EVSE did not take this setpoint (no transaction to carry it, refused, unanswered, offline): it keeps
     * doing what it did, so the setpoint before counts again, for the site limits and as the ramp's base. A setpoint
     * guarded for the EVSE since is left as it is.
     */
    public void notTaken(String siteId, GuardedSetpoint setpoint) {
        Map<EvseKey, Sent> last = sent.get(siteId);
        if (last == null) {
            return;
        }
        synchronized (last) {
            last.computeIfPresent(setpoint.request().key(), (k, s) -> s.setpoint() == setpoint ? s.before() : s);
        }
    }

    /** Guards one batch of a site's setpoints at {@code now}. */
    public List<GuardedSetpoint> guard(SiteConditions site, List<SetpointRequest> requests, Instant now) {
        Map<EvseKey, Sent> last = sent.computeIfAbsent(site.siteId(), s -> new ConcurrentHashMap<>());
        synchronized (last) {
            List<GuardedSetpoint> out = guardLocked(site, requests, now, last);
            for (GuardedSetpoint g : out) {
                Sent before = last.get(g.request().key());
                last.put(g.request().key(), new Sent(g.kw(), now, g, before == null ? null : before.settled()));
            }
            report(site.siteId(), out, now);
            return out;
        }
    }

    /**
     * Guards a setpoint planned for later (a step of a schedule after the first): the same limits with the
     * site's conditions as they are now, ramped from {@code previousKw} over {@code sinceS}; nothing is recorded
     * as sent, clamps are logged and counted.
     */
    public GuardedSetpoint preview(SiteConditions site, SetpointRequest request, double previousKw, Instant previousAt,
                                   Instant at) {
        Map<EvseKey, Sent> last = new java.util.HashMap<>(sent.getOrDefault(site.siteId(), Map.of()));
        last.put(request.key(), new Sent(previousKw, previousAt, null, null));
        List<GuardedSetpoint> out = guardLocked(site, List.of(request), at, last);
        report(site.siteId(), out, at);
        return out.get(0);
    }

    private List<GuardedSetpoint> guardLocked(SiteConditions site, List<SetpointRequest> requests, Instant now,
                                              Map<EvseKey, Sent> last) {
        int n = requests.size();
        double[] kw = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        List<List<ClampReason>> clamps = new ArrayList<>();
        Set<EvseKey> inBatch = new HashSet<>();
        for (int i = 0; i < n; i++) {
            SetpointRequest r = requests.get(i);
            if (!inBatch.add(r.key())) {
                throw new IllegalArgumentException("two setpoints for " + r.key() + " in one batch");
            }
            List<ClampReason> why = new ArrayList<>();
            clamps.add(why);
            Bounds b = hardBounds(site, r.limits());
            lo[i] = b.lo.value;
            hi[i] = b.hi.value;
            double v = r.kw();
            for (Bound c : b.chargeSteps) {
                if (v > c.value + EPS) {
                    v = c.value;
                    why.add(c.reason);
                }
            }
            for (Bound d : b.dischargeSteps) {
                if (v < d.value - EPS) {
                    v = d.value;
                    why.add(d.reason);
                }
            }
            v = ramp(site, r, v, lo[i], hi[i], last.get(r.key()), now, why);
            if (v < 0 && -v < r.limits().evMinDischargeKw() - EPS) {
                v = 0;
                why.add(ClampReason.EV_MIN_DISCHARGE);
            }
            kw[i] = v;
        }
        double othersDischarge = 0;
        double othersCharge = 0;
        for (var e : last.entrySet()) {
            if (!inBatch.contains(e.getKey())) {
                othersDischarge += Math.max(0, -e.getValue().kw());
                othersCharge += Math.max(0, e.getValue().kw());
            }
        }
        scale(kw, -1, Math.max(0, site.effectiveExportKw() - othersDischarge), ClampReason.SITE_EXPORT_LIMIT, clamps);
        scale(kw, 1, Math.max(0, site.importLimitKw() - othersCharge), ClampReason.SITE_IMPORT_LIMIT, clamps);
        List<GuardedSetpoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SetpointRequest r = requests.get(i);
            if (kw[i] < 0 && -kw[i] < r.limits().evMinDischargeKw() - EPS) {
                kw[i] = 0;
                clamps.get(i).add(ClampReason.EV_MIN_DISCHARGE);
            }
            out.add(new GuardedSetpoint(r, kw[i] == 0 ? 0 : kw[i], clamps.get(i)));
        }
        return out;
    }

    /** Scales the batch's power in one direction down so its total fits {@code room}. */
    private static void scale(double[] kw, int sign, double room, ClampReason reason, List<List<ClampReason>> clamps) {
        double total = 0;
        for (double v : kw) {
            total += Math.max(0, sign * v);
        }
        if (total <= room + EPS) {
            return;
        }
        double factor = room / total;
        for (int i = 0; i < kw.length; i++) {
            if (sign * kw[i] > 0) {
                kw[i] *= factor;
                clamps.get(i).add(reason);
            }
        }
    }

    private static double ramp(SiteConditions site, SetpointRequest r, double v, double lo, double hi, Sent last,
                               Instant now, List<ClampReason> why) {
        if (last == null || site.gridCode().isEmpty()) {
            return v;
        }
        GridCode code = site.gridCode().get();
        double ratedKw = Math.max(r.limits().chargeRatingKw(), r.limits().dischargeRatingKw());
        double seconds = Math.max(0, Duration.between(last.at(), now).toNanos() / 1e9);
        double step = code.normalRampPctPerS() / 100 * ratedKw * seconds;
        double ramped = Math.max(last.kw() - step, Math.min(last.kw() + step, v));
        // Hard limits win: a ramp never holds power beyond them.
        ramped = Math.max(lo, Math.min(hi, ramped));
        if (Math.abs(ramped - v) > EPS) {
            why.add(ClampReason.RAMP);
            return ramped;
        }
        return v;
    }

    private record Bound(double value, ClampReason reason) {}

    private record Bounds(List<Bound> chargeSteps, List<Bound> dischargeSteps, Bound lo, Bound hi) {}

    /**
     * The hard limits in the order they are applied (each step recorded only when it binds). Charge bounds are
     * ≥ 0 and discharge bounds ≤ 0, so 0 kW always passes.
     */
    static Bounds hardBounds(SiteConditions site, EvseLimits l) {
        List<Bound> charge = new ArrayList<>();
        charge.add(new Bound(l.chargeRatingKw(), ClampReason.EVSE_CHARGE_RATING));
        charge.add(new Bound(l.evMaxChargeKw(), ClampReason.EV_CHARGE_LIMIT));
        if (!Double.isNaN(l.socPercent()) && l.socPercent() >= site.socMaxPercent()) {
            charge.add(new Bound(0, ClampReason.SOC_MAX));
        }
        charge.add(new Bound(Math.max(0, site.importLimitKw()), ClampReason.SITE_IMPORT_LIMIT));

        List<Bound> discharge = new ArrayList<>();
        discharge.add(new Bound(-l.dischargeRatingKw(), ClampReason.EVSE_DISCHARGE_RATING));
        discharge.add(new Bound(-l.evMaxDischargeKw(), ClampReason.EV_DISCHARGE_LIMIT));
        if (!l.v2x()) {
            discharge.add(new Bound(0, ClampReason.NOT_V2X));
        }
        if (site.gridCode().isEmpty()) {
            discharge.add(new Bound(0, ClampReason.NO_GRID_CODE));
        }
        if (Double.isNaN(l.socPercent())) {
            discharge.add(new Bound(0, ClampReason.SOC_UNKNOWN));
        } else if (l.socPercent() <= site.socMinPercent()) {
            discharge.add(new Bound(0, ClampReason.SOC_MIN));
        }
        discharge.add(new Bound(-site.dischargeFraction() * l.dischargeRatingKw(), site.lossOfMainsReason()));
        discharge.add(new Bound(-site.effectiveExportKw(), ClampReason.SITE_EXPORT_LIMIT));

        double hi = Double.POSITIVE_INFINITY;
        for (Bound b : charge) {
            hi = Math.min(hi, b.value());
        }
        double lo = Double.NEGATIVE_INFINITY;
        for (Bound b : discharge) {
            lo = Math.max(lo, b.value());
        }
        return new Bounds(charge, discharge, new Bound(Math.min(0, lo), null), new Bound(Math.max(0, hi), null));
    }

    private void report(String siteId, List<GuardedSetpoint> out, Instant now) {
        Map<ClampReason, Integer> reasons = new EnumMap<>(ClampReason.class);
        for (GuardedSetpoint g : out) {
            if (g.clamped()) {
                log.info("Clamped {} at site {} ({}): {} kW -> {} kW because {}", g.request().key(), siteId,
                        g.request().by(), round(g.request().kw()), round(g.kw()), g.clamps());
                for (ClampReason r : g.clamps()) {
                    counters.count(siteId, r);
                    reasons.merge(r, 1, Integer::sum);
                }
            }
        }
        if (!reasons.isEmpty()) {
            listener.accept(new ClampReport(siteId, out.size(), reasons, now));
        }
    }

    private static double round(double kw) {
        return Math.round(kw * 1000) / 1000.0;
    }
}
