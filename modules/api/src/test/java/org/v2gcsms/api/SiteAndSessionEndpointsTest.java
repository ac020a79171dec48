package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.v2gcsms.gridsafety.guard.EvseLimits;
import org.v2gcsms.gridsafety.guard.Requester;
import org.v2gcsms.gridsafety.guard.SetpointRequest;

/**
 * Sessions, sites and control, grid safety over real HTTP, with stations on real WebSockets at a site the
 * control loop plans: each endpoint's answer, the key it needs, and bad input named by field.
 */
class SiteAndSessionEndpointsTest {
    static ApiFixture csms;
    static TestStation cs1;
    static String viewer;
    static String operator;
    static Instant pluggedIn;

    @BeforeAll
    static void start() throws Exception {
        csms = ApiFixture.withSite();
        viewer = csms.key(Role.VIEWER);
        operator = csms.key(Role.OPERATOR);
        cs1 = csms.station("CS-1", "ocpp2.1").answering("SetChargingProfile", p -> TestStation.json(
                "{\"status\":\"Accepted\"}"));
        // Plugged in 25 minutes ago: 15 of the 40 minutes are left.
        pluggedIn = Instant.now().minus(Duration.ofMinutes(25)).truncatedTo(ChronoUnit.SECONDS);
        cs1.ok("TransactionEvent", Tx.withSoc("Started", "TX-1", 0, pluggedIn, 1000, 11000, 40));
        cs1.ok("TransactionEvent", Tx.withSoc("Updated", "TX-1", 1, Instant.now(), 5000, 11000, 46));
        TestStation cs2 = csms.station("CS-2", "ocpp2.0.1");
        Instant earlier = Instant.now().minus(Duration.ofHours(2));
        cs2.ok("TransactionEvent", Tx.withSoc("Started", "TX-OLD", 0, earlier, 0, 7000, 20));
        cs2.ok("TransactionEvent", Tx.withSoc("Ended", "TX-OLD", 1, earlier.plus(Duration.ofMinutes(20)), 2300, 0, 30));
        cs2.closeBlocking();
    }

    @AfterAll
    static void stop() throws Exception {
        cs1.closeBlocking();
        csms.close();
    }

