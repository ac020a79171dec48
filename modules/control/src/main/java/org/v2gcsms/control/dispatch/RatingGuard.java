package org.v2gcsms.control.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default guard: clamps each step to the EVSE's ratings and forbids discharge where it is not allowed
 * (OCPP 2.0.1, no V2X, or the EV refuses), logging every clamp. It knows no grid code: the grid-safety module's
 * guard replaces it.
 */
public final class RatingGuard implements LimitGuard {
    private static final Logger log = LoggerFactory.getLogger(RatingGuard.class);

    @Override
    public EvseSchedule check(EvseTarget target, EvseSchedule schedule) {
        double[] kw = schedule.kw();
        double low = target.dischargeAllowed() ? -target.dischargeKw() : 0;
        boolean clamped = false;
        for (int i = 0; i < kw.length; i++) {
            double v = Math.max(low, Math.min(target.chargeKw(), kw[i]));
            if (v != kw[i]) {
                log.info("Limit guard: {} step {} clamped from {} kW to {} kW (EVSE rating {}/-{} kW, discharge {})",
                        target.key(), i, kw[i], v, target.chargeKw(), target.dischargeKw(),
                        target.dischargeAllowed() ? "allowed" : "not allowed");
                kw[i] = v;
                clamped = true;
            }
        }
        return clamped ? new EvseSchedule(schedule.start(), schedule.step(), kw) : schedule;
    }

    @Override
    public void notTaken(EvseTarget target) {
        // Ratings only: nothing counted, nothing to restore.
    }
}
