package org.v2gcsms.gridsafety.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.v2gcsms.control.dispatch.EvseSchedule;
import org.v2gcsms.control.dispatch.EvseTarget;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.guard.EvseLimits;
import org.v2gcsms.gridsafety.guard.GuardedSetpoint;
import org.v2gcsms.gridsafety.guard.Requester;
import org.v2gcsms.gridsafety.guard.SetpointRequest;

/**
 * The grid-safety guard in the control dispatcher's place ({@link org.v2gcsms.control.dispatch.LimitGuard}):
 * the step in force now goes through the live guard (and becomes the EVSE's last setpoint), later steps are
 * guarded with the site's conditions as they are now, each ramped from the step before. A station outside any
 * site gets no discharge. The EVSE's ratings and V2X ability come from the dispatcher's target, the EV's limits
 * and SoC from the session.
 */
public final class ControlLimitGuard implements org.v2gcsms.control.dispatch.LimitGuard {
    private final GridSafety safety;
    private final EvseLimitsLookup ev;
    /** The setpoint in force now that each EVSE was last passed, until it is known whether the EVSE took it. */
    private final Map<String, GuardedSetpoint> lastPassed = new ConcurrentHashMap<>();

    public ControlLimitGuard(GridSafety safety, EvseLimitsLookup ev) {
        this.safety = safety;
        this.ev = ev;
    }

    @Override
    public EvseSchedule check(EvseTarget target, EvseSchedule schedule) {
        EvseLimits fromEv = ev.limits(target.stationId(), target.evseId());
        EvseLimits limits = new EvseLimits(target.chargeKw(), target.dischargeKw(), fromEv.evMaxChargeKw(),
                fromEv.evMaxDischargeKw(), fromEv.evMinDischargeKw(), fromEv.socPercent(), target.dischargeAllowed());
        double[] kw = schedule.kw();
        double[] out = new double[kw.length];
        var site = safety.sites().siteOf(target.stationId());
        Instant now = safety.now();
        for (int i = 0; i < kw.length; i++) {
            Instant at = schedule.start().plus(schedule.step().multipliedBy(i));
            SetpointRequest r = new SetpointRequest(target.stationId(), target.evseId(), kw[i], limits,
                    Requester.PLANNER);
            if (site.isEmpty()) {
                out[i] = Math.max(0, Math.min(kw[i], target.chargeKw()));
                continue;
            }
            var conditions = safety.conditions(site.get().id());
            GuardedSetpoint g = i == 0 || !at.isAfter(now)
                    ? safety.limitGuard().guard(conditions, List.of(r), now).get(0)
                    : safety.limitGuard().preview(conditions, r, out[i - 1], at.minus(schedule.step()), at);
            out[i] = g.kw();
            if (i == 0 || !at.isAfter(now)) {
                lastPassed.put(target.key(), g);
            }
        }
        return new EvseSchedule(schedule.start(), schedule.step(), out);
    }

    @Override
    public void notTaken(EvseTarget target) {
        GuardedSetpoint g = lastPassed.remove(target.key());
        var site = safety.sites().siteOf(target.stationId());
        if (g != null && site.isPresent()) {
            safety.limitGuard().notTaken(site.get().id(), g);
        }
    }
}
