package org.v2gcsms.sessions.transactions;

import java.time.Instant;
import java.util.Optional;

/**
 * The first and last readings (by the meter's own timestamps) of one energy register during a transaction.
 * Offline events arrive late and out of order, so readings are placed by time, not by arrival.
 * All fields are null until the first reading.
 */
public record EnergyRegister(Double firstWh, Instant firstAt, Double lastWh, Instant lastAt) {
    public static final EnergyRegister EMPTY = new EnergyRegister(null, null, null, null);

    EnergyRegister with(double wh, Instant at) {
        boolean first = firstAt == null || at.isBefore(firstAt);
        boolean last = lastAt == null || !at.isBefore(lastAt);
        return new EnergyRegister(first ? wh : firstWh, first ? at : firstAt, last ? wh : lastWh, last ? at : lastAt);
    }

    /** Energy that went through the register during the transaction; empty before two readings exist. */
    public Optional<Double> deltaWh() {
        return firstWh == null || lastAt.equals(firstAt) ? Optional.empty() : Optional.of(lastWh - firstWh);
    }
}