    static JsonObject find(JsonArray list, String field, String value) {
        for (JsonElement e : list) {
            if (e.getAsJsonObject().has(field) && e.getAsJsonObject().get(field).getAsString().equals(value)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }

    static void assertBadInput(ApiFixture.Answer a, int status, String field) {
        assertEquals(status, a.status(), a.text());
        assertEquals(field, a.object().get("field").getAsString(), a.text());
    }

    // ---- sessions --------------------------------------------------------------------------------------------

    @Test
    void activeSessionsShowSocAndTheMinutesLeftOfTheForty() throws Exception {
        ApiFixture.Answer a = csms.get("/api/v1/sessions", viewer);
        assertEquals(200, a.status(), a.text());
        JsonObject s = find(a.json().getAsJsonArray(), "transactionId", "TX-1");
        assertEquals(46, s.get("soc").getAsDouble());
        assertEquals(40, s.get("maxDurationMinutes").getAsDouble());
        assertEquals(pluggedIn.plus(Duration.ofMinutes(40)).toString(), s.get("limitDeadline").getAsString());
        double left = s.get("minutesLeft").getAsDouble();
        assertTrue(left > 13 && left <= 15, "about 15 minutes left: " + left);
        assertEquals(1, csms.get("/api/v1/sessions?stationId=CS-1", viewer).json().getAsJsonArray().size());
        assertEquals(0, csms.get("/api/v1/sessions?stationId=CS-9", viewer).json().getAsJsonArray().size());
        assertEquals(401, csms.get("/api/v1/sessions", null).status());
    }

    @Test
    void oneSessionHasItsDeadlineNeedsAndTimeline() throws Exception {
        JsonObject s = csms.get("/api/v1/sessions/CS-1/TX-1", viewer).object();
        assertEquals("CS-1", s.get("stationId").getAsString());
        assertEquals(40, s.get("socAtArrival").getAsDouble());
        assertTrue(s.has("targetSoc") && s.has("secondsLeft") && s.has("departureDeadline"), s.toString());
        JsonArray timeline = csms.get("/api/v1/sessions/CS-1/TX-1/timeline", viewer).json().getAsJsonArray();
        assertEquals(2, timeline.size(), timeline.toString());
        assertEquals(40, timeline.get(0).getAsJsonObject().get("soc").getAsDouble());
        assertEquals(46, timeline.get(1).getAsJsonObject().get("soc").getAsDouble());
        assertEquals(404, csms.get("/api/v1/sessions/CS-1/NOPE", viewer).status());
        assertEquals(404, csms.get("/api/v1/sessions/CS-1/NOPE/timeline", viewer).status());
        assertEquals(401, csms.get("/api/v1/sessions/CS-1/TX-1", "wrong-key").status());
    }

    @Test
    void historyFiltersByStationTokenTimeAndEndReason() throws Exception {
        JsonArray ended = csms.get("/api/v1/sessions/history?endReason=EVDisconnected", viewer).json().getAsJsonArray();
        assertEquals(1, ended.size(), ended.toString());
        assertEquals("TX-OLD", ended.get(0).getAsJsonObject().get("transactionId").getAsString());
        assertFalse(ended.get(0).getAsJsonObject().has("minutesLeft"), "an ended session has no time left");
        assertEquals(2, csms.get("/api/v1/sessions/history", viewer).json().getAsJsonArray().size());
        assertEquals(1, csms.get("/api/v1/sessions/history?stationId=CS-2", viewer).json().getAsJsonArray().size());
        assertEquals(1, csms.get("/api/v1/sessions/history?from=" + pluggedIn, viewer).json().getAsJsonArray().size());
        assertBadInput(csms.get("/api/v1/sessions/history?endReason=Tired", viewer), 400, "endReason");
        assertBadInput(csms.get("/api/v1/sessions/history?from=yesterday", viewer), 400, "from");
        assertBadInput(csms.get("/api/v1/sessions/history?limit=0", viewer), 400, "limit");
        assertEquals(401, csms.get("/api/v1/sessions/history", null).status());
    }

    @Test
    void anOperatorSetsTheTargetSocWhichIsValidatedAndAudited() throws Exception {
        String path = "/api/v1/sessions/CS-1/TX-1/target-soc";
        ApiFixture.Answer ok = csms.send("PUT", path, operator, "{\"targetSoc\":90}");
        assertEquals(200, ok.status(), ok.text());
        assertEquals(90, ok.object().get("targetSoc").getAsDouble());
        assertEquals(90, csms.get("/api/v1/sessions/CS-1/TX-1", viewer).object().get("targetSoc").getAsDouble());
        assertEquals(403, csms.send("PUT", path, viewer, "{\"targetSoc\":70}").status());
        assertBadInput(csms.send("PUT", path, operator, "{\"targetSoc\":101}"), 400, "targetSoc");
        assertBadInput(csms.send("PUT", path, operator, "{\"targetSoc\":\"high\"}"), 400, "targetSoc");
        assertBadInput(csms.send("PUT", path, operator, "{}"), 400, "targetSoc");
        assertEquals(404, csms.send("PUT", "/api/v1/sessions/CS-1/NOPE/target-soc", operator,
                "{\"targetSoc\":70}").status());
        assertEquals(409, csms.send("PUT", "/api/v1/sessions/CS-2/TX-OLD/target-soc", operator,
                "{\"targetSoc\":70}").status());
        JsonArray audit = csms.get("/api/v1/audit?actor=operator-test", ApiFixture.ADMIN_KEY).json().getAsJsonArray();
        assertTrue(audit.toString().contains("\"path\":\"" + path + "\"") && audit.toString().contains("90"),
                audit.toString());
    }

    // ---- sites and control -----------------------------------------------------------------------------------

    @Test
    void sitesShowLimitsTariffBaseLoadPresetAndLossOfMains() throws Exception {
        JsonObject depot = find(csms.get("/api/v1/sites", viewer).json().getAsJsonArray(), "id", "DEPOT");
        assertEquals(100, depot.get("exportLimitKw").getAsDouble());
        JsonObject s = csms.get("/api/v1/sites/DEPOT", viewer).object();
        assertEquals("flat", s.getAsJsonObject("tariff").get("name").getAsString());
        assertEquals(170, s.getAsJsonObject("tariff").get("importNow").getAsDouble());
        assertEquals(120, s.getAsJsonObject("baseLoad").get("nowKw").getAsDouble());
        assertEquals("ieee1547-cat2", s.get("gridCode").getAsString());
        assertTrue(s.has("gridCodeName"), s.toString());
        assertTrue(s.getAsJsonObject("lossOfMains").has("state"), s.toString());
        assertEquals(404, csms.get("/api/v1/sites/NOPE", viewer).status());
        assertEquals(401, csms.get("/api/v1/sites", null).status());
    }

    @Test
    void theSitePowerLogHasBaseLoadAndEvPower() throws Exception {
        csms.samplePowerNow(); // the sampler ticks every 500 ms; take the sample after the EV's meter value now
        JsonObject p = csms.get("/api/v1/sites/DEPOT/power", viewer).object();
        JsonArray samples = p.getAsJsonArray("samples");
        JsonObject last = samples.get(samples.size() - 1).getAsJsonObject();
        assertEquals(120, last.get("baseLoadKw").getAsDouble());
        assertEquals(11, last.get("evImportKw").getAsDouble(), 0.001);
        assertEquals(131, last.get("siteLoadKw").getAsDouble(), 0.001);
        assertTrue(p.getAsJsonObject("peak").get("siteLoadKw").getAsDouble() >= 131, p.toString());
        assertEquals(404, csms.get("/api/v1/sites/NOPE/power", viewer).status());
        assertEquals(401, csms.get("/api/v1/sites/DEPOT/power", null).status());
    }

    @Test
    void anAdminChangesSiteLimitsWhichReplansTheSite() throws Exception {
        String path = "/api/v1/sites/DEPOT/limits";
        assertEquals(403, csms.send("PUT", path, operator, "{\"importLimitKw\":250}").status());
        assertBadInput(csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{\"importLimitKw\":-5}"), 400, "importLimitKw");
        assertBadInput(csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{\"exportLimitKw\":\"lots\"}"), 400,
                "exportLimitKw");
        assertBadInput(csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{}"), 400, "importLimitKw");
        assertEquals(404, csms.send("PUT", "/api/v1/sites/NOPE/limits", ApiFixture.ADMIN_KEY,
                "{\"importLimitKw\":250}").status());
        Instant before = Instant.now();
        try {
            ApiFixture.Answer ok = csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{\"importLimitKw\":300,\"exportLimitKw\":90}");
            assertEquals(200, ok.status(), ok.text());
            assertEquals(90, ok.object().get("exportLimitKw").getAsDouble());
            assertEquals(90, csms.control.sites().site("DEPOT").orElseThrow().exportLimitKw());
            Await.until(() -> csms.control.currentPlan("DEPOT").filter(p -> !p.start().isBefore(before)).isPresent(),
                    Duration.ofSeconds(20), "a re-plan after the limit change");
            assertTrue(csms.get("/api/v1/audit?limit=100", ApiFixture.ADMIN_KEY).text()
                    .contains("{\\\"importLimitKw\\\":300,\\\"exportLimitKw\\\":90}"), "audited");
        } finally {
            csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{\"exportLimitKw\":100}");
        }
    }

    @Test
    void thePlanSetpointsAndDispatchesOfTheSite() throws Exception {
        Await.until(() -> csms.control.setpoints("CS-1", 1).isPresent(), Duration.ofSeconds(20),
                "a schedule dispatched to CS-1");
        JsonObject plan = csms.get("/api/v1/sites/DEPOT/plan", viewer).object();
        assertTrue(plan.get("planned").getAsBoolean(), plan.toString());
        JsonObject ev = find(plan.getAsJsonArray("evs"), "evseKey", "CS-1/1");
        assertTrue(ev.getAsJsonArray("powerKw").size() > 0 && ev.has("shortfallKwh"), ev.toString());
        assertTrue(plan.getAsJsonArray("steps").size() > 0, plan.toString());

        JsonObject sp = csms.get("/api/v1/stations/CS-1/setpoints", viewer).object();
        assertEquals("DEPOT", sp.get("siteId").getAsString());
        JsonObject evse = sp.getAsJsonArray("evses").get(0).getAsJsonObject();
        assertEquals(1, evse.get("evseId").getAsInt());
        assertTrue(evse.has("sent") && evse.has("nowKw") && evse.has("clamps"), evse.toString());
        assertEquals(404, csms.get("/api/v1/stations/NOPE/setpoints", viewer).status());

        JsonArray dispatches = csms.get("/api/v1/sites/DEPOT/dispatches", viewer).json().getAsJsonArray();
        assertTrue(dispatches.asList().stream().map(JsonElement::getAsJsonObject).anyMatch(d ->
                d.get("evseKey").getAsString().equals("CS-1/1") && d.get("outcome").getAsString().equals("SENT")),
                dispatches.toString());
        assertBadInput(csms.get("/api/v1/sites/DEPOT/dispatches?limit=x", viewer), 400, "limit");
        assertEquals(404, csms.get("/api/v1/sites/NOPE/plan", viewer).status());
        assertEquals(401, csms.get("/api/v1/sites/DEPOT/plan", null).status());
        assertEquals(401, csms.get("/api/v1/stations/CS-1/setpoints", null).status());
    }

    // ---- grid safety -----------------------------------------------------------------------------------------

    @Test
    void gridCodeWithPresetAndOverrides() throws Exception {
        JsonObject g = csms.get("/api/v1/sites/DEPOT/grid-code", viewer).object();
        assertEquals("ieee1547-cat2", g.get("preset").getAsString());
        assertEquals("ieee1547-cat2", g.getAsJsonObject("effective").get("id").getAsString());
        assertTrue(g.getAsJsonObject("effective").getAsJsonArray("voltageTrips").size() > 0, g.toString());
        assertTrue(g.getAsJsonObject("overrides").entrySet().isEmpty(), g.toString());
        assertEquals(404, csms.get("/api/v1/sites/NOPE/grid-code", viewer).status());
        assertEquals(401, csms.get("/api/v1/sites/DEPOT/grid-code", null).status());
    }

    @Test
    void aDerAlarmTripsTheSiteAndTheJournalShowsIt() throws Exception {
        TestStation cs3 = csms.station("CS-3", "ocpp2.1");
        cs3.ok("NotifyDERAlarm", "{\"controlType\":\"LFMustTrip\",\"gridEventFault\":\"UnderFrequency\","
                + "\"timestamp\":\"" + Instant.now() + "\"}");
        JsonObject lom = csms.get("/api/v1/sites/DEPOT/loss-of-mains", viewer).object();
        assertEquals("TRIPPED", lom.get("state").getAsString(), lom.toString());
        assertTrue(lom.get("cause").getAsString().contains("LFMustTrip"), lom.toString());
        JsonObject latest = lom.getAsJsonArray("history").get(0).getAsJsonObject();
        assertEquals("TRIPPED", latest.get("to").getAsString());
        assertEquals(1, csms.get("/api/v1/sites/DEPOT/loss-of-mains?limit=1", viewer).object()
                .getAsJsonArray("history").size());
        assertBadInput(csms.get("/api/v1/sites/DEPOT/loss-of-mains?limit=-1", viewer), 400, "limit");
        assertEquals(404, csms.get("/api/v1/sites/NOPE/loss-of-mains", viewer).status());
        assertEquals(401, csms.get("/api/v1/sites/DEPOT/loss-of-mains", null).status());
        cs3.closeBlocking();
    }

    @Test
    void clampCountersBySiteAndReason() throws Exception {
        JsonObject byReason = csms.get("/api/v1/grid-safety/clamps", viewer).object().getAsJsonObject("byReason");
        long before = byReason.has("EVSE_CHARGE_RATING") ? byReason.get("EVSE_CHARGE_RATING").getAsLong() : 0;
        // 500 kW asked of a 50 kW EVSE: the guard clamps it to the rating and counts it.
        csms.safety.guard(ApiFixture.SITE, List.of(new SetpointRequest("CS-7", 1, 500, EvseLimits.v2x(50, 50, 60),
                Requester.API)));
        ApiFixture.Answer a = csms.get("/api/v1/grid-safety/clamps", viewer);
        JsonObject depot = a.object().getAsJsonObject("bySite").getAsJsonObject(ApiFixture.SITE);
        assertTrue(depot.get("EVSE_CHARGE_RATING").getAsLong() >= before + 1, a.text());
        assertEquals(200, a.status(), a.text());
        assertTrue(a.object().getAsJsonObject("byReason").get("EVSE_CHARGE_RATING").getAsLong() >= before + 1);
        long total = a.object().get("total").getAsLong();
        long sum = a.object().getAsJsonObject("byReason").entrySet().stream()
                .mapToLong(e -> e.getValue().getAsLong()).sum();
        assertEquals(total, sum, a.text());
        assertEquals(401, csms.get("/api/v1/grid-safety/clamps", null).status());
    }
}
