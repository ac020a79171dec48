package org.v2gcsms.gridsafety;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.gridsafety.der.DerControlService;
import org.v2gcsms.gridsafety.dispatch.EvseLimitsLookup;
import org.v2gcsms.gridsafety.dispatch.SetpointSender;
import org.v2gcsms.gridsafety.ffr.FrequencyResponse;
import org.v2gcsms.gridsafety.guard.ClampReason;
import org.v2gcsms.gridsafety.guard.EvseKey;
import org.v2gcsms.gridsafety.guard.GuardedSetpoint;
import org.v2gcsms.gridsafety.guard.LimitGuard;
import org.v2gcsms.gridsafety.guard.Requester;
import org.v2gcsms.gridsafety.guard.SetpointRequest;
import org.v2gcsms.gridsafety.guard.SiteConditions;
import org.v2gcsms.gridsafety.lom.GridSignal;
import org.v2gcsms.gridsafety.lom.LomState;
import org.v2gcsms.gridsafety.lom.LomTransition;
import org.v2gcsms.gridsafety.lom.LossOfMainsJournal;
import org.v2gcsms.gridsafety.lom.LossOfMainsSupervisor;
import org.v2gcsms.gridsafety.lom.SiteSupervisor;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.preset.GridCodes;
import org.v2gcsms.gridsafety.signals.GridSignals;
import org.v2gcsms.gridsafety.site.SiteGridSettings;
import org.v2gcsms.gridsafety.trip.DischargeSwitch;
import org.v2gcsms.gridsafety.trip.PriorityLane;
import org.v2gcsms.gridsafety.trip.SiteStations;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType;
import org.v2gcsms.ocpp.v21.ClearChargingProfileRequest;
import org.v2gcsms.ocpp.v21.NotifyDERAlarmResponse;
import org.v2gcsms.ocpp.v21.SetChargingProfileResponse;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.events.DomainEvents;
import org.v2gcsms.sessions.events.StationEvent;

/**
 * Grid safety composed: the presets, one loss-of-mains supervisor per site with a grid code, the switch that
 * caps discharge at the stations over the priority lane, the limit guard, DER control and fast frequency
 * response. The app feeds it station messages ({@link #observe}, the DER handlers) and domain events, and
 * routes every setpoint through {@link #guard} / {@link #dispatch}.
 */
