package org.v2gcsms.sessions;

import java.util.Objects;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;

/** The domain's configuration. */
public record DomainSettings(StationSettings stations, UnknownTokenPolicy unknownTokens,
                             StaleTransactionPolicy staleTransactions) {
    public DomainSettings {
        Objects.requireNonNull(stations, "stations");
        Objects.requireNonNull(unknownTokens, "unknownTokens");
        Objects.requireNonNull(staleTransactions, "staleTransactions");
    }
}
