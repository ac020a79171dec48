package org.v2gcsms.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.control.dispatch.Dispatcher;
import org.v2gcsms.control.dispatch.EvseSchedule;
import org.v2gcsms.control.dispatch.EvseTarget;
import org.v2gcsms.control.planner.EvPlanInput;
import org.v2gcsms.control.planner.EvSchedule;
import org.v2gcsms.control.planner.Plan;
import org.v2gcsms.control.planner.PlanRequest;
import org.v2gcsms.control.planner.Planner;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsStatusEnumType;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.devicemodel.ChargingCapabilities;
import org.v2gcsms.sessions.devicemodel.DeviceModelService;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.events.DomainEvents;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionEvent;
import org.v2gcsms.sessions.session.SessionKey;
import org.v2gcsms.sessions.session.SessionManager;

/**
 * The control loop: every site is re-planned each step (its {@code step-minutes}) and soon after any event
 * that changes what the planner reads (arrival, departure, SoC or needs update, a station coming back, a site
 * change); each EV's schedule then goes to the dispatcher. Planning runs on one thread of its own; events only
 * mark a site for re-planning. A failing run is logged and the loop goes on.
 *
 * <p>It also answers an EV's charging needs at a site's station ({@link #answerNeeds}: the EVSE's profile is
 * renewed at once) and checks the schedule an EV reports against what its EVSE was sent (a schedule beyond it
 * gets the profile sent again).
 */
