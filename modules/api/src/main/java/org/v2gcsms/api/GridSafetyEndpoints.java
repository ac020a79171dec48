package org.v2gcsms.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.guard.ClampReason;
import org.v2gcsms.gridsafety.lom.LomState;
import org.v2gcsms.gridsafety.lom.LomTransition;
import org.v2gcsms.gridsafety.lom.SiteSupervisor;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.site.SiteGridSettings;

/**
 * Grid safety: a site's loss-of-mains state with its history from the journal, its grid-code preset as in
 * force (with the site's overrides), and how often the limit guard clamped setpoints, by site and reason.
 */
public final class GridSafetyEndpoints implements EndpointGroup {
    private final GridSafety safety;
    private final Path configDir;

    /** @param configDir where the sites' grid-safety settings are ({@code grid-safety/<site>.properties}) */
    public GridSafetyEndpoints(GridSafety safety, Path configDir) {
        this.safety = safety;
        this.configDir = configDir;
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/sites/{id}/loss-of-mains", Role.VIEWER, q -> {
            Site site = site(q);
            int limit = q.intQuery("limit", 50, 1, 1000);
            JsonObject o = new JsonObject();
            o.addProperty("siteId", site.id());
            var supervisor = safety.supervisor().site(site.id());
            o.addProperty("supervised", supervisor.isPresent());
            if (supervisor.isEmpty()) {
                o.addProperty("note", "no grid-code preset: the site may not discharge, so nothing is supervised");
                o.add("history", new JsonArray());
                return Reply.ok(o);
            }
            LomState state = supervisor.get().state();
            o.addProperty("state", state.name());
            o.addProperty("since", state.since().toString());
            switch (state) {
                case LomState.Tripped t -> o.addProperty("cause", t.cause());
                case LomState.WaitingToReenter w -> o.addProperty("insideWindowSince",
                        w.insideSince() == null ? null : w.insideSince().toString());
                case LomState.Ramping ramping -> { }
                case LomState.Normal normal -> { }
            }
            o.addProperty("dischargeAllowedFraction", safety.supervisor().dischargeFraction(site.id()));
            supervisor.get().lastGrid().ifPresent(g -> {
                o.addProperty("lastVolts", g[0]);
                o.addProperty("lastHertz", g[1]);
            });
            o.add("history", ApiJson.tree(safety.supervisor().history(site.id(), limit).stream()
                    .map(GridSafetyEndpoints::transition).toList()));
            return Reply.ok(o);
        });
        r.get("/api/v1/sites/{id}/grid-code", Role.VIEWER, q -> {
            Site site = site(q);
            JsonObject o = new JsonObject();
            o.addProperty("siteId", site.id());
            o.addProperty("preset", site.gridCode());
            SiteGridSettings settings = settings(site.id());
            o.add("overrides", ApiJson.tree(settings.overrides()));
            o.addProperty("gridMeter", settings.gridMeter().orElse(null));
            o.addProperty("gridMeterTimeoutSeconds", settings.meterTimeout().toSeconds());
            o.addProperty("frequencyResponse", settings.frequencyResponse());
            safety.gridCode(site.id()).ifPresentOrElse(code -> o.add("effective", json(code)),
                    () -> o.addProperty("note", "no grid-code preset: discharge disabled at this site"));
            return Reply.ok(o);
        });
        r.get("/api/v1/grid-safety/clamps", Role.VIEWER, q -> {
            Map<String, Map<ClampReason, Long>> bySite = safety.limitGuard().counters().all();
            Map<ClampReason, Long> totals = new EnumMap<>(ClampReason.class);
            bySite.values().forEach(m -> m.forEach((reason, n) -> totals.merge(reason, n, Long::sum)));
            JsonObject o = new JsonObject();
            o.add("bySite", ApiJson.tree(bySite));
            o.add("byReason", ApiJson.tree(totals));
            o.addProperty("total", totals.values().stream().mapToLong(Long::longValue).sum());
            return Reply.ok(o);
        });
    }

    private Site site(ApiRequest q) {
        String id = q.path("id");
        return safety.sites().site(id).orElseThrow(() -> ApiError.notFound("no site " + id));
    }

    private SiteGridSettings settings(String siteId) {
        try {
            return SiteGridSettings.load(configDir, siteId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject transition(LomTransition t) {
        JsonObject o = new JsonObject();
        o.addProperty("at", t.at().toString());
        o.addProperty("from", t.from());
        o.addProperty("to", t.to());
        o.addProperty("cause", t.cause());
        return o;
    }

    /** A preset as JSON (by hand: its optional parts are not plain values). */
    static JsonObject json(GridCode c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", c.id());
        o.addProperty("name", c.name());
        o.addProperty("nominalVolts", c.nominalVolts());
        o.addProperty("nominalHertz", c.nominalHertz());
        o.add("voltageTrips", ApiJson.tree(c.voltageTrips()));
        o.add("frequencyTrips", ApiJson.tree(c.frequencyTrips()));
        c.overVoltage10MinPu().ifPresent(v -> o.addProperty("overVoltage10MinPu", v));
        o.add("lossOfMains", ApiJson.tree(c.lossOfMains()));
        o.add("enterService", ApiJson.tree(c.enterService()));
        o.addProperty("enterServiceRampPctPerS", c.enterServiceRampPctPerS());
        o.addProperty("normalRampPctPerS", c.normalRampPctPerS());
        o.add("droop", ApiJson.tree(c.droop()));
        c.voltVar().ifPresent(v -> o.add("voltVar", ApiJson.tree(v)));
        o.addProperty("exportLimitKw", c.exportLimitKw());
        return o;
    }
}
