package org.v2gcsms.gridsafety.ffr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.gridsafety.guard.EvseKey;
import org.v2gcsms.gridsafety.guard.GuardedSetpoint;
import org.v2gcsms.gridsafety.guard.SetpointRequest;
import org.v2gcsms.gridsafety.preset.GridCode;

/**
 * Central frequency-watt droop for one site contracted for fast frequency response: outside nominal ± the
 * preset's deadband, each V2X EVSE moves from its baseline (its setpoint when the deviation began) by
 * {@code (|Δf| − deadband) / (nominal × droop)} of its discharge rating — more charge or less discharge above
 * nominal, more discharge below — with the site's total response capped at the contracted power. Every
 * request goes through the limit guard before it leaves. Back inside the deadband, the baselines return.
 * Each update is logged with the response requested, the response the guard allowed, and the response the
 * site's meters delivered since the previous update.
 */
public final class FrequencyResponse {
    private static final Logger log = LoggerFactory.getLogger(FrequencyResponse.class);
    /** Setpoints are re-sent only when the frequency moved this much (Hz) since the last update. */
    private static final double UPDATE_STEP_HZ = 0.01;

    /** One update: the frequency, and the site response (kW, + more import) requested, allowed, delivered. */
    public record Update(Instant at, double hertz, double requestedKw, double allowedKw, double deliveredKw) {}

    /** One V2X EVSE in service: where it is, its discharge rating and what the guard last let it do. */
    public record Evse(EvseKey key, double ratingKw, double lastKw) {}

    private final String siteId;
    private final GridCode code;
    private final double maxKw;
    private final List<Update> updates = Collections.synchronizedList(new ArrayList<>());
    private Map<EvseKey, Double> baseline;
    private double baselineMeasuredKw;
    private double lastHz = Double.NaN;
    private double lastAllowedKw;

    public FrequencyResponse(String siteId, GridCode code, double maxKw) {
        this.siteId = siteId;
        this.code = code;
        this.maxKw = maxKw;
    }

    /**
     * A frequency reading; {@code evses} are the site's V2X EVSEs with a session, {@code measuredKw} the site's
     * EV power now (+ import). Returns the requests to guard and send (none when nothing changes).
     */
    public synchronized List<SetpointRequest> onFrequency(double hz, Instant at, List<Evse> evses, double measuredKw,
                                                          java.util.function.Function<EvseKey, SetpointRequest> request) {
        double deviation = hz - code.nominalHertz();
        double db = code.droop().deadbandHz();
        boolean active = Math.abs(deviation) > db;
        if (!active && baseline == null) {
            return List.of();
        }
        if (!Double.isNaN(lastHz) && Math.abs(hz - lastHz) < UPDATE_STEP_HZ && active) {
            return List.of();
        }
        double deliveredKw = baseline == null ? 0 : measuredKw - baselineMeasuredKw;
        if (active && baseline == null) {
            baseline = new HashMap<>();
            evses.forEach(e -> baseline.put(e.key(), e.lastKw()));
            baselineMeasuredKw = measuredKw;
            deliveredKw = 0;
        }
        double pu = !active ? 0 : deviation > 0
                ? (deviation - db) / (code.nominalHertz() * code.droop().overDroop())
                : (deviation + db) / (code.nominalHertz() * code.droop().underDroop());
        pu = Math.max(-1, Math.min(1, pu));
        double total = 0;
        for (Evse e : evses) {
            total += Math.abs(pu) * e.ratingKw();
        }
        double scale = total > maxKw && total > 0 ? maxKw / total : 1;
        List<SetpointRequest> out = new ArrayList<>();
        double requestedKw = 0;
        for (Evse e : evses) {
            double base = baseline.getOrDefault(e.key(), e.lastKw());
            double delta = pu * e.ratingKw() * scale;
            requestedKw += delta;
            SetpointRequest template = request.apply(e.key());
            out.add(new SetpointRequest(template.stationId(), template.evseId(), base + delta, template.limits(),
                    template.by()));
        }
        lastHz = hz;
        if (!active) {
            log.info("Site {} frequency {} Hz back inside the deadband: baselines restored (delivered {} kW)",
                    siteId, hz, round(deliveredKw));
            updates.add(new Update(at, hz, 0, 0, deliveredKw));
            baseline = null;
            lastHz = Double.NaN;
        } else {
            updates.add(new Update(at, hz, requestedKw, Double.NaN, deliveredKw));
        }
        return out;
    }

    /** What the guard let out for the last requests: recorded against the requested response. */
    public synchronized void allowed(List<GuardedSetpoint> guarded) {
        if (updates.isEmpty() || baseline == null) {
            return;
        }
        double allowed = 0;
        for (GuardedSetpoint g : guarded) {
            allowed += g.kw() - baseline.getOrDefault(g.request().key(), 0.0);
        }
        Update u = updates.remove(updates.size() - 1);
        Update done = new Update(u.at(), u.hertz(), u.requestedKw(), allowed, u.deliveredKw());
        updates.add(done);
        lastAllowedKw = allowed;
        log.info("Site {} frequency response at {} Hz: requested {} kW, allowed {} kW, delivered so far {} kW",
                siteId, u.hertz(), round(u.requestedKw()), round(allowed), round(u.deliveredKw()));
    }

    public List<Update> updates() {
        synchronized (updates) {
            return List.copyOf(updates);
        }
    }

    public synchronized Map<EvseKey, Double> baselines() {
        return baseline == null ? Map.of() : Map.copyOf(baseline);
    }

    public synchronized double lastAllowedKw() {
        return lastAllowedKw;
    }

    private static double round(double kw) {
        return Math.round(kw * 100) / 100.0;
    }
}
