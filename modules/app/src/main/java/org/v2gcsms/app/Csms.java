package org.v2gcsms.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.server.CsmsServer;
import org.v2gcsms.server.OcppHandlers;
import org.v2gcsms.server.ServerConfig;
import org.v2gcsms.server.StationLink;
import org.v2gcsms.server.TlsConfig;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.DomainSettings;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;
import org.v2gcsms.store.Store;

/**
 * One running CSMS: the modules composed in one place. {@code serve}, {@code demo} and the end-to-end
 * tests all start it through {@link #start}; {@link #close} stops it gracefully.
 */
public final class Csms implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Csms.class);

    private final CsmsSettings settings;
    private final CsmsServer server;
    private final OcppHandlers handlers;
    private final Store store;
    private final CsmsDomain domain;
    private final StationMessageTaps taps;

    private Csms(CsmsSettings settings, CsmsServer server, OcppHandlers handlers, Store store, CsmsDomain domain,
                 StationMessageTaps taps) {
        this.taps = taps;
        this.settings = settings;
        this.server = server;
        this.handlers = handlers;
        this.store = store;
        this.domain = domain;
    }

    public static Csms start(CsmsSettings settings) throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir());
        Store store = Store.open(settings.database());
        AtomicReference<CsmsServer> serverRef = new AtomicReference<>();
        CsmsDomain domain = new CsmsDomain(store.repositories(), DomainWiring.calls(() -> serverRef.get().stations()),
                new DomainSettings(StationSettings.of(settings.heartbeatInterval(),
                        DomainWiring.unknownStations(settings.autoRegister())), UnknownTokenPolicy.REJECT,
                        StaleTransactionPolicy.defaults()), Clock.systemUTC());
        OcppHandlers handlers = new OcppHandlers();
        StationMessageTaps taps = new StationMessageTaps();
        DomainWiring.handle(handlers, domain, taps);
        CsmsServer server = new CsmsServer(serverConfig(settings),
                DomainWiring.registry(store.repositories().stations(), settings.autoRegister()), handlers,
                DomainWiring.listener(domain), List.of());
        serverRef.set(server);
        try {
            server.start();
        } catch (RuntimeException | InterruptedException e) {
            domain.close();
            store.close();
            throw e;
        }
        domain.start();
        Csms csms = new Csms(settings, server, handlers, store, domain, taps);
        log.info("CSMS ready: stations connect to {}<stationId>; health at {}", csms.ocppUrl(), csms.healthUrl());
        return csms;
    }

    static ServerConfig serverConfig(CsmsSettings s) {
        ServerConfig.Builder b = ServerConfig.builder()
                .host(s.host())
                .port(s.port())
                .pathPrefix(s.pathPrefix())
                .heartbeatInterval(s.heartbeatInterval())
                // Idle timeout a safe multiple of the heartbeat interval, never equal (reconnect loops).
                .idleTimeout(s.heartbeatInterval().multipliedBy(3))
                .pingInterval(minimum(Duration.ofMinutes(1), s.heartbeatInterval()))
                .callTimeout(s.callTimeout())
                .maxFrameBytes(s.maxFrameBytes())
                .rateLimit(new ServerConfig.RateLimit(s.maxMessagesPerSecond(),
                        (int) Math.max(10, Math.ceil(s.maxMessagesPerSecond() * 3)), 30));
        if (s.tlsCertificate().isPresent()) {
            b.tls(new TlsConfig(new TlsConfig.ServerKey.Pem(s.tlsCertificate().get(), s.tlsKey().orElseThrow(),
                    java.util.Optional.empty()), s.tlsClientCa()));
        }
        return b.build();
    }

    private static Duration minimum(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public CsmsSettings settings() {
        return settings;
    }

    public int port() {
        return server.port();
    }

    /** Where stations connect, ending in '/': append the station id. */
    public URI ocppUrl() {
        return URI.create((server.config().tlsEnabled() ? "wss" : "ws") + "://" + displayHost() + ":" + port()
                + server.config().pathPrefix() + "/");
    }

    public URI healthUrl() {
        return URI.create((server.config().tlsEnabled() ? "https" : "http") + "://" + displayHost() + ":" + port()
                + "/health");
    }

    /** Sends CALLs to connected stations. */
    public StationLink stations() {
        return server.stations();
    }

    /** The domain: stations, transactions, device model, commands (typed, recorded). */
    public CsmsDomain domain() {
        return domain;
    }

    /** Where grid safety (and any later part) taps the station messages the domain answers. */
    StationMessageTaps messageTaps() {
        return taps;
    }

    /** The database (grid safety keeps its loss-of-mains journal there). */
    Store store() {
        return store;
    }

    /** The handlers of station-initiated messages, as composed (the coverage report reads them). */
    OcppHandlers handlers() {
        return handlers;
    }

    private String displayHost() {
        String host = settings.host();
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }

    @Override
    public void close() {
        log.info("CSMS stopping");
        server.close();
        domain.close();
        store.close();
        log.info("CSMS stopped");
    }
}
