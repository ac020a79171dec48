package org.v2gcsms.control.planner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The result of one planning run for a site.
 *
 * @param siteLoadKw     base + EV load per step as planned, kW
 * @param siteOverrunKw  per step, how far the plan still exceeds the import (+) or export (−) limit; all zero
 *                       when the limits can be kept
 * @param status         how the solver ended; {@link Status#FALLBACK} means the LP failed and the plan is the
 *                       even-charging best effort
 * @param solveMillis    wall time of model building and solving
 */
public record Plan(String siteId, Instant start, Duration step, List<EvSchedule> evs, double[] siteLoadKw,
                   double[] siteOverrunKw, Status status, double solveMillis) {

    public enum Status { OPTIMAL, FEASIBLE, FALLBACK, EMPTY }

    public Plan {
        evs = List.copyOf(evs);
    }

    public Map<String, EvSchedule> byEvse() {
        return evs.stream().collect(Collectors.toUnmodifiableMap(EvSchedule::evseKey, Function.identity()));
    }

    public Optional<EvSchedule> ev(String evseKey) {
        return evs.stream().filter(e -> e.evseKey().equals(evseKey)).findFirst();
    }

    public double peakKw() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : siteLoadKw) {
            max = Math.max(max, v);
        }
        return max;
    }

    public double totalShortfallKwh() {
        return evs.stream().mapToDouble(EvSchedule::shortfallKwh).sum();
    }
}