public final class GridSafety implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridSafety.class);
    private static final double RAMP_STEP_PCT = 10;

    private final Sites sites;
    private final Map<String, GridCode> codes = new ConcurrentHashMap<>();
    private final Map<String, SiteGridSettings> settings = new ConcurrentHashMap<>();
    private final SiteStations stations;
    private final DischargeSwitch dischargeSwitch;
    private final LossOfMainsSupervisor supervisor;
    private final LimitGuard guard;
    private final DerControlService der;
    private final SetpointSender sender;
    private final EvseLimitsLookup limits;
    private final Map<String, FrequencyResponse> frequencyResponse = new ConcurrentHashMap<>();
    private final Map<EvseKey, Double> measuredKw = new ConcurrentHashMap<>();
    private final PriorityLane lane;
    /** EVSEs holding a trip-fallback TxProfile, per site: cleared when the site is back to NORMAL. */
    private final Map<String, Set<EvseKey>> fallbackProfiles = new ConcurrentHashMap<>();
    private final Map<String, String> fallbackAnswers = new ConcurrentHashMap<>();
    private final DomainEvents events;
    private final Clock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("grid-safety").factory());
    private AutoCloseable subscription;

    /** What the composition needs from outside; see {@link #create}. */
    public record Ports(PriorityLane priorityLane, org.v2gcsms.sessions.commands.StationCommands commands,
                        org.v2gcsms.sessions.transactions.TransactionRepository transactions,
                        EvseLimitsLookup limits, DomainEvents events, LossOfMainsJournal journal) {}

    private GridSafety(Sites sites, Ports ports, Clock clock) {
        this.sites = sites;
        this.clock = clock;
        this.events = ports.events();
        this.stations = new SiteStations(sites);
        this.lane = ports.priorityLane();
        this.dischargeSwitch = new DischargeSwitch(lane, stations, this::capRefused);
        this.supervisor = new LossOfMainsSupervisor(ports.journal(), clock, this::act, this::publish);
        this.guard = new LimitGuard(r -> events.publish(new GridSafetyEvent.SetpointsClamped(r.siteId(),
                r.setpoints(), names(r.reasons()), r.at())));
        this.der = new DerControlService(ports.commands(), clock, r -> events.publish(
                new GridSafetyEvent.DerControlReported(r[0], r[1], r[2], clock.instant())));
        this.sender = new SetpointSender(ports.commands(), ports.transactions());
        this.limits = ports.limits();
    }

    /**
     * Loads the presets ({@code configDir/gridcodes}) and each site's grid-safety settings
     * ({@code configDir/grid-safety}), resumes every site's loss-of-mains state from the journal, and subscribes
     * to the domain's events. A broken preset or setting fails here, naming file and field. Without sites no
     * preset is needed (and none is read).
     */
    public static GridSafety create(Path configDir, Sites sites, Ports ports, Clock clock) throws IOException {
        GridSafety g = new GridSafety(sites, ports, clock);
        if (!sites.all().isEmpty()) {
            g.addSites(configDir, GridCodes.load(configDir.resolve("gridcodes")));
        }
        g.subscription = ports.events().subscribe(g::onEvent);
        return g;
    }

    private void addSites(Path configDir, GridCodes presets) throws IOException {
        for (Site site : sites.all()) {
            addSite(site, presets, SiteGridSettings.load(configDir, site.id()));
        }
    }

    private void addSite(Site site, GridCodes presets, SiteGridSettings s) {
        settings.put(site.id(), s);
        if (site.gridCode() == null || site.gridCode().equals("none")) {
            log.warn("Site {} has no grid-code preset: discharge disabled there", site.id());
            return;
        }
        GridCode code = presets.withOverrides(site.gridCode(), s.overrides(), "site " + site.id() + " overrides");
        codes.put(site.id(), code);
        LomState resumed = supervisor.add(site.id(), code, s);
        if (!(resumed instanceof LomState.Normal)) {
            dischargeSwitch.restore(site.id(), 0);
        }
        if (s.frequencyResponse()) {
            double max = s.frequencyResponseMaxKw().orElse(Double.POSITIVE_INFINITY);
            frequencyResponse.put(site.id(), new FrequencyResponse(site.id(), code, max));
        }
        log.info("Site {}: grid code {} ({}), loss of mains {}, grid meter {}", site.id(), code.id(), code.name(),
                resumed.name(), s.gridMeter().orElse("any station"));
    }

    /** Checks clearing times, meter silence, delays and ramps every {@code every} (real time). */
    public void start(Duration every) {
        long ms = Math.max(1, every.toMillis());
        ticker.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One check now (tests with a hand-moved clock call this instead of {@link #start}). */
    public void tick() {
        try {
            supervisor.tick();
            for (SiteSupervisor s : supervisor.all()) {
                if (s.state() instanceof LomState.Ramping) {
                    rampStep(s);
                }
            }
        } catch (RuntimeException e) {
            log.error("Grid-safety check failed", e);
        }
    }

    /** While ramping, the stations' cap rises in steps that stay at or under the preset's ramp. */
    private void rampStep(SiteSupervisor s) {
        double pct = Math.floor(s.dischargeFraction(clock.instant()) * 100 / RAMP_STEP_PCT) * RAMP_STEP_PCT;
        Optional<Double> current = dischargeSwitch.capPct(s.siteId());
        if (current.isPresent() && pct > current.get()) {
            dischargeSwitch.cap(s.siteId(), pct);
        }
    }

    private void act(LomTransition t) {
        switch (t.to()) {
            case "TRIPPED" -> dischargeSwitch.zero(t.siteId());
            case "RAMPING" -> {
                if (dischargeSwitch.capPct(t.siteId()).isEmpty()) {
                    dischargeSwitch.zero(t.siteId());
                }
            }
            case "NORMAL" -> {
                dischargeSwitch.release(t.siteId());
                clearFallbacks(t.siteId());
            }
            default -> {
                // WAITING_TO_REENTER keeps the zero cap of the trip
            }
        }
    }

    /**
     * A 2.1 station did not take the DER discharge cap (NotSupported, Rejected, no answer): each of its EVSEs
     * with a transaction gets, on the priority lane, a CentralSetpoint TxProfile at the grid-safety stack level
     * with {@code dischargeLimit 0} and the charge the guard allows. It stays until the site is NORMAL again
     * (no stepped ramp for such a station: it is held at zero discharge for the whole ramp).
     */
    private void capRefused(String stationId, String siteId, double pct) {
        List<Integer> evses = sender.openEvses(stationId);
        if (evses.isEmpty()) {
            fallbackAnswers.put(stationId, "no transaction: nothing to bind a TxProfile to");
            log.warn("Station {} at site {} refused the discharge cap and has no transaction to cap instead",
                    stationId, siteId);
            return;
        }
        List<SetpointRequest> requests = evses.stream().map(evse -> request(stationId, evse,
                Math.max(0, guard.lastKw(siteId, new EvseKey(stationId, evse))), Requester.LOSS_OF_MAINS)).toList();
        for (GuardedSetpoint g : guard(siteId, requests)) {
            int evse = g.request().evseId();
            double kw = Math.max(0, g.kw());
            sender.request(stationId, evse, kw).ifPresentOrElse(request -> {
                fallbackProfiles.computeIfAbsent(siteId, s -> ConcurrentHashMap.newKeySet())
                        .add(new EvseKey(stationId, evse));
                lane.callFirst(stationId, request).whenComplete((r, e) -> {
                    String answer = e != null ? "failed: " + e : r instanceof SetChargingProfileResponse s
                            ? s.status().value() + " dischargeLimit 0, setpoint " + kw + " kW" : String.valueOf(r);
                    if (!(r instanceof SetChargingProfileResponse taken
                            && taken.status() == ChargingProfileStatusEnumType.Accepted)) {
                        guard.notTaken(siteId, g);
                    }
                    fallbackAnswers.put(stationId, answer);
                    log.warn("Station {} EVSE {} at site {}: discharge cap refused, TxProfile fallback: {}",
                            stationId, evse, siteId, answer);
                });
            }, () -> guard.notTaken(siteId, g));
        }
    }

    private void clearFallbacks(String siteId) {
        Set<EvseKey> held = fallbackProfiles.remove(siteId);
        if (held == null) {
            return;
        }
        for (EvseKey key : held) {
            lane.callFirst(key.stationId(), new ClearChargingProfileRequest(
                    SetpointSender.profileId(key.stationId(), key.evseId()), null, null));
        }
    }

    /** What a station that refused the DER cap answered to its TxProfile fallback, if it needed one. */
    public Optional<String> capFallback(String stationId) {
        return Optional.ofNullable(fallbackAnswers.get(stationId));
    }

    private void publish(LomTransition t) {
        GridCode code = codes.get(t.siteId());
        events.publish(switch (t.to()) {
            case "TRIPPED" -> new GridSafetyEvent.LossOfMainsTripped(t.siteId(), t.from(), t.cause(), t.at());
            case "WAITING_TO_REENTER" -> new GridSafetyEvent.LossOfMainsReEnterStarted(t.siteId(), t.from(),
                    t.cause(), code.enterService().delayS(), t.at());
            case "RAMPING" -> new GridSafetyEvent.LossOfMainsRamping(t.siteId(), code.enterServiceRampPctPerS(),
                    t.at());
            default -> new GridSafetyEvent.LossOfMainsNormal(t.siteId(), t.at());
        });
    }

    private void onEvent(DomainEvent e) {
        switch (e) {
            case StationEvent.StationConnected c -> {
                OcppVersion v = c.protocol().equals(OcppVersion.V21.subprotocol()) ? OcppVersion.V21
                        : OcppVersion.V201;
                stations.connected(c.stationId(), v);
                stations.siteOf(c.stationId()).ifPresent(site -> {
                    supervisor.site(site.id()).ifPresent(s -> s.stationReconnected(c.stationId(), clock.instant()));
                    if (v == OcppVersion.V21) {
                        dischargeSwitch.reconnected(c.stationId(), site.id());
                    }
                });
            }
            case StationEvent.StationDisconnected d -> stations.disconnected(d.stationId());
            case StationEvent.TransactionEnded t -> stations.siteOf(t.stationId()).ifPresent(site ->
                    sender.evseOf(t.stationId(), t.transactionId()).ifPresent(evse ->
                            guard.ended(site.id(), new EvseKey(t.stationId(), evse), clock.instant())));
            case StationEvent.StationBooted b when "Accepted".equals(b.registrationStatus()) ->
                    stations.siteOf(b.stationId()).ifPresent(site -> {
                        GridCode code = codes.get(site.id());
                        if (code != null && stations.version(b.stationId()).orElse(null) == OcppVersion.V21) {
                            der.push(b.stationId(), site.id(), code);
                        }
                    });
            case StationEvent.MeterReading m when m.evseId() != null && m.evseId() > 0 -> {
                double importW = m.powerImportW() == null ? 0 : m.powerImportW();
                double exportW = m.powerExportW() == null ? 0 : m.powerExportW();
                if (m.powerImportW() != null || m.powerExportW() != null) {
                    measuredKw.put(new EvseKey(m.stationId(), m.evseId()), (importW - exportW) / 1000);
                }
            }
            default -> {
                // nothing to do for grid safety
            }
        }
    }

    /**
     * A station message the domain answered (as its 2.1 record): grid readings, alarms and fault events go to
     * the site's supervisor, frequency to the site's frequency response.
     */
    public void observe(String stationId, Object v21Request) {
        List<GridSignal> signals = GridSignals.of(stationId, v21Request);
        if (signals.isEmpty()) {
            return;
        }
        Optional<Site> site = stations.siteOf(stationId);
        if (site.isEmpty()) {
            return;
        }
        for (GridSignal s : signals) {
            supervisor.on(site.get().id(), s);
            if (s instanceof GridSignal.Reading r && r.hertz() != null) {
                respondToFrequency(site.get().id(), stationId, r);
            }
        }
    }

    /** NotifyDERAlarm (2.1): handed to the supervisor, answered at once. */
    public NotifyDERAlarmResponse derAlarm(String stationId, org.v2gcsms.ocpp.v21.NotifyDERAlarmRequest r) {
        observe(stationId, r);
        return new NotifyDERAlarmResponse();
    }

    public DerControlService derControls() {
        return der;
    }

    private void respondToFrequency(String siteId, String stationId, GridSignal.Reading r) {
        FrequencyResponse ffr = frequencyResponse.get(siteId);
        SiteGridSettings s = settings.get(siteId);
        if (ffr == null || (s.gridMeter().isPresent() && !s.gridMeter().get().equals(stationId))) {
            return;
        }
        List<FrequencyResponse.Evse> evses = new ArrayList<>();
        double measured = 0;
        for (String station : stations.v21StationsOf(siteId)) {
            for (int evse : sender.openEvses(station)) {
                EvseKey key = new EvseKey(station, evse);
                var l = limits.limits(station, evse);
                if (l.v2x()) {
                    evses.add(new FrequencyResponse.Evse(key, l.dischargeRatingKw(), guard.lastKw(siteId, key)));
                    measured += measuredKw.getOrDefault(key, 0.0);
                }
            }
        }
        List<SetpointRequest> requests = ffr.onFrequency(r.hertz(), clock.instant(), evses, measured,
                key -> new SetpointRequest(key.stationId(), key.evseId(), 0,
                        limits.limits(key.stationId(), key.evseId()), Requester.FREQUENCY_RESPONSE));
        if (!requests.isEmpty()) {
            ffr.allowed(dispatch(siteId, requests));
        }
    }

    /** The conditions the guard applies to a site now. */
    public SiteConditions conditions(String siteId) {
        Site site = sites.site(siteId).orElseThrow(() -> new IllegalArgumentException("no site " + siteId));
        Optional<GridCode> code = Optional.ofNullable(codes.get(siteId));
        LomState state = supervisor.site(siteId).map(SiteSupervisor::state).orElse(null);
        ClampReason reason = switch (state) {
            case LomState.Tripped t -> ClampReason.LOSS_OF_MAINS_TRIPPED;
            case LomState.WaitingToReenter w -> ClampReason.LOSS_OF_MAINS_WAITING;
            case null, default -> ClampReason.LOSS_OF_MAINS_RAMPING;
        };
        return new SiteConditions(siteId, code, site.importLimitKw(), site.exportLimitKw(), site.socMinPercent(),
                site.socMaxPercent(), supervisor.dischargeFraction(siteId), reason);
    }

    /** Guards a batch of a site's setpoints (nothing is sent). */
    public List<GuardedSetpoint> guard(String siteId, List<SetpointRequest> requests) {
        return guard.guard(conditions(siteId), requests, clock.instant());
    }

    /**
     * Guards a batch and sends each guarded setpoint as a TxProfile. A setpoint the EVSE does not take (no
     * transaction to carry it, refused, no answer) is reported to the guard, so the site's limits and the ramp go
     * on from what the EVSE still does.
     */
    public List<GuardedSetpoint> dispatch(String siteId, List<SetpointRequest> requests) {
        List<GuardedSetpoint> guarded = guard(siteId, requests);
        for (GuardedSetpoint g : guarded) {
            sender.send(g.request().stationId(), g.request().evseId(), g.kw()).ifPresentOrElse(
                    answer -> answer.whenComplete((r, e) -> {
                        if (e != null || r.status() != ChargingProfileStatusEnumType.Accepted) {
                            log.warn("{} did not take the setpoint {} kW: {}", g.request().key(), g.kw(),
                                    e != null ? e.toString() : r.status().value());
                            guard.notTaken(siteId, g);
                        }
                    }),
                    () -> {
                        log.info("No open transaction at {}: setpoint {} kW not sent", g.request().key(), g.kw());
                        guard.notTaken(siteId, g);
                    });
        }
        return guarded;
    }

    /** A setpoint request for an EVSE with its current limits. */
    public SetpointRequest request(String stationId, int evseId, double kw, Requester by) {
        return new SetpointRequest(stationId, evseId, kw, limits.limits(stationId, evseId), by);
    }

    public Optional<GridCode> gridCode(String siteId) {
        return Optional.ofNullable(codes.get(siteId));
    }

    public LossOfMainsSupervisor supervisor() {
        return supervisor;
    }

    public LimitGuard limitGuard() {
        return guard;
    }

    public DischargeSwitch dischargeSwitch() {
        return dischargeSwitch;
    }

    public Optional<FrequencyResponse> frequencyResponse(String siteId) {
        return Optional.ofNullable(frequencyResponse.get(siteId));
    }

    public Sites sites() {
        return sites;
    }

    public Instant now() {
        return clock.instant();
    }

    private static Map<String, Integer> names(Map<ClampReason, Integer> reasons) {
        Map<String, Integer> out = new TreeMap<>();
        reasons.forEach((r, n) -> out.put(r.name(), n));
        return out;
    }

    @Override
    public void close() {
        // A check in progress may be journalling a transition: let it finish (an interrupted H2 write closes the
        // database file).
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            ticker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.warn("Unsubscribing grid safety failed", e);
            }
        }
    }
}
