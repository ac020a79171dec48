package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How the session manager runs.
 *
 * @param limits           maximum session duration by place, and when to warn
 * @param defaultTargetSoc target SoC (percent) of a new session until the API sets another (S1: 80%)
 * @param checkEvery       how often deadlines are checked (real time); the limit is met within this
 * @param stopRetryEvery   how long after a RequestStopTransaction without an Ended event it is sent again
 * @param stopAttempts     RequestStopTransactions sent before the station is flagged as ignoring them
 */
public record SessionSettings(SessionLimits limits, double defaultTargetSoc, Duration checkEvery,
                              Duration stopRetryEvery, int stopAttempts) {

    public SessionSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(checkEvery, "checkEvery");
        Objects.requireNonNull(stopRetryEvery, "stopRetryEvery");
        if (!(defaultTargetSoc > 0 && defaultTargetSoc <= 100)) {
            throw new IllegalArgumentException("target SoC must be within (0, 100], was " + defaultTargetSoc);
        }
        if (checkEvery.isZero() || checkEvery.isNegative() || stopRetryEvery.isNegative() || stopAttempts < 1) {
            throw new IllegalArgumentException("checkEvery must be positive, stopRetryEvery not negative, "
                    + "stopAttempts at least 1");
        }
    }

    public static SessionSettings defaults() {
        return of(SessionLimits.defaults());
    }

    public static SessionSettings of(SessionLimits limits) {
        return new SessionSettings(limits, 80, Duration.ofSeconds(1), Duration.ofMinutes(1), 3);
    }

    public SessionSettings withLimits(SessionLimits l) {
        return new SessionSettings(l, defaultTargetSoc, checkEvery, stopRetryEvery, stopAttempts);
    }

    public SessionSettings withCheckEvery(Duration d) {
        return new SessionSettings(limits, defaultTargetSoc, d, stopRetryEvery, stopAttempts);
    }

    public SessionSettings withStopRetry(Duration every, int attempts) {
        return new SessionSettings(limits, defaultTargetSoc, checkEvery, every, attempts);
    }
}
