package org.v2gcsms.sessions.transactions;

import java.time.Duration;
import java.util.Objects;

/**
 * When the CSMS stops waiting for a transaction's Ended event (a power cut, a station gone for good): an OPEN
 * transaction not heard of for {@code maxSilence} is closed and flagged {@link Transaction#closedByCsms()},
 * unless its station, when connected, says the transaction is still ongoing or its events are still queued.
 * {@code checkEvery} is how often the CSMS looks.
 */
public record StaleTransactionPolicy(Duration maxSilence, Duration checkEvery) {
    public StaleTransactionPolicy {
        Objects.requireNonNull(maxSilence, "maxSilence");
        Objects.requireNonNull(checkEvery, "checkEvery");
        if (maxSilence.isNegative() || maxSilence.isZero() || checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("maxSilence and checkEvery must be positive");
        }
    }

    public static StaleTransactionPolicy defaults() {
        return new StaleTransactionPolicy(Duration.ofHours(24), Duration.ofMinutes(10));
    }
}
