package org.v2gcsms.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.session.MaxDuration;
import org.v2gcsms.store.DatabaseConfig;

/**
 * The resolved settings of one running CSMS, whatever set them (command line, environment, config file).
 * {@code serve} and {@code demo} both start from one of these.
 *
 * @param tlsCertificate PEM certificate chain; with {@code tlsKey}, the endpoint is wss:// only
 * @param tlsClientCa    PEM CA certificates for security profile 3 (mutual TLS)
 * @param jdbcUrl        a {@code jdbc:postgresql://} URL; empty: the embedded H2 database under {@code dataDir}
 * @param adminApiKey    the first admin key of the back-office API; empty: only keys already in the database
 * @param maxSession     the default maximum session duration (sites and station groups may set their own)
 * @param maxSessionWarning how long before the maximum duration the driver and subscribers are warned
 * @param configDir      sites, station groups, grid-code presets and per-site grid-safety settings
 *                       (docs/control.md, sessions.md, grid-safety.md)
 * @param unknownTokens  how Authorize and TransactionEvent answer an id token the CSMS does not have
 */
public record CsmsSettings(String host, int port, String pathPrefix, Path dataDir, AutoRegistration autoRegister,
                           Duration heartbeatInterval, Duration callTimeout, int maxFrameBytes,
                           double maxMessagesPerSecond, Optional<Path> tlsCertificate, Optional<Path> tlsKey,
                           Optional<Path> tlsClientCa, Optional<String> jdbcUrl, String dbUser, String dbPassword,
                           Optional<String> adminApiKey, MaxDuration maxSession, Duration maxSessionWarning,
                           Path configDir, UnknownTokenPolicy unknownTokens) {

    public static final int DEFAULT_PORT = 8180;
    /** Sites ({@code sites/}), grid-code presets ({@code gridcodes/}) and per-site grid safety ({@code grid-safety/}). */
    public static final Path DEFAULT_CONFIG_DIR = Path.of("config");

    public CsmsSettings {
        Objects.requireNonNull(dataDir, "data-dir");
        Objects.requireNonNull(autoRegister, "auto-register");
        Objects.requireNonNull(maxSession, "max-session");
        Objects.requireNonNull(maxSessionWarning, "max-session-warning");
        if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
            throw new IllegalArgumentException("tls-cert and tls-key go together: give both or neither");
        }
        if (tlsClientCa.isPresent() && tlsCertificate.isEmpty()) {
            throw new IllegalArgumentException("tls-client-ca needs tls-cert and tls-key (mutual TLS runs over TLS)");
        }
        Objects.requireNonNull(adminApiKey, "admin-api-key");
        Objects.requireNonNull(configDir, "config-dir");
        Objects.requireNonNull(unknownTokens, "unknown-tokens");
    }

    /** With the default configuration directory ({@code config/}); unknown id tokens rejected. */
    public CsmsSettings(String host, int port, String pathPrefix, Path dataDir, AutoRegistration autoRegister,
                        Duration heartbeatInterval, Duration callTimeout, int maxFrameBytes, double maxMessagesPerSecond,
                        Optional<Path> tlsCertificate, Optional<Path> tlsKey, Optional<Path> tlsClientCa,
                        Optional<String> jdbcUrl, String dbUser, String dbPassword, Optional<String> adminApiKey,
                        MaxDuration maxSession, Duration maxSessionWarning) {
        this(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout, maxFrameBytes,
                maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword, adminApiKey,
                maxSession, maxSessionWarning, DEFAULT_CONFIG_DIR, UnknownTokenPolicy.REJECT);
    }

    /** Sites, grid-code presets and grid-safety settings from {@code dir} instead. */
    public CsmsSettings withConfigDir(Path dir) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword,
                adminApiKey, maxSession, maxSessionWarning, dir, unknownTokens);
    }

    /** Settings without an admin API key given at start. */
    public CsmsSettings(String host, int port, String pathPrefix, Path dataDir, AutoRegistration autoRegister,
                        Duration heartbeatInterval, Duration callTimeout, int maxFrameBytes, double maxMessagesPerSecond,
                        Optional<Path> tlsCertificate, Optional<Path> tlsKey, Optional<Path> tlsClientCa,
                        Optional<String> jdbcUrl, String dbUser, String dbPassword) {
        this(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout, maxFrameBytes,
                maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword, Optional.empty());
    }

    public CsmsSettings withAdminApiKey(String key) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword,
                Optional.of(key), maxSession, maxSessionWarning, configDir, unknownTokens);
    }

    /** With the default maximum session duration (40 minutes, warned 5 minutes before). */
    public CsmsSettings(String host, int port, String pathPrefix, Path dataDir, AutoRegistration autoRegister,
                        Duration heartbeatInterval, Duration callTimeout, int maxFrameBytes, double maxMessagesPerSecond,
                        Optional<Path> tlsCertificate, Optional<Path> tlsKey, Optional<Path> tlsClientCa,
                        Optional<String> jdbcUrl, String dbUser, String dbPassword, Optional<String> adminApiKey) {
        this(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout, maxFrameBytes,
                maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword, adminApiKey,
                MaxDuration.DEFAULT, Duration.ofMinutes(5));
    }

    public CsmsSettings withMaxSession(MaxDuration limit, Duration warning) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword,
                adminApiKey, limit, warning, configDir, unknownTokens);
    }

    public CsmsSettings withCallTimeout(Duration timeout) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, timeout,
                maxFrameBytes, maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword,
                adminApiKey, maxSession, maxSessionWarning, configDir, unknownTokens);
    }

    /** How id tokens the CSMS does not have are answered. */
    public CsmsSettings withUnknownTokens(UnknownTokenPolicy policy) {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, heartbeatInterval, callTimeout,
                maxFrameBytes, maxMessagesPerSecond, tlsCertificate, tlsKey, tlsClientCa, jdbcUrl, dbUser, dbPassword,
                adminApiKey, maxSession, maxSessionWarning, configDir, policy);
    }

    /** Settings for tests and the demo: loopback, the given port and data directory, defaults otherwise. */
    public static CsmsSettings local(int port, Path dataDir) {
        return new CsmsSettings("127.0.0.1", port, "/ocpp", dataDir, AutoRegistration.ACCEPT, Duration.ofMinutes(5),
                Duration.ofSeconds(30), 65_536, 50, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", "");
    }

    public DatabaseConfig database() {
        return jdbcUrl.map(url -> new DatabaseConfig(url, dbUser, dbPassword, DatabaseConfig.DEFAULT_POOL_SIZE))
                .orElseGet(() -> DatabaseConfig.h2(dataDir));
    }
}
