package org.v2gcsms.sessions.transactions;

import java.time.Instant;

/** A tariff as the cost of a transaction needs it: prices that change at known instants, in one currency. */
public interface EnergyPrices {
    /** The currency of the prices (ISO 4217 code, e.g. KRW), or the tariff's own label. */
    String currency();

    /** The prices in force at {@code at}; the period's end must lie after {@code at}. */
    PricePeriod periodAt(Instant at);
}
