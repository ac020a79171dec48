package org.v2gcsms.sessions;

import java.util.Objects;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.session.SessionSettings;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;

/** The domain's configuration. */
public record DomainSettings(StationSettings stations, UnknownTokenPolicy unknownTokens,
                             StaleTransactionPolicy staleTransactions, SessionSettings sessions) {
    public DomainSettings {
        Objects.requireNonNull(stations, "stations");
        Objects.requireNonNull(unknownTokens, "unknownTokens");
        Objects.requireNonNull(staleTransactions, "staleTransactions");
        Objects.requireNonNull(sessions, "sessions");
    }

    /** With the default session settings (40-minute limit, warned 5 minutes before). */
    public DomainSettings(StationSettings stations, UnknownTokenPolicy unknownTokens,
                          StaleTransactionPolicy staleTransactions) {
        this(stations, unknownTokens, staleTransactions, SessionSettings.defaults());
    }
}
