package org.v2gcsms.simulator;

import java.time.Duration;

/**
 * One EV coming to the site.
 *
 * @param at        simulated time after the start of the run
 * @param socAtArrival state of charge on arrival, 0..1
 * @param stay      how long the driver means to stay (the session limit may cut it short)
 * @param targetSoc what the driver wants at departure, 0..1
 */
public record Arrival(Duration at, EvModel model, double socAtArrival, Duration stay, double targetSoc) {

    public Arrival {
        if (at.isNegative()) {
            throw new IllegalArgumentException("arrival time must not be negative");
        }
        fraction(socAtArrival, "arrival SoC");
        fraction(targetSoc, "target SoC");
        if (stay.isNegative() || stay.isZero()) {
            throw new IllegalArgumentException("stay must be positive");
        }
    }

    private static void fraction(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be within 0..100%, was " + v * 100 + "%");
        }
    }
}
