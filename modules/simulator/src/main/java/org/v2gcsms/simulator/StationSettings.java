package org.v2gcsms.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How every station of a run behaves.
 *
 * @param sessionLimit     the longest a session may last (S1: 40 minutes at Korea's public fast chargers)
 * @param meterInterval    simulated time between periodic meter values (SampledDataCtrlr.TxUpdatedInterval)
 * @param callTimeout      real time a station waits for the CSMS to answer one of its CALLs
 * @param reconnectBackoff real time before a station retries after an unexpected disconnect
 */
public record StationSettings(Duration sessionLimit, Duration meterInterval, Duration callTimeout,
                              Duration reconnectBackoff) {

    public static final StationSettings DEFAULTS = new StationSettings(Duration.ofMinutes(40), Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofSeconds(2));

    public StationSettings {
        Objects.requireNonNull(sessionLimit, "sessionLimit");
        Objects.requireNonNull(meterInterval, "meterInterval");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
        if (sessionLimit.isZero() || sessionLimit.isNegative() || meterInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("session limit and meter interval must be positive (meter >= 1 s)");
        }
    }

    public StationSettings withSessionLimit(Duration limit) {
        return new StationSettings(limit, meterInterval, callTimeout, reconnectBackoff);
    }

    public StationSettings withMeterInterval(Duration interval) {
        return new StationSettings(sessionLimit, interval, callTimeout, reconnectBackoff);
    }

    public StationSettings withCallTimeout(Duration timeout) {
        return new StationSettings(sessionLimit, meterInterval, timeout, reconnectBackoff);
    }
}
