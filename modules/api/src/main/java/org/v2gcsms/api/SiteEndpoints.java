package org.v2gcsms.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.control.ControlLoop;
import org.v2gcsms.control.dispatch.DispatchRecord;
import org.v2gcsms.control.dispatch.EvseSchedule;
import org.v2gcsms.control.planner.EvSchedule;
import org.v2gcsms.control.planner.Plan;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.lom.LomState;
import org.v2gcsms.gridsafety.lom.SiteSupervisor;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.stations.ConnectorState;

/**
 * Sites and control: each site's limits, tariff, base load, grid-code preset and loss-of-mains state, its power
 * over the last hour, its current plan and dispatches; an EVSE's setpoints as dispatched; the site limits
 * (changing them re-plans the site). Grid safety, when present, adds the preset's name and the loss-of-mains
 * state to a site.
 */
public final class SiteEndpoints implements EndpointGroup, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteEndpoints.class);
    private static final double MAX_LIMIT_KW = 1_000_000;
    /** A sent step closer to zero than planned by more than this was clamped on its way out. */
    private static final double CLAMP_KW = 0.05;

    private final CsmsDomain domain;
    private final ControlLoop control;
    private final Sites sites;
    private final Optional<GridSafety> safety;
    private final Clock clock;
    private final SitePowerLog power;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("api-site-power").factory());

    /**
     * @param sampleEvery how often each site's power is sampled for {@code /sites/{id}/power}
     */
    public SiteEndpoints(CsmsDomain domain, ControlLoop control, Optional<GridSafety> safety, Clock clock,
                         Duration sampleEvery) {
        this.domain = domain;
        this.control = control;
        this.sites = control.sites();
        this.safety = safety;
        this.clock = clock;
        this.power = new SitePowerLog(domain.sessions(), clock, Duration.ofHours(1));
        sampler.scheduleAtFixedRate(this::sampleAll, 0, sampleEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes one power sample of every site now (the sampler's tick; tests call it to avoid waiting for one). */
    void sampleAll() {
        try {
            sites.all().forEach(s -> power.record(s, Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Sampling site power failed", e);
        }
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/sites", Role.VIEWER, q -> Reply.ok(sites.all().stream().map(this::summary).toList()));
        r.get("/api/v1/sites/{id}", Role.VIEWER, q -> Reply.ok(detail(site(q))));
        r.put("/api/v1/sites/{id}/limits", Role.ADMIN, q -> {
            Site site = site(q);
            JsonObject body = q.body();
            Optional<Double> imp = Fields.optionalNumber(body, "importLimitKw");
            Optional<Double> exp = Fields.optionalNumber(body, "exportLimitKw");
            if (imp.isEmpty() && exp.isEmpty()) {
                throw ApiError.badInput("importLimitKw", "give importLimitKw, exportLimitKw or both (kW)");
            }
            double importKw = Fields.within("importLimitKw", imp.orElse(site.importLimitKw()), 0, MAX_LIMIT_KW);
            double exportKw = Fields.within("exportLimitKw", exp.orElse(site.exportLimitKw()), 0, MAX_LIMIT_KW);
            Site changed = site.withLimits(importKw, exportKw);
            sites.put(changed);
            control.requestReplan(changed.id());
            log.info("Site {} limits set to import {} kW, export {} kW by {}", changed.id(), importKw, exportKw,
                    q.caller().name());
            return Reply.ok(detail(changed));
        });
        r.get("/api/v1/sites/{id}/power", Role.VIEWER, q -> {
            Site site = site(q);
            power.record(site, Duration.ofSeconds(1));
            JsonObject o = new JsonObject();
            o.addProperty("siteId", site.id());
            o.addProperty("importLimitKw", site.importLimitKw());
            o.addProperty("exportLimitKw", site.exportLimitKw());
            power.peak(site.id()).ifPresent(p -> o.add("peak", ApiJson.tree(p)));
            o.add("samples", ApiJson.tree(power.recent(site.id())));
            return Reply.ok(o);
        });
        r.get("/api/v1/sites/{id}/plan", Role.VIEWER, q -> {
            Site site = site(q);
            return Reply.ok(control.currentPlan(site.id()).map(SiteEndpoints::plan).orElseGet(() -> {
                JsonObject none = new JsonObject();
                none.addProperty("siteId", site.id());
                none.addProperty("planned", false);
                none.add("evs", new JsonArray());
                return none;
            }));
        });
        r.get("/api/v1/sites/{id}/dispatches", Role.VIEWER, q -> {
            Site site = site(q);
            int limit = q.intQuery("limit", 100, 1, 2000);
            List<DispatchRecord> mine = new ArrayList<>(control.dispatcher().records().stream()
                    .filter(d -> site.contains(stationOf(d.evseKey()))).toList());
            mine.sort(Comparator.comparing(DispatchRecord::at).reversed());
            return Reply.ok(mine.subList(0, Math.min(limit, mine.size())));
        });
        r.get("/api/v1/stations/{id}/setpoints", Role.VIEWER, q -> {
            String stationId = q.path("id");
            domain.stations().find(stationId).orElseThrow(() -> ApiError.notFound("no station " + stationId));
            return Reply.ok(setpoints(stationId));
        });
    }

    private Site site(ApiRequest q) {
        String id = q.path("id");
        return sites.site(id).orElseThrow(() -> ApiError.notFound("no site " + id));
    }

    private JsonObject summary(Site s) {
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id());
        o.addProperty("name", s.name());
        o.add("stations", ApiJson.tree(s.stations()));
        o.addProperty("importLimitKw", s.importLimitKw());
        o.addProperty("exportLimitKw", s.exportLimitKw());
        o.addProperty("gridCode", s.gridCode());
        lossOfMains(s.id()).ifPresent(state -> o.addProperty("lossOfMains", state.name()));
        o.addProperty("activeSessions", domain.sessions().active().stream()
                .filter(x -> s.contains(x.stationId())).count());
        return o;
    }

    private JsonObject detail(Site s) {
        JsonObject o = summary(s);
        LocalTime local = clock.instant().atZone(s.zone()).toLocalTime();
        int hour = clock.instant().atZone(s.zone()).getHour();
        o.addProperty("timeZone", s.zone().getId());
        o.addProperty("stepMinutes", s.step().toMinutes());
        JsonObject objective = new JsonObject();
        objective.addProperty("peakWeight", s.objective().peakWeight());
        objective.addProperty("costWeight", s.objective().costWeight());
        o.add("objective", objective);
        o.addProperty("socMinPercent", s.socMinPercent());
        o.addProperty("socMaxPercent", s.socMaxPercent());
        if (Double.isFinite(s.dischargeCapKwhPerDay())) {
            o.addProperty("dischargeCapKwhPerDay", s.dischargeCapKwhPerDay());
        }
        JsonObject tariff = new JsonObject();
        tariff.addProperty("name", s.tariff().name());
        tariff.addProperty("currency", s.tariff().currency());
        tariff.addProperty("importNow", s.tariff().importPrice(hour));
        tariff.addProperty("exportNow", s.tariff().exportPrice(hour));
        tariff.add("importByHour", ApiJson.tree(s.tariff().importByHour()));
        tariff.add("exportByHour", ApiJson.tree(s.tariff().exportByHour()));
        o.add("tariff", tariff);
        o.add("baseLoad", profile(s.baseLoad(), local));
        o.add("pv", profile(s.pv(), local));
        safety.flatMap(g -> g.gridCode(s.id())).ifPresent(code -> o.addProperty("gridCodeName", code.name()));
        lossOfMains(s.id()).ifPresent(state -> {
            JsonObject lom = new JsonObject();
            lom.addProperty("state", state.name());
            lom.addProperty("since", state.since().toString());
            o.add("lossOfMains", lom);
        });
        o.add("power", ApiJson.tree(power.record(s, Duration.ofSeconds(1))));
        power.peak(s.id()).ifPresent(p -> o.addProperty("peakKw", p.siteLoadKw()));
        return o;
    }

    private Optional<LomState> lossOfMains(String siteId) {
        return safety.flatMap(g -> g.supervisor().site(siteId)).map(SiteSupervisor::state);
    }

    private static JsonObject profile(LoadProfile p, LocalTime now) {
        JsonObject o = new JsonObject();
        o.addProperty("name", p.name());
        o.addProperty("intervalMinutes", p.interval().toMinutes());
        o.addProperty("nowKw", p.at(now));
        o.add("kw", ApiJson.tree(p.kw()));
        return o;
    }

    static JsonObject plan(Plan p) {
        JsonObject o = new JsonObject();
        o.addProperty("siteId", p.siteId());
        o.addProperty("planned", true);
        o.addProperty("start", p.start().toString());
        o.addProperty("stepMinutes", p.step().toSeconds() / 60.0);
        o.addProperty("status", p.status().name());
        o.addProperty("solveMillis", p.solveMillis());
        if (p.siteLoadKw().length > 0) {
            o.addProperty("peakKw", p.peakKw());
        }
        o.addProperty("totalShortfallKwh", p.totalShortfallKwh());
        JsonArray steps = new JsonArray();
        for (int t = 0; t < p.siteLoadKw().length; t++) {
            JsonObject step = new JsonObject();
            step.addProperty("at", p.start().plus(p.step().multipliedBy(t)).toString());
            step.addProperty("siteLoadKw", p.siteLoadKw()[t]);
            step.addProperty("overrunKw", t < p.siteOverrunKw().length ? p.siteOverrunKw()[t] : 0);
            steps.add(step);
        }
        o.add("steps", steps);
        JsonArray evs = new JsonArray();
        for (EvSchedule ev : p.evs()) {
            JsonObject e = new JsonObject();
            e.addProperty("evseKey", ev.evseKey());
            e.addProperty("stationId", stationOf(ev.evseKey()));
            e.addProperty("evseId", evseOf(ev.evseKey()));
            e.add("powerKw", ApiJson.tree(ev.powerKw()));
            e.addProperty("shortfallKwh", ev.shortfallKwh());
            e.addProperty("discharges", ev.discharges());
            evs.add(e);
        }
        o.add("evs", evs);
        return o;
    }

    /** Per EVSE of the station: the schedule it last accepted, the plan's, and the steps the guard tightened. */
    private JsonObject setpoints(String stationId) {
        Instant now = clock.instant();
        Optional<Site> site = sites.siteOf(stationId);
        Optional<Plan> plan = site.flatMap(s -> control.currentPlan(s.id()));
        TreeSet<Integer> evses = new TreeSet<>();
        domain.stations().connectors(stationId).stream().map(ConnectorState::evseId).forEach(evses::add);
        plan.ifPresent(p -> p.evs().stream().filter(e -> stationOf(e.evseKey()).equals(stationId))
                .forEach(e -> evses.add(evseOf(e.evseKey()))));
        Map<String, DispatchRecord> lastDispatch = new java.util.HashMap<>();
        control.dispatcher().records().forEach(d -> lastDispatch.put(d.evseKey(), d));
        JsonObject o = new JsonObject();
        o.addProperty("stationId", stationId);
        site.ifPresent(s -> o.addProperty("siteId", s.id()));
        JsonArray list = new JsonArray();
        for (int evseId : evses) {
            String key = stationId + "/" + evseId;
            JsonObject e = new JsonObject();
            e.addProperty("evseId", evseId);
            Optional<EvseSchedule> planned = plan.flatMap(p -> p.ev(key)
                    .map(ev -> new EvseSchedule(p.start(), p.step(), ev.powerKw())));
            planned.ifPresent(p -> e.addProperty("plannedNowKw", p.at(now)));
            Optional<EvseSchedule> sent = control.setpoints(stationId, evseId);
            sent.ifPresent(s -> {
                e.addProperty("nowKw", s.at(now));
                JsonObject sched = new JsonObject();
                sched.addProperty("start", s.start().toString());
                sched.addProperty("stepMinutes", s.step().toSeconds() / 60.0);
                sched.add("kw", ApiJson.tree(s.kw()));
                e.add("sent", sched);
                e.add("clamps", clamps(s, planned));
            });
            Optional.ofNullable(lastDispatch.get(key)).ifPresent(d -> e.add("lastDispatch", ApiJson.tree(d)));
            list.add(e);
        }
        o.add("evses", list);
        site.flatMap(s -> safety.map(g -> g.limitGuard().counters().of(s.id())))
                .ifPresent(c -> o.add("siteClamps", ApiJson.tree(c)));
        return o;
    }

    /** Steps the dispatched schedule holds closer to zero than the plan asked: the limit guard's doing. */
    private static JsonArray clamps(EvseSchedule sent, Optional<EvseSchedule> planned) {
        JsonArray out = new JsonArray();
        if (planned.isEmpty()) {
            return out;
        }
        for (int i = 0; i < sent.kw().length; i++) {
            Instant at = sent.start().plus(sent.step().multipliedBy(i));
            double want = planned.get().at(at);
            double got = sent.kw()[i];
            if (Math.abs(got) < Math.abs(want) - CLAMP_KW) {
                JsonObject c = new JsonObject();
                c.addProperty("step", i);
                c.addProperty("at", at.toString());
                c.addProperty("plannedKw", want);
                c.addProperty("sentKw", got);
                out.add(c);
            }
        }
        return out;
    }

    private static String stationOf(String evseKey) {
        int slash = evseKey.lastIndexOf('/');
        return slash < 0 ? evseKey : evseKey.substring(0, slash);
    }

    private static int evseOf(String evseKey) {
        try {
            return Integer.parseInt(evseKey.substring(evseKey.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
