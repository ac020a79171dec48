package org.v2gcsms.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.session.MaxDuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./csms serve}: runs the CSMS until Ctrl-C (or SIGTERM), then stops it gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the CSMS. Every option may also come from the environment (CSMS_PORT, …) or the config file.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "properties file with defaults for every option (env CSMS_CONFIG; default config/csms.properties if present)")
    Path config;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "" + CsmsSettings.DEFAULT_PORT,
            description = "port for stations, /health and the API (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--path-prefix", defaultValue = "/ocpp",
            description = "stations connect to <prefix>/<stationId> (default ${DEFAULT-VALUE})")
    String pathPrefix;

    @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "DIR",
            description = "where the database and logs live (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--auto-register", defaultValue = "accept", paramLabel = "accept|pending|reject",
            description = "what to do with unknown station ids (default ${DEFAULT-VALUE})")
    AutoRegistration autoRegister;

    @Option(names = "--unknown-tokens", defaultValue = "reject", paramLabel = "reject|accept",
            description = "how to answer id tokens the CSMS does not have: reject (Unknown) or accept (free charging) (default ${DEFAULT-VALUE})")
    UnknownTokenPolicy unknownTokens;

    @Option(names = "--heartbeat-interval", defaultValue = "300", paramLabel = "SECONDS",
            description = "heartbeat interval given to stations (default ${DEFAULT-VALUE})")
    int heartbeatInterval;

    @Option(names = "--call-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "how long a CSMS call waits for the station (default ${DEFAULT-VALUE})")
    int callTimeout;

    @Option(names = "--max-frame-bytes", defaultValue = "65536",
            description = "largest WebSocket message accepted (default ${DEFAULT-VALUE})")
    int maxFrameBytes;

    @Option(names = "--max-messages-per-second", defaultValue = "50",
            description = "per-station inbound message rate (default ${DEFAULT-VALUE})")
    double maxMessagesPerSecond;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "server certificate chain: enables wss://")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "server private key (PKCS#8)")
    Path tlsKey;

    @Option(names = "--tls-client-ca", paramLabel = "PEM", description = "CA of station certificates (security "
            + "profile 3); default: the CSMS's own station CA, <data-dir>/ca/ca-cert.pem, which signs SignCertificate")
    Path tlsClientCa;

    @Option(names = "--plain-port", paramLabel = "PORT", description = "with TLS, also accept ws:// (security "
            + "profile 1) on this port, for stations not yet upgraded; a station that once connected over TLS is "
            + "refused here from then on")
    Integer plainPort;

    @Option(names = "--webhook-allow-private", defaultValue = "false", fallbackValue = "true", arity = "0..1",
            description = "let webhooks target loopback, private and link-local addresses (default ${DEFAULT-VALUE}: "
                    + "public addresses only)")
    boolean webhookAllowPrivate;

    @Option(names = "--db-url", paramLabel = "JDBC-URL",
            description = "PostgreSQL database (jdbc:postgresql://host:5432/csms); default: embedded H2 under --data-dir")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "", description = "database user (with --db-url)")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "", description = "database password (with --db-url; prefer env CSMS_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--config-dir", defaultValue = "config", paramLabel = "DIR",
            description = "sites (sites/), station groups (station-groups/), grid-code presets (gridcodes/) and grid-safety settings (grid-safety/) (default ${DEFAULT-VALUE})")
    Path configDir;

    @Option(names = "--admin-api-key", paramLabel = "KEY",
            description = "first admin key of the back-office API, at least 16 characters (prefer env CSMS_ADMIN_API_KEY)")
    String adminApiKey;

    @Option(names = "--max-session", defaultValue = "40m", paramLabel = "DURATION", converter = MaxSessionConverter.class,
            description = "maximum session duration from plug-in, e.g. 40m, 90s, 1h30m, or off; sites and station groups may set their own (default ${DEFAULT-VALUE})")
    MaxDuration maxSession;

    @Option(names = "--max-session-warning", defaultValue = "5m", paramLabel = "DURATION",
            converter = WarningConverter.class,
            description = "warn the driver this long before the maximum session duration (default ${DEFAULT-VALUE}; 0s: never)")
    Duration maxSessionWarning;

    static final class MaxSessionConverter implements CommandLine.ITypeConverter<MaxDuration> {
        @Override
        public MaxDuration convert(String value) {
            return MaxDuration.parse(value);
        }
    }

    static final class WarningConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.trim().matches("0+[a-z]*") ? Duration.ZERO : MaxDuration.parseDuration(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        CsmsSettings settings = settings();
        Logging.toDirectory(settings.dataDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Csms csms = Csms.start(settings);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("csms-shutdown").unstarted(() -> {
            csms.close();
            stopped.countDown();
        }));
        System.out.println("v2g-csms is running. Stations: " + csms.ocppUrl() + "<stationId>   Health: "
                + csms.healthUrl() + "   Dashboard and API: " + csms.dashboardUrl() + "   Logs: " + Logging.logFile(settings.dataDir()) + "   Stop: Ctrl-C");
        stopped.await();
        return 0;
    }

    CsmsSettings settings() {
        return new CsmsSettings(host, port, pathPrefix, dataDir, autoRegister, Duration.ofSeconds(heartbeatInterval),
                Duration.ofSeconds(callTimeout), maxFrameBytes, maxMessagesPerSecond,
                CsmsSettings.Tls.of(tlsCert, tlsKey, tlsClientCa, plainPort),
                Optional.ofNullable(jdbcUrl).filter(u -> !u.isBlank()), dbUser, dbPassword,
                Optional.ofNullable(adminApiKey).filter(k -> !k.isBlank()), maxSession, maxSessionWarning, configDir,
                unknownTokens, webhookAllowPrivate);
    }
}
