package org.v2gcsms.sessions.transactions;

import java.util.Optional;

/**
 * Which prices a station's transactions are costed at. The control module knows sites and their tariffs; the
 * application wires it in here, so this module stays free of it.
 */
@FunctionalInterface
public interface Tariffs {
    /** No tariff anywhere: transactions get no cost and their answers carry no totalCost. */
    Tariffs NONE = stationId -> Optional.empty();

    /** The prices at the station now; empty when no tariff applies to it. */
    Optional<EnergyPrices> at(String stationId);
}
