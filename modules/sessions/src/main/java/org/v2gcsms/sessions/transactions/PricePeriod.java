package org.v2gcsms.sessions.transactions;

import java.time.Instant;
import java.util.Objects;

/**
 * The energy prices in force from some instant until {@code end} (exclusive), per kWh in the tariff's currency.
 *
 * @param importPerKwh what the driver pays for energy drawn from the grid
 * @param exportPerKwh what the driver is credited for energy fed back (V2G)
 * @param end          when these prices stop holding; after {@code at} of {@link EnergyPrices#periodAt}
 */
public record PricePeriod(double importPerKwh, double exportPerKwh, Instant end) {
    public PricePeriod {
        Objects.requireNonNull(end, "end");
    }
}
