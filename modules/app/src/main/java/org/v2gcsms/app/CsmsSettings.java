package org.v2gcsms.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.session.MaxDuration;
import org.v2gcsms.store.DatabaseConfig;

/**
 * The resolved settings of one running CSMS, whatever set them (command line, environment, config file).
 * {@code serve} and {@code demo} both start from one of these; tests start from {@link #local} and change what
 * they need with the {@code with…} methods.
 *
 * @param tls            wss:// (security profiles 2 and 3); empty: plain ws:// only (profile 1)
 * @param jdbcUrl        a {@code jdbc:postgresql://} URL; empty: the embedded H2 database under {@code dataDir}
 * @param adminApiKey    the first admin key of the back-office API; empty: only keys already in the database
 * @param maxSession     the default maximum session duration (sites and station groups may set their own)
 * @param maxSessionWarning how long before the maximum duration the driver and subscribers are warned
 * @param configDir      sites, station groups, grid-code presets and per-site grid-safety settings
 *                       (docs/control.md, sessions.md, grid-safety.md)
 * @param unknownTokens  how Authorize and TransactionEvent answer an id token the CSMS does not have
 * @param webhookAllowPrivate whether webhooks may target loopback, private and link-local addresses (off: only
 *                       public ones, so an API user cannot make the CSMS call into its own network)
 */
