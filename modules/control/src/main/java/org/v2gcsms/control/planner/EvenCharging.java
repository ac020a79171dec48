package org.v2gcsms.control.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * S1's CASE 1: every EV takes its energy evenly over the steps it is present, charge only, capped at its
 * charge limit. Also the planner's fallback when the LP fails: it never discharges and never needs a solver.
 */
public final class EvenCharging {

    private EvenCharging() {}

    public static Plan plan(PlanRequest r, Plan.Status status, double millis) {
        int steps = r.horizonSteps();
        double dt = r.stepHours();
        double[] load = r.netBaseKw().clone();
        List<EvSchedule> out = new ArrayList<>();
        for (EvPlanInput ev : r.evs()) {
            int k = Math.min(steps, Planner.presentSteps(r, ev));
            double hours = 0;
            for (int t = 0; t < k; t++) {
                hours += r.presence(ev.deadline(), t) * dt;
            }
            double need = Math.max(0, ev.energyNeededKwh());
            double kw = hours > 0 ? Math.min(ev.maxChargeKw(), need / hours) : 0;
            double[] p = new double[k];
            for (int t = 0; t < k; t++) {
                p[t] = r.presence(ev.deadline(), t) > 0 ? kw : 0;
                load[t] += p[t] * r.presence(ev.deadline(), t);
            }
            out.add(new EvSchedule(ev.evseKey(), p, Math.max(0, need - kw * hours)));
        }
        double[] overrun = new double[steps];
        for (int t = 0; t < steps; t++) {
            overrun[t] = load[t] > r.importLimitKw() ? load[t] - r.importLimitKw()
                    : load[t] < -r.exportLimitKw() ? load[t] + r.exportLimitKw() : 0;
        }
        return new Plan(r.siteId(), r.start(), r.step(), out, load, overrun, status, millis);
    }
}