public final class ControlLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);
    private static final int MAX_STEPS = 144;

    /** @param evseKw charge rating assumed for an EVSE whose device model does not report one */
    public record Settings(double evseKw, int phases, double voltageV, Duration eventDelay) {
        public static Settings defaults() {
            return new Settings(50, 3, 230, Duration.ofMillis(200));
        }
    }

    private final Sites sites;
    private final SessionManager sessions;
    private final DeviceModelService deviceModel;
    private final StationCalls calls;
    private final Dispatcher dispatcher;
    private final Planner planner;
    private final Clock clock;
    private final Settings settings;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** EVSEs ("station/evse") and sites whose profiles the next run sends even within the deadband. */
    private final Set<String> renewEvses = ConcurrentHashMap.newKeySet();
    private final Set<String> renewSites = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "control-loop");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable subscription;

    public ControlLoop(Sites sites, SessionManager sessions, DeviceModelService deviceModel, StationCalls calls,
                       Dispatcher dispatcher, Planner planner, Clock clock, Settings settings) {
        this.sites = sites;
        this.sessions = sessions;
        this.deviceModel = deviceModel;
        this.calls = calls;
        this.dispatcher = dispatcher;
        this.planner = planner;
        this.clock = clock;
        this.settings = settings;
        // Closing ends the loop: a re-plan scheduled for later is dropped, not waited for.
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Subscribes to the domain events and starts the per-step runs. */
    public void start(DomainEvents events) {
        subscription = events.subscribe(this::onEvent);
        sites.onChange(site -> requestReplan(site.id()));
        for (Site site : sites.all()) {
            long every = site.step().toMillis();
            loop.scheduleAtFixedRate(() -> runSafely(site.id()), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void onEvent(DomainEvent e) {
        if (!(e instanceof SessionEvent se)) {
            return;
        }
        switch (se) {
            case SessionEvent.SessionEnded ended -> sessions.find(new SessionKey(ended.stationId(),
                            ended.transactionId())).filter(s -> s.evseId() != null)
                    .ifPresent(s -> dispatcher.ended(s.stationId(), s.evseId(), s.transactionId()));
            case SessionEvent.EvScheduleReported r -> {
                checkEvSchedule(r);
                return;
            }
            default -> {
                // every other session event changes what the planner reads
            }
        }
        sites.siteOf(se.stationId()).ifPresent(site -> requestReplan(site.id()));
    }

    /**
     * How the CSMS answers NotifyEVChargingNeeds (installed with
     * {@link SessionManager#answerChargingNeedsWith}): at a site's station the EVSE is re-planned at once and its
     * profile sent even if unchanged (the EV waits for one); before the transaction started, 2.1 says Processing
     * (the profile follows the start). Elsewhere nothing plans the EV: {@link SessionManager#NO_SCHEDULE}.
     */
    public NotifyEVChargingNeedsStatusEnumType answerNeeds(StationContext ctx, Session session) {
        Optional<Site> site = sites.siteOf(ctx.stationId());
        if (site.isEmpty()) {
            return SessionManager.NO_SCHEDULE.answer(ctx, session);
        }
        if (session == null || session.evseId() == null) {
            return ctx.version() == OcppVersion.V21 ? NotifyEVChargingNeedsStatusEnumType.Processing
                    : NotifyEVChargingNeedsStatusEnumType.Accepted;
        }
        renewEvses.add(session.stationId() + "/" + session.evseId());
        requestReplan(site.get().id());
        return NotifyEVChargingNeedsStatusEnumType.Accepted;
    }

    /** The EV's schedule goes beyond what its EVSE was last sent: the profile goes out again. */
    private void checkEvSchedule(SessionEvent.EvScheduleReported r) {
        Optional<Site> site = sites.siteOf(r.stationId());
        if (site.isEmpty() || r.evseId() == null) {
            return;
        }
        String key = r.stationId() + "/" + r.evseId();
        Optional<EvseSchedule> sent = dispatcher.lastSent(key);
        if (sent.isEmpty()) {
            log.info("EVSE {}: EV schedule reported before any profile was accepted; the next run sends one", key);
            return;
        }
        EvScheduleExcess.first(r.schedule(), sent.get(), settings.voltageV(), settings.phases()).ifPresent(excess -> {
            log.warn("EVSE {}: the EV's schedule exceeds the profile sent ({}); sending the profile again", key,
                    excess);
            renewEvses.add(key);
            requestReplan(site.get().id());
        });
    }

    /**
     * The guard's bounds changed for the whole site (a loss-of-mains transition): re-plan it and send every
     * EVSE's profile, deadband or not, so no station keeps one made under the old bounds.
     */
    public void renewSite(String siteId) {
        renewSites.add(siteId);
        requestReplan(siteId);
    }

    /** Marks the site for a re-plan shortly (events in a burst make one run). */
    public void requestReplan(String siteId) {
        if (pending.add(siteId)) {
            try {
                loop.schedule(() -> {
                    pending.remove(siteId);
                    runSafely(siteId);
                }, settings.eventDelay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // an event published while the loop closes: there is nothing left to plan for
                pending.remove(siteId);
            }
        }
    }

    private void runSafely(String siteId) {
        try {
            replan(siteId);
        } catch (RuntimeException e) {
            log.error("Control loop: re-planning site {} failed; the next step tries again", siteId, e);
        }
    }

    /** Plans the site now and dispatches each EV's schedule; returns the plan (empty site: an EMPTY plan). */
    public Plan replan(String siteId) {
        Site site = sites.site(siteId).orElseThrow(() -> new IllegalArgumentException("no site " + siteId));
        Instant now = clock.instant();
        List<Session> active = sessions.active().stream()
                .filter(s -> s.evseId() != null && site.contains(s.stationId())
                        && calls.version(s.stationId()).isPresent()).toList();
        List<EvPlanInput> inputs = new ArrayList<>();
        List<EvseTarget> targets = new ArrayList<>();
        for (Session s : active) {
            EvseTarget target = target(s);
            inputs.add(SessionPlanInputs.of(s, target, site, now, s.exportedWh() == null ? 0 : s.exportedWh() / 1000));
            targets.add(target);
        }
        Plan plan = planner.plan(request(site, now, inputs));
        plans.put(siteId, plan);
        if (plan.totalShortfallKwh() > 0) {
            log.info("Site {}: {} kWh short of the EVs' needs (status {})", siteId,
                    Math.round(plan.totalShortfallKwh() * 10) / 10.0, plan.status());
        }
        boolean renewAll = renewSites.remove(siteId);
        for (int i = 0; i < targets.size(); i++) {
            EvSchedule ev = plan.evs().get(i);
            boolean renew = renewEvses.remove(targets.get(i).key()) || renewAll;
            dispatcher.dispatch(targets.get(i), new EvseSchedule(now, site.step(), ev.powerKw()), renew);
        }
        return plan;
    }

    PlanRequest request(Site site, Instant now, List<EvPlanInput> inputs) {
        long stepMs = site.step().toMillis();
        long latest = inputs.stream().mapToLong(e -> e.deadline().toEpochMilli()).max().orElse(now.toEpochMilli());
        int steps = (int) Math.max(1, Math.min(MAX_STEPS, Math.ceil((latest - now.toEpochMilli()) / (double) stepMs)));
        double[] base = new double[steps];
        double[] imp = new double[steps];
        double[] exp = new double[steps];
        for (int t = 0; t < steps; t++) {
            var local = now.plus(site.step().multipliedBy(t)).atZone(site.zone());
            LocalTime time = local.toLocalTime();
            base[t] = site.baseLoad().mean(time, site.step()) - site.pv().mean(time, site.step());
            imp[t] = site.tariff().importPrice(local.getHour());
            exp[t] = site.tariff().exportPrice(local.getHour());
        }
        return new PlanRequest(site.id(), now, site.step(), base, imp, exp, site.importLimitKw(), site.exportLimitKw(),
                site.objective(), inputs);
    }

    private EvseTarget target(Session s) {
        OcppVersion version = calls.version(s.stationId()).orElse(OcppVersion.V201);
        ChargingCapabilities caps = deviceModel.capabilities(s.stationId());
        double dischargeKw = caps.dischargePowerW().getOrDefault(s.evseId(), 0.0) / 1000;
        boolean evAllows = SessionPlanInputs.evAllowsDischarge(s.needs())
                && !dispatcher.chargeOnly(s.stationId(), s.evseId(), s.transactionId());
        double chargeKw = caps.chargePowerW().getOrDefault(s.evseId(), settings.evseKw() * 1000) / 1000;
        return new EvseTarget(s.stationId(), s.evseId(), s.transactionId(), version, caps, chargeKw, dischargeKw,
                settings.phases(), settings.voltageV(), evAllows);
    }

    // ---- queries (the API serves these) -------------------------------------------------------------------

    /** The site's latest plan. */
    public Optional<Plan> currentPlan(String siteId) {
        return Optional.ofNullable(plans.get(siteId));
    }

    /** What an EVSE was last sent and accepted (kW per step from the schedule's start). */
    public Optional<EvseSchedule> setpoints(String stationId, int evseId) {
        return dispatcher.lastSent(stationId + "/" + evseId);
    }

    public Sites sites() {
        return sites;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("unsubscribe failed", e);
            }
        }
        // Let a run in progress finish: interrupting it mid-dispatch would interrupt a database write (H2 closes
        // its file on an interrupted write).
        loop.shutdown();
        try {
            if (!loop.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Control loop: a run did not finish within 10 s; interrupting it");
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
