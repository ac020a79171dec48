package org.v2gcsms.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.time.ZoneOffset;
import org.v2gcsms.control.ControlLoop;
import org.v2gcsms.control.dispatch.Dispatcher;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.control.planner.Planner;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.control.site.Tariff;
import org.v2gcsms.control.site.TariffPrices;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.dispatch.ControlLimitGuard;
import org.v2gcsms.gridsafety.dispatch.DomainEvseLimits;
import org.v2gcsms.gridsafety.lom.LossOfMainsJournal;
import org.v2gcsms.gridsafety.trip.PriorityLane;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.v21.NotifyDERAlarmRequest;
import org.v2gcsms.server.CallPriority;
import org.v2gcsms.sessions.MessageVersions;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.server.CallHandler;
import org.v2gcsms.server.ConnectedStation;
import org.v2gcsms.server.CsmsServer;
import org.v2gcsms.server.OcppHandlers;
import org.v2gcsms.server.ServerConfig;
import org.v2gcsms.server.StationListener;
import org.v2gcsms.server.StationRegistry;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.DomainSettings;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.stations.UnknownStationPolicy;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;
import org.v2gcsms.store.DatabaseConfig;
import org.v2gcsms.store.Store;

/**
 * A whole CSMS for API tests, composed as the app composes it: H2 store, domain, Netty server with the API's
 * routes, on a free loopback port. Stations connect over real WebSockets; the API is called over real HTTP.
 */
final class ApiFixture implements AutoCloseable {
    static final String ADMIN_KEY = "admin-key-for-tests-0123456789";
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    final Store store;
    final CsmsDomain domain;
    final CsmsServer server;
    final BackOfficeApi api;
    /** With {@link #withSite()}: the site's control loop and grid safety (null otherwise). */
    ControlLoop control;
    GridSafety safety;
    private final HttpClient http = HttpClient.newHttpClient();
    private List<EndpointGroup> groups = List.of();

    /** An HTTP answer: status and body (parsed when JSON). */
    record Answer(int status, String text, java.net.http.HttpHeaders headers) {
        JsonElement json() {
            return JsonParser.parseString(text);
        }

        com.google.gson.JsonObject object() {
            return json().getAsJsonObject();
        }
    }

    ApiFixture() throws Exception {
        this(WebhookPolicy.defaults());
    }

    /** Samples every site's power now, as the periodic sampler would. */
    void samplePowerNow() {
        groups.stream().filter(SiteEndpoints.class::isInstance).map(SiteEndpoints.class::cast)
                .forEach(SiteEndpoints::sampleAll);
    }

    ApiFixture(WebhookPolicy webhooks) throws Exception {
        this(webhooks, false);
    }

    /**
     * A CSMS with one site, {@value #SITE}: stations {@code CS-*}, 300 kW import / 100 kW export, a flat 120 kW base
     * load, IEEE 1547 Cat II (the shipped presets under config/); planned by the control loop (OR-Tools) through
     * grid safety's guard, as the app composes them.
     */
    static ApiFixture withSite() throws Exception {
        return new ApiFixture(WebhookPolicy.defaults(), true);
    }

    static final String SITE = "DEPOT";
    /** Every station's transactions are costed at 0.30 EUR/kWh imported, less 0.10 EUR/kWh exported. */
    static final TariffPrices TARIFF = new TariffPrices(Tariff.flat("api", "EUR", 0.30, 0.10), ZoneOffset.UTC);
    static final Path CONFIG = Path.of("../../config");

