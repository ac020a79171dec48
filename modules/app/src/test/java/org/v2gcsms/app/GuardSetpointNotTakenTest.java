package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.api.TestStation;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.control.site.Tariff;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.guard.ClampReason;
import org.v2gcsms.gridsafety.guard.EvseKey;
import org.v2gcsms.gridsafety.guard.EvseLimits;
import org.v2gcsms.gridsafety.guard.GuardedSetpoint;
import org.v2gcsms.gridsafety.guard.Requester;
import org.v2gcsms.gridsafety.guard.SetpointRequest;
import org.v2gcsms.store.ManualClock;

/**
 * The limit guard counts each EVSE at the setpoint it is actually running, over real WebSockets: a setpoint that
 * could not be sent (no transaction) or that the station refused does not free the site's export room, and a
 * session that ended does. Grid safety runs on a hand-moved clock (attached beside the composed one), the site
 * exports at most 30 kW.
 */
class GuardSetpointNotTakenTest {
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}";
    private static final EvseLimits V2X = EvseLimits.v2x(50, 50, 70);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void aSetpointNotSentOrRefusedKeepsTheEvsesShareAndAnEndedSessionFreesIt(@TempDir Path dir) throws Exception {
        Path config = SiteConfigDir.create(dir.resolve("config"));
        SiteConfigDir.gridSafety(config, "G", "override.export-limit-kw = 30");
        Site site = new Site("G", "site G", List.of("G-*"), 500, 400, LoadProfile.flat("base", 0),
                LoadProfile.flat("pv", 0), Tariff.flat("flat", "KRW", 100, 50), "ieee1547-cat2", ZoneOffset.UTC,
                Objective.parse("peak"), Duration.ofMinutes(10), 20, 100, Double.POSITIVE_INFINITY);
        try (Csms csms = Csms.start(CsmsSettings.local(0, dir.resolve("data")).withConfigDir(config));
             GridSafety safety = GridSafetyWiring.attach(csms, config, new Sites(List.of(site)), clock)) {
            AtomicReference<String> g1Answers = new AtomicReference<>("Accepted");
            TestStation g1 = station(csms, "G-1", g1Answers);
            TestStation g2 = station(csms, "G-2", new AtomicReference<>("Accepted"));
            TestStation g3 = TestStation.connect(csms.ocppUrl(), "G-3", "ocpp2.1");
            g3.ok("BootNotification", BOOT);
            startTransaction(g1, "G-1");
            startTransaction(g2, "G-2");

            assertEquals(-30.0, setpoint(safety, "G-3", -30).kw(), "guarded, but G-3 has no transaction to carry it");
            assertEquals(0.0, safety.limitGuard().lastKw("G", new EvseKey("G-3", 1)), "so it takes no export room");

            assertEquals(-30.0, setpoint(safety, "G-1", -30).kw(), 1e-9, "G-1 may take the site's whole export");
            assertEquals(-30000.0, g1.awaitCall("SetChargingProfile").payload().getAsJsonObject("chargingProfile")
                    .getAsJsonArray("chargingSchedule").get(0).getAsJsonObject().getAsJsonArray(
                            "chargingSchedulePeriod").get(0).getAsJsonObject().get("setpoint").getAsDouble());

            g1Answers.set("Rejected");
            assertEquals(0.0, setpoint(safety, "G-1", 0).kw());
            g1.awaitCall("SetChargingProfile");
            GridSafetyFaultTest.await(() -> safety.limitGuard().lastKw("G", new EvseKey("G-1", 1)) == -30,
                    "G-1 refused 0 kW: it still exports 30 kW as far as the guard counts");
            GuardedSetpoint g2Held = setpoint(safety, "G-2", -30);
            assertEquals(0.0, g2Held.kw(), "no export room beside G-1");
            assertEquals(List.of(ClampReason.SITE_EXPORT_LIMIT), g2Held.clamps());

            g1.ok("TransactionEvent", "{\"eventType\":\"Ended\",\"timestamp\":\"" + clock.instant() + "\","
                    + "\"triggerReason\":\"EVDeparted\",\"seqNo\":1,\"transactionInfo\":{\"transactionId\":\"tx-G-1\","
                    + "\"stoppedReason\":\"EVDisconnected\"},\"evse\":{\"id\":1,\"connectorId\":1}}");
            GridSafetyFaultTest.await(() -> safety.limitGuard().lastKw("G", new EvseKey("G-1", 1)) == 0,
                    "G-1's session ended: it exports nothing");
            assertEquals(-30.0, setpoint(safety, "G-2", -30).kw(), 1e-9, "G-2 gets the export G-1 freed");
            for (TestStation s : new TestStation[] {g1, g2, g3}) {
                s.closeBlocking();
            }
        }
    }

    /** An operator's setpoint for EVSE 1 of the station, a minute after the last (the preset's ramp never binds). */
    private GuardedSetpoint setpoint(GridSafety safety, String stationId, double kw) {
        clock.advance(Duration.ofMinutes(1));
        return safety.dispatch("G", List.of(new SetpointRequest(stationId, 1, kw, V2X, Requester.OPERATOR))).get(0);
    }

    /** A 2.1 station answering SetChargingProfile with the status {@code answers} holds. */
    private static TestStation station(Csms csms, String id, AtomicReference<String> answers) throws Exception {
        TestStation s = TestStation.connect(csms.ocppUrl(), id, "ocpp2.1");
        s.answering("SetChargingProfile", p -> TestStation.json("{\"status\":\"" + answers.get() + "\"}"));
        s.answering("SetDERControl", p -> TestStation.json("{\"status\":\"Accepted\"}"));
        s.ok("BootNotification", BOOT);
        return s;
    }

    private void startTransaction(TestStation s, String id) {
        s.ok("TransactionEvent", "{\"eventType\":\"Started\",\"timestamp\":\"" + clock.instant() + "\","
                + "\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-" + id
                + "\"},\"evse\":{\"id\":1,\"connectorId\":1}}");
    }
}
