package org.v2gcsms.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.api.BackOfficeApi;
import org.v2gcsms.api.GridSafetyEndpoints;
import org.v2gcsms.api.SiteEndpoints;
import org.v2gcsms.api.StationCallPort;
import org.v2gcsms.api.WebhookPolicy;
import org.v2gcsms.control.ControlLoop;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.SiteConfig;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.control.site.StationTariffs;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.server.CsmsServer;
import org.v2gcsms.server.OcppHandlers;
import org.v2gcsms.server.ServerConfig;
import org.v2gcsms.server.StationLink;
import org.v2gcsms.server.TlsConfig;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.DomainSettings;
import org.v2gcsms.sessions.certificates.PlugAndChargeSettings;
import org.v2gcsms.sessions.certificates.StationCertificateAuthority;
import org.v2gcsms.sessions.session.SessionLimits;
import org.v2gcsms.sessions.session.SessionSettings;
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
    private final BackOfficeApi api;
    private final Sites sites;
    private final GridSafety gridSafety;
    private final GridSafetyWiring.Route gridSafetyRoute;
    private final ControlLoop controlLoop;
    private final AutoCloseable controlFeed;

    private Csms(CsmsSettings settings, CsmsServer server, OcppHandlers handlers, Store store, CsmsDomain domain,
                 BackOfficeApi api, Sites sites, GridSafety gridSafety,
                 GridSafetyWiring.Route gridSafetyRoute, ControlLoop controlLoop, AutoCloseable controlFeed) {
        this.gridSafetyRoute = gridSafetyRoute;
        this.sites = sites;
        this.gridSafety = gridSafety;
        this.controlLoop = controlLoop;
        this.controlFeed = controlFeed;
        this.settings = settings;
        this.api = api;
        this.server = server;
        this.handlers = handlers;
        this.store = store;
        this.domain = domain;
    }

    public static Csms start(CsmsSettings settings) throws IOException, InterruptedException {
        return start(settings, Clock.systemUTC(), Duration.ofSeconds(1));
    }

    /**
     * Starts with the given clock (tests move it by hand, or share the simulator's) and how often timers are
     * checked, in real time: session deadlines and grid safety's clearing times, delays and ramps (with a fast
     * simulated clock, check often enough for the simulated seconds that matter).
     */
    public static Csms start(CsmsSettings settings, Clock clock, Duration sessionCheckEvery)
            throws IOException, InterruptedException {
        // Sites and session limits before anything opens: bad config stops the start, naming file and field.
        List<Site> siteList = loadSites(settings.configDir());
        Sites sites = new Sites(siteList);
        // Transactions are costed at their site's tariff, else the default (config/tariffs/default.properties).
        StationTariffs tariffs = StationTariffs.load(settings.configDir(), sites);
        SessionLimits limits = SessionLimitsConfig.load(settings.configDir(), siteList, settings.maxSession(),
                settings.maxSessionWarning());
        // ISO 15118 Plug & Charge: config/iso15118.properties and the MO roots in config/mo-roots.
        PlugAndChargeSettings plugAndCharge = PlugAndChargeSettings.load(settings.configDir());
        Files.createDirectories(settings.dataDir());
        Store store = Store.open(settings.database());
        AtomicReference<CsmsServer> serverRef = new AtomicReference<>();
        CsmsDomain domain = new CsmsDomain(store.repositories(), DomainWiring.calls(() -> serverRef.get().stations()),
                new DomainSettings(StationSettings.of(settings.heartbeatInterval(),
                        DomainWiring.unknownStations(settings.autoRegister())), settings.unknownTokens(),
                        StaleTransactionPolicy.defaults(), SessionSettings.of(limits).withCheckEvery(sessionCheckEvery))
                        // Station certificates (SignCertificate) signed by a CA kept under the data directory.
                        .withCertificateAuthority(caDir(settings)).withTariffs(tariffs)
                        .withPlugAndCharge(plugAndCharge), clock);
        OcppHandlers handlers = new OcppHandlers();
        StationMessageTaps taps = new StationMessageTaps();
        DomainWiring.handle(handlers, domain, taps);
        Supplier<StationLink> link = () -> serverRef.get().stations();
        GridSafetyWiring.Route route = new GridSafetyWiring.Route();
        GridSafety safety;
        ControlLoop loop;
        try {
            // Presets before the port opens: bad config stops the start, naming file and field.
            safety = GridSafetyWiring.create(settings.configDir(), sites, domain, store, link, taps, handlers, clock,
                    route);
            loop = ControlWiring.create(sites, domain, safety, link, clock);
        } catch (IOException | RuntimeException e) {
            domain.close();
            store.close();
            throw e;
        }
        BackOfficeApi api = BackOfficeApi.create(domain, store.backOffice(), StationCallPort.of(() -> serverRef.get().stations()),
                settings.adminApiKey(),
                WebhookPolicy.defaults().allowingPrivateTargets(settings.webhookAllowPrivate()), Clock.systemUTC(), List.of(
                        new SiteEndpoints(domain, loop, Optional.of(safety), clock, Duration.ofSeconds(5)),
                        new GridSafetyEndpoints(safety, settings.configDir())));
        CsmsServer server = new CsmsServer(serverConfig(settings),
                DomainWiring.registry(store.repositories().stations(), settings.autoRegister()), handlers,
                DomainWiring.listener(domain), api.routes());
        serverRef.set(server);
        try {
            server.start();
        } catch (RuntimeException | InterruptedException e) {
            safety.close();
            api.close();
            domain.close();
            store.close();
            throw e;
        }
        domain.start();
        AutoCloseable feed = ControlWiring.start(loop, domain);
        safety.start(sessionCheckEvery);
        Csms csms = new Csms(settings, server, handlers, store, domain, api, sites, safety, route, loop, feed);
        log.info("CSMS ready: stations connect to {}<stationId>; health at {}; {} site(s) planned and guarded",
                csms.ocppUrl(), csms.healthUrl(), sites.all().size());
        return csms;
    }

    private static List<Site> loadSites(Path configDir) throws IOException {
        if (!Files.isDirectory(configDir.resolve("sites"))) {
            log.warn("No sites in {}: nothing is planned, no station may discharge", configDir.toAbsolutePath());
        }
        return SiteConfig.loadAll(configDir);
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
        s.tls().ifPresent(tls -> {
            // Station certificates: the operator's CA, or by default the one that signs SignCertificate requests.
            b.tls(new TlsConfig(new TlsConfig.ServerKey.Pem(tls.certificate(), tls.key(), Optional.empty()),
                    Optional.of(tls.clientCa().orElse(StationCertificateAuthority.certificateFile(caDir(s))))));
            tls.plainPort().ifPresent(b::plainPort);
        });
        return b.build();
    }

    /** Where the CA that signs station certificates lives (created on first start). */
    private static Path caDir(CsmsSettings settings) {
        return settings.dataDir().resolve("ca");
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

    /** The extra plain ws:// endpoint beside wss:// (settings' plain-port), ending in '/'. */
    public Optional<URI> plainOcppUrl() {
        return server.config().plainPort().isPresent()
                ? Optional.of(URI.create("ws://" + displayHost() + ":" + server.plainPort()
                        + server.config().pathPrefix() + "/"))
                : Optional.empty();
    }

    public URI healthUrl() {
        return URI.create((server.config().tlsEnabled() ? "https" : "http") + "://" + displayHost() + ":" + port()
                + "/health");
    }

    /** The web dashboard; the API is under {@code /api/v1}. */
    public URI dashboardUrl() {
        return URI.create((server.config().tlsEnabled() ? "https" : "http") + "://" + displayHost() + ":" + port()
                + "/");
    }

    /** The back-office API (its keys, router). */
    public BackOfficeApi api() {
        return api;
    }

    /** Sends CALLs to connected stations. */
    public StationLink stations() {
        return server.stations();
    }

    /** The domain: stations, transactions, device model, commands (typed, recorded). */
    public CsmsDomain domain() {
        return domain;
    }

    /** The sites in force (changeable at run time: {@link Sites#put} re-plans the site). */
    public Sites sites() {
        return sites;
    }

    /**
     * Planning and dispatch: {@code currentPlan(siteId)}, {@code setpoints(stationId, evseId)} (what each EVSE
     * last accepted, as guarded), {@code dispatcher().records()}.
     */
    public ControlLoop controlLoop() {
        return controlLoop;
    }

    /**
     * Grid safety: {@code supervisor().site(id)} (loss-of-mains state), {@code supervisor().history(id, n)} (the
     * journal), {@code limitGuard().counters()} (clamps per site and reason), {@code dischargeSwitch()},
     * {@code derControls()}, {@code frequencyResponse(id)}.
     */
    public GridSafety gridSafety() {
        return gridSafety;
    }

    /** Where station messages and DER handlers reach grid safety (a test may put its own there). */
    GridSafetyWiring.Route gridSafetyRoute() {
        return gridSafetyRoute;
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
        controlLoop.close();
        try {
            controlFeed.close();
        } catch (Exception e) {
            log.warn("Unsubscribing the control feed failed", e);
        }
        gridSafety.close();
        server.close();
        api.close();
        domain.close();
        store.close();
        log.info("CSMS stopped");
    }
}