    private ApiFixture(WebhookPolicy webhooks, boolean site) throws Exception {
        Path dir = Files.createTempDirectory("csms-api-");
        store = Store.open(DatabaseConfig.h2(dir));
        CsmsServer[] serverRef = new CsmsServer[1];
        StationCalls calls = new StationCalls() {
            @Override
            public CompletableFuture<Object> call(String stationId, Object request) {
                return serverRef[0].stations().call(stationId, request);
            }

            @Override
            public Optional<OcppVersion> version(String stationId) {
                return serverRef[0].stations().protocolVersion(stationId);
            }
        };
        domain = new CsmsDomain(store.repositories(), calls, new DomainSettings(
                StationSettings.of(Duration.ofMinutes(5), UnknownStationPolicy.ACCEPT), UnknownTokenPolicy.REJECT,
                StaleTransactionPolicy.defaults()).withTariffs(id -> Optional.of(TARIFF)), Clock.systemUTC());
        OcppHandlers handlers = new OcppHandlers();
        for (OcppVersion version : OcppVersion.values()) {
            for (String action : domain.messages().actions()) {
                OcppMessages.of(version).action(action).ifPresent(a -> register(handlers, version, a.requestType()));
            }
        }
        if (site) { // grid safety hears a station's DER alarm (OCPP 2.1), as the app wires it
            handlers.on(OcppVersion.V21, NotifyDERAlarmRequest.class, (st, r) -> safety.derAlarm(st.stationId(), r));
        }
        StationRegistry registry = new RegisteredStations(store.repositories().stations(), AutoRegistration.ACCEPT);
        StationListener listener = new StationListener() {
            @Override
            public void connected(ConnectedStation s) {
                domain.connected(new StationContext(s.stationId(), s.version(), s.connectionId()));
            }

            @Override
            public void disconnected(ConnectedStation s, String reason) {
                domain.disconnected(new StationContext(s.stationId(), s.version(), s.connectionId()));
            }
        };
        if (site) {
            Sites sites = new Sites(List.of(new Site(SITE, "Depot", List.of("CS-*"), 300, 100,
                    LoadProfile.flat("base", 120), LoadProfile.flat("pv", 0), Tariff.flat("flat", "KRW", 170, 90),
                    "ieee1547-cat2", ZoneOffset.UTC, Objective.PEAK, Duration.ofMinutes(10), 20, 100,
                    Double.POSITIVE_INFINITY)));
            DomainEvseLimits limits = new DomainEvseLimits(domain, id -> serverRef[0].stations().protocolVersion(id));
            safety = GridSafety.create(CONFIG, sites, new GridSafety.Ports(priorityLane(serverRef),
                    domain.commands(), store.repositories().transactions(), limits, domain.events(),
                    LossOfMainsJournal.inMemory()), Clock.systemUTC());
            control = new ControlLoop(sites, domain.sessions(), domain.deviceModel(), calls,
                    new Dispatcher(domain.commands(), new ControlLimitGuard(safety, limits), Clock.systemUTC(),
                            Dispatcher.Settings.defaults()), new Planner(), Clock.systemUTC(),
                    ControlLoop.Settings.defaults());
            groups = List.of(new SiteEndpoints(domain, control, Optional.of(safety), Clock.systemUTC(),
                    Duration.ofMillis(500)), new GridSafetyEndpoints(safety, CONFIG));
        }
        api = BackOfficeApi.create(domain, store.backOffice(), StationCallPort.of(() -> serverRef[0].stations()), Optional.of(ADMIN_KEY), webhooks,
                Clock.systemUTC(), groups);
        server = new CsmsServer(ServerConfig.builder().host("127.0.0.1").port(0).callTimeout(CALL_TIMEOUT).build(),
                registry, handlers, listener, api.routes());
        serverRef[0] = server;
        server.start();
        domain.start();
        if (control != null) {
            control.start(domain.events());
        }
    }

    /** Grid safety's trip path, on the server's HIGH priority as the app sends it. */
    @SuppressWarnings("unchecked")
    private static PriorityLane priorityLane(CsmsServer[] server) {
        return (stationId, v21Request) -> {
            OcppVersion version = server[0].stations().protocolVersion(stationId).orElse(null);
            if (version == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(stationId + " is offline"));
            }
            Object wire = MessageVersions.to(version, v21Request);
            Action<Object, Object> action = (Action<Object, Object>) OcppMessages.of(version)
                    .actionOf((Class<Object>) wire.getClass());
            return server[0].stations().call(stationId, action, wire, CallPriority.HIGH)
                    .thenApply(MessageVersions::toV21);
        };
    }

    @SuppressWarnings("unchecked")
    private void register(OcppHandlers handlers, OcppVersion version, Class<?> requestType) {
        handlers.on(version, (Class<Object>) requestType, (CallHandler<Object, Object>) (station, request) ->
                domain.messages().answer(new StationContext(station.stationId(), station.version(),
                        station.connectionId()), request));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    URI ocppUrl() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ocpp/");
    }

    /** A station connected and booted (accepted), answering nothing yet. */
    TestStation station(String id, String subprotocol) throws Exception {
        TestStation s = TestStation.connect(ocppUrl(), id, subprotocol);
        s.ok("BootNotification", "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"Acme\","
                + "\"model\":\"V2G-11\"}}");
        return s;
    }

    Answer get(String path, String key) throws Exception {
        return send("GET", path, key, null);
    }

    Answer post(String path, String key, String body) throws Exception {
        return send("POST", path, key, body);
    }

    Answer send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers());
    }

    /** Issues a key of this role through the API. */
    String key(Role role) throws Exception {
        Answer a = post("/api/v1/keys", ADMIN_KEY, "{\"name\":\"" + role.wire() + "-test\",\"role\":\"" + role.wire()
                + "\"}");
        if (a.status() != 201) {
            throw new AssertionError("Could not issue a key: " + a);
        }
        return a.object().get("key").getAsString();
    }

    @Override
    public void close() {
        if (control != null) {
            control.close();
            safety.close();
        }
        api.close();
        server.close();
        domain.close();
        store.close();
        http.close();
    }
}
