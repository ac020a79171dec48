package org.v2gcsms.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time: starts at {@code origin} and runs {@code speedUp} times faster than the monotonic
 * wall clock. Every timestamp a simulated station sends and every physical quantity it integrates is
 * read from here, so a scenario of hours runs in minutes without changing any logic.
 */
public final class SimClock extends Clock {
    private final Instant origin;
    private final long originNanos;
    private final double speedUp;

    private SimClock(Instant origin, long originNanos, double speedUp) {
        if (!(speedUp >= 1) || Double.isInfinite(speedUp)) {
            throw new IllegalArgumentException("speed-up must be a finite number >= 1, was " + speedUp);
        }
        this.origin = origin;
        this.originNanos = originNanos;
        this.speedUp = speedUp;
    }

    /** Simulated time that starts now and runs {@code speedUp} times faster than real time. */
    public static SimClock startingNow(double speedUp) {
        return new SimClock(Instant.now(), System.nanoTime(), speedUp);
    }

    public double speedUp() {
        return speedUp;
    }

    /** How long a simulated duration takes in real time. */
    public Duration toReal(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speedUp));
    }

    /** Simulated time elapsed since the clock started. */
    public Duration elapsed() {
        return Duration.between(origin, instant());
    }

    @Override
    public Instant instant() {
        long realNanos = System.nanoTime() - originNanos;
        return origin.plusNanos((long) (realNanos * speedUp));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("simulated time is always UTC");
    }
}
