package org.v2gcsms.control.dispatch;

import java.time.Duration;
import java.time.Instant;

/** Power for one EVSE per step from {@code start}, kW: + charge, − discharge. */
public record EvseSchedule(Instant start, Duration step, double[] kw) {

    public EvseSchedule {
        kw = kw.clone();
    }

    /** The planned power at {@code at}; 0 outside the schedule. */
    public double at(Instant at) {
        long i = Duration.between(start, at).toMillis() / step.toMillis();
        return at.isBefore(start) || i >= kw.length ? 0 : kw[(int) i];
    }

    public Instant end() {
        return start.plus(step.multipliedBy(kw.length));
    }

    /**
     * True when no step of this schedule differs by more than {@code deadbandKw} from what {@code sent} asks at
     * the same instant (0 after it ends): then sending this one would change nothing worth a message.
     */
    public boolean closeTo(EvseSchedule sent, double deadbandKw) {
        for (int i = 0; i < kw.length; i++) {
            Instant t = start.plus(step.multipliedBy(i));
            if (Math.abs(kw[i] - sent.at(t)) > deadbandKw) {
                return false;
            }
        }
        return true;
    }
}
