package org.v2gcsms.control.planner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One site's planning problem: the horizon from {@code start} in steps of {@code step}, the forecast base load
 * (net of on-site PV), tariff and grid-connection limits per step, and the EVs present. Arrays have one value
 * per step and at least as many steps as the latest EV deadline needs (the planner reads only what it uses).
 *
 * @param netBaseKw     base load minus PV, kW (negative: the site exports without EVs)
 * @param importPrice   price per kWh imported in each step
 * @param exportPrice   credit per kWh exported in each step
 */
public record PlanRequest(String siteId, Instant start, Duration step, double[] netBaseKw, double[] importPrice,
                          double[] exportPrice, double importLimitKw, double exportLimitKw, Objective objective,
                          List<EvPlanInput> evs) {

    public PlanRequest {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(objective, "objective");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive");
        }
        if (netBaseKw.length == 0 || importPrice.length != netBaseKw.length
                || exportPrice.length != netBaseKw.length) {
            throw new IllegalArgumentException("base load and prices need one value per step, same length");
        }
        evs = List.copyOf(evs);
    }

    public int horizonSteps() {
        return netBaseKw.length;
    }

    public double stepHours() {
        return step.toMillis() / 3_600_000.0;
    }

    /** The part (0..1) of step {@code t} before {@code deadline}. */
    public double presence(Instant deadline, int t) {
        long stepMs = step.toMillis();
        long left = deadline.toEpochMilli() - start.toEpochMilli() - t * stepMs;
        return Math.max(0, Math.min(1, left / (double) stepMs));
    }
}