public record CsmsSettings(String host, int port, String pathPrefix, Path dataDir, AutoRegistration autoRegister,
                           Duration heartbeatInterval, Duration callTimeout, int maxFrameBytes,
                           double maxMessagesPerSecond, Optional<Tls> tls, Optional<String> jdbcUrl, String dbUser,
                           String dbPassword, Optional<String> adminApiKey, MaxDuration maxSession,
                           Duration maxSessionWarning, Path configDir, UnknownTokenPolicy unknownTokens,
                           boolean webhookAllowPrivate) {

    public static final int DEFAULT_PORT = 8180;
    /** Sites ({@code sites/}), grid-code presets ({@code gridcodes/}) and per-site grid safety ({@code grid-safety/}). */
    public static final Path DEFAULT_CONFIG_DIR = Path.of("config");

    /**
     * wss:// on the main port.
     *
     * @param certificate PEM certificate chain of the CSMS
     * @param key         its PEM (PKCS#8) private key
     * @param clientCa    PEM CA certificates of station certificates (security profile 3); empty: the CSMS's own
     *                    station CA, the one that signs stations' SignCertificate requests ({@code <data-dir>/ca})
     * @param plainPort   also accept plain ws:// (security profile 1) on this port, for stations not yet upgraded
     */
    public record Tls(Path certificate, Path key, Optional<Path> clientCa, OptionalInt plainPort) {
        public Tls {
            Objects.requireNonNull(certificate, "tls-cert");
            Objects.requireNonNull(key, "tls-key");
            Objects.requireNonNull(clientCa, "tls-client-ca");
            Objects.requireNonNull(plainPort, "plain-port");
        }

        /**
         * From the separate options; none given: no TLS.
         *
         * @throws IllegalArgumentException naming the option, when they do not fit together
         */
        static Optional<Tls> of(Path certificate, Path key, Path clientCa, Integer plainPort) {
            if ((certificate == null) != (key == null)) {
                throw new IllegalArgumentException("tls-cert and tls-key go together: give both or neither");
            }
            if (certificate == null) {
                if (clientCa != null) {
                    throw new IllegalArgumentException("tls-client-ca needs tls-cert and tls-key (mutual TLS runs "
                            + "over TLS)");
                }
                if (plainPort != null) {
                    throw new IllegalArgumentException("plain-port is a ws:// port beside the wss:// one: it needs "
                            + "tls-cert and tls-key (without them, port is already plain ws://)");
                }
                return Optional.empty();
            }
            return Optional.of(new Tls(certificate, key, Optional.ofNullable(clientCa),
                    plainPort == null ? OptionalInt.empty() : OptionalInt.of(plainPort)));
        }
    }

    public CsmsSettings {
        Objects.requireNonNull(dataDir, "data-dir");
        Objects.requireNonNull(autoRegister, "auto-register");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(jdbcUrl, "db-url");
        Objects.requireNonNull(maxSession, "max-session");
        Objects.requireNonNull(maxSessionWarning, "max-session-warning");
        Objects.requireNonNull(adminApiKey, "admin-api-key");
        Objects.requireNonNull(configDir, "config-dir");
        Objects.requireNonNull(unknownTokens, "unknown-tokens");
    }

    /**
     * Settings for tests and the demo: loopback, the given port and data directory, the embedded database, plain
     * ws://, the default configuration directory ({@code config/}), 40-minute sessions warned 5 minutes before,
     * unknown id tokens rejected.
     */
    public static CsmsSettings local(int port, Path dataDir) {
        return new CsmsSettings("127.0.0.1", port, "/ocpp", dataDir, AutoRegistration.ACCEPT, Duration.ofMinutes(5),
                Duration.ofSeconds(30), 65_536, 50, Optional.empty(), Optional.empty(), "", "", Optional.empty(),
                MaxDuration.DEFAULT, Duration.ofMinutes(5), DEFAULT_CONFIG_DIR, UnknownTokenPolicy.REJECT, false);
    }

    /** Sites, grid-code presets and grid-safety settings from {@code dir} instead. */
    public CsmsSettings withConfigDir(Path dir) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tls, jdbcUrl, dbUser, dbPassword, adminApiKey, maxSession,
                maxSessionWarning, dir, unknownTokens, webhookAllowPrivate);
    }

    public CsmsSettings withAdminApiKey(String key) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tls, jdbcUrl, dbUser, dbPassword, Optional.of(key), maxSession,
                maxSessionWarning, configDir, unknownTokens, webhookAllowPrivate);
    }

    public CsmsSettings withMaxSession(MaxDuration limit, Duration warning) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tls, jdbcUrl, dbUser, dbPassword, adminApiKey, limit, warning,
                configDir, unknownTokens, webhookAllowPrivate);
    }

    public CsmsSettings withCallTimeout(Duration timeout) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, timeout,
                maxFrameBytes, maxMessagesPerSecond, tls, jdbcUrl, dbUser, dbPassword, adminApiKey, maxSession,
                maxSessionWarning, configDir, unknownTokens, webhookAllowPrivate);
    }

    /** How id tokens the CSMS does not have are answered. */
    public CsmsSettings withUnknownTokens(UnknownTokenPolicy policy) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tls, jdbcUrl, dbUser, dbPassword, adminApiKey, maxSession,
                maxSessionWarning, configDir, policy, webhookAllowPrivate);
    }

    /** How stations the CSMS does not know are admitted. */
    public CsmsSettings withAutoRegister(AutoRegistration policy) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, policy, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tls, jdbcUrl, dbUser, dbPassword, adminApiKey, maxSession,
                maxSessionWarning, configDir, unknownTokens, webhookAllowPrivate);
    }

    /** The per-connection inbound message rate. */
    public CsmsSettings withMaxMessagesPerSecond(double rate) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, rate, tls, jdbcUrl, dbUser, dbPassword, adminApiKey, maxSession, maxSessionWarning,
                configDir, unknownTokens, webhookAllowPrivate);
    }

    /** This database instead of the embedded one. */
    public CsmsSettings withDatabase(DatabaseConfig db) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tls, Optional.of(db.jdbcUrl()), db.user(), db.password(),
                adminApiKey, maxSession, maxSessionWarning, configDir, unknownTokens, webhookAllowPrivate);
    }

    /** wss:// on the main port. */
    public CsmsSettings withTls(Tls settings) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, Optional.of(settings), jdbcUrl, dbUser, dbPassword, adminApiKey,
                maxSession, maxSessionWarning, configDir, unknownTokens, webhookAllowPrivate);
    }

    /** Whether webhooks may target loopback and private addresses (a receiver on the same host or network). */
    public CsmsSettings withWebhookAllowPrivate(boolean allow) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tls, jdbcUrl, dbUser, dbPassword, adminApiKey, maxSession,
                maxSessionWarning, configDir, unknownTokens, allow);
    }

    public DatabaseConfig database() {
        return jdbcUrl.map(url -> new DatabaseConfig(url, dbUser, dbPassword, DatabaseConfig.DEFAULT_POOL_SIZE))
                .orElseGet(() -> DatabaseConfig.h2(dataDir));
    }
}
