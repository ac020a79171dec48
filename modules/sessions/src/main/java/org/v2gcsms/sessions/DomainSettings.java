package org.v2gcsms.sessions;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.certificates.PlugAndChargeSettings;
import org.v2gcsms.sessions.session.SessionSettings;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;
import org.v2gcsms.sessions.transactions.Tariffs;

/**
 * The domain's configuration.
 *
 * @param certificateAuthority the directory of the CA that signs stations' certificate requests (created there
 *                             on first use); the ISO 15118 V2G sub-CAs an operator installs go beside it
 *                             ({@code v2g-ca}, {@code v2g20-ca}: CertificateSigning#open); empty: SignCertificate
 *                             is not supported
 * @param tariffs              the prices transactions are costed at ({@link Tariffs#NONE}: no cost)
 * @param plugAndCharge        the ISO 15118 services: contract certificate service, OCSP responder, MO roots
 */
public record DomainSettings(StationSettings stations, UnknownTokenPolicy unknownTokens,
                             StaleTransactionPolicy staleTransactions, SessionSettings sessions,
                             Optional<Path> certificateAuthority, Tariffs tariffs,
                             PlugAndChargeSettings plugAndCharge) {
    public DomainSettings {
        Objects.requireNonNull(stations, "stations");
        Objects.requireNonNull(unknownTokens, "unknownTokens");
        Objects.requireNonNull(staleTransactions, "staleTransactions");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(certificateAuthority, "certificateAuthority");
        Objects.requireNonNull(tariffs, "tariffs");
        Objects.requireNonNull(plugAndCharge, "plugAndCharge");
    }

    /**
     * Without a CA (SignCertificate is answered NotSupported), without tariffs (no cost) and without ISO 15118
     * services configured.
     */
    public DomainSettings(StationSettings stations, UnknownTokenPolicy unknownTokens,
                          StaleTransactionPolicy staleTransactions, SessionSettings sessions) {
        this(stations, unknownTokens, staleTransactions, sessions, Optional.empty(), Tariffs.NONE,
                PlugAndChargeSettings.none());
    }

    /** The same settings, signing station certificates with the CA kept in {@code dir}. */
    public DomainSettings withCertificateAuthority(Path dir) {
        return new DomainSettings(stations, unknownTokens, staleTransactions, sessions, Optional.of(dir), tariffs,
                plugAndCharge);
    }

    /** The same settings, costing transactions at these tariffs. */
    public DomainSettings withTariffs(Tariffs t) {
        return new DomainSettings(stations, unknownTokens, staleTransactions, sessions, certificateAuthority, t,
                plugAndCharge);
    }

    /** The same settings, with these ISO 15118 Plug &amp; Charge services. */
    public DomainSettings withPlugAndCharge(PlugAndChargeSettings p) {
        return new DomainSettings(stations, unknownTokens, staleTransactions, sessions, certificateAuthority,
                tariffs, p);
    }

    /** With the default session settings (40-minute limit, warned 5 minutes before). */
    public DomainSettings(StationSettings stations, UnknownTokenPolicy unknownTokens,
                          StaleTransactionPolicy staleTransactions) {
        this(stations, unknownTokens, staleTransactions, SessionSettings.defaults());
    }
}
