package org.v2gcsms.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.store.DatabaseConfig;

/**
 * The resolved settings of one running CSMS, whatever set them (command line, environment, config file).
 * {@code serve} and {@code demo} both start from one of these.
 *
 * @param tlsCertificate PEM certificate chain; with {@code tlsKey}, the endpoint is wss:// only
 * @param tlsClientCa    PEM CA certificates for security profile 3 (mutual TLS)
 * @param jdbcUrl        a {@code jdbc:postgresql://} URL; empty: the embedded H2 database under {@code dataDir}
 */
public record CsmsSettings(String host, int port, String pathPrefix, Path dataDir, AutoRegistration autoRegister,
                           Duration heartbeatInterval, Duration callTimeout, int maxFrameBytes,
                           double maxMessagesPerSecond, Optional<Path> tlsCertificate, Optional<Path> tlsKey,
                           Optional<Path> tlsClientCa, Optional<String> jdbcUrl, String dbUser, String dbPassword) {

    public static final int DEFAULT_PORT = 8180;

    public CsmsSettings {
        Objects.requireNonNull(dataDir, "data-dir");
        Objects.requireNonNull(autoRegister, "auto-register");
        if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
            throw new IllegalArgumentException("tls-cert and tls-key go together: give both or neither");
        }
        if (tlsClientCa.isPresent() && tlsCertificate.isEmpty()) {
            throw new IllegalArgumentException("tls-client-ca needs tls-cert and tls-key (mutual TLS runs over TLS)");
        }
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
