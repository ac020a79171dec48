package org.v2gcsms.app;

import org.v2gcsms.api.TestStation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.gridsafety.lom.LomState;

/**
 * An OCPP 2.1 V2X station that does not take the loss-of-mains discharge cap (SetDERControl LimitMaxDischarge
 * answered NotSupported or Rejected) gets, on the trip path, a TxProfile for its transaction's EVSE with
 * {@code dischargeLimit 0} instead: guarded, CentralSetpoint, above the planner's stack level.
 */
class CapRefusedFallbackTest {
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}";

    @Test
    void aStationRefusingTheDerCapGetsATxProfileWithZeroDischarge(@TempDir Path dir) throws Exception {
        Path config = SiteConfigDir.create(dir.resolve("config"));
        SiteConfigDir.site(config, "A", "stations=DER-*\nimport-limit-kw=500\nexport-limit-kw=400\ngrid-code=ieee1547-cat2");
        SiteConfigDir.gridSafety(config, "A", "override.export-limit-kw = 400");
        try (Csms csms = Csms.start(CsmsSettings.local(0, dir.resolve("data")).withConfigDir(config))) {
            TestStation notSupported = station(csms, "DER-1", "NotSupported");
            TestStation rejected = station(csms, "DER-2", "Rejected");

            notSupported.ok("NotifyDERAlarm", "{\"controlType\":\"LFMustTrip\",\"gridEventFault\":\"UnderFrequency\","
                    + "\"timestamp\":\"" + Instant.now() + "\"}");
            assertInstanceOf(LomState.Tripped.class, csms.gridSafety().supervisor().site("A").orElseThrow().state());

            for (TestStation s : new TestStation[] {notSupported, rejected}) {
                JsonObject cap = awaitCap(s);
                assertEquals(0.0, cap.getAsJsonObject("limitMaxDischarge").get("pctMaxDischargePower").getAsDouble());
                JsonObject profile = gridSafetyProfile(s);
                assertEquals("TxProfile", profile.get("chargingProfilePurpose").getAsString());
                JsonObject period = profile.getAsJsonArray("chargingSchedule").get(0).getAsJsonObject()
                        .getAsJsonArray("chargingSchedulePeriod").get(0).getAsJsonObject();
                assertEquals("CentralSetpoint", period.get("operationMode").getAsString());
                assertEquals(0.0, period.get("dischargeLimit").getAsDouble(), "no discharge: " + period);
                assertTrue(period.get("setpoint").getAsDouble() >= 0, period.toString());
            }
            GridSafetyFaultTest.await(() -> csms.gridSafety().capFallback("DER-1").orElse("").startsWith("Accepted")
                    && csms.gridSafety().capFallback("DER-2").orElse("").startsWith("Accepted"), "fallbacks accepted");
            notSupported.closeBlocking();
            rejected.closeBlocking();
        }
    }

    /** A 2.1 station with an open transaction on EVSE 1 that answers the discharge cap with {@code derAnswer}. */
    private static TestStation station(Csms csms, String id, String derAnswer) throws Exception {
        TestStation s = TestStation.connect(csms.ocppUrl(), id, "ocpp2.1");
        s.answering("SetDERControl", p -> TestStation.json("{\"status\":\"" + derAnswer + "\"}"));
        s.answering("SetChargingProfile", p -> TestStation.json("{\"status\":\"Accepted\"}"));
        s.answering("GetBaseReport", p -> TestStation.json("{\"status\":\"Rejected\"}"));
        s.ok("BootNotification", BOOT);
        s.ok("TransactionEvent", "{\"eventType\":\"Started\",\"timestamp\":\"" + Instant.now() + "\","
                + "\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-" + id
                + "\"},\"evse\":{\"id\":1,\"connectorId\":1}}");
        return s;
    }

    /** The next SetDERControl LimitMaxDischarge (the preset's default controls pushed at boot are skipped). */
    static JsonObject awaitCap(TestStation s) throws InterruptedException {
        while (true) {
            JsonObject control = s.awaitCall("SetDERControl").payload();
            if (control.get("controlType").getAsString().equals("LimitMaxDischarge")) {
                return control;
            }
        }
    }

    /** The next SetChargingProfile at grid safety's stack level (the planner's, at level 1, are skipped). */
    private static JsonObject gridSafetyProfile(TestStation s) throws InterruptedException {
        while (true) {
            JsonObject profile = s.awaitCall("SetChargingProfile").payload().getAsJsonObject("chargingProfile");
            if (profile.get("stackLevel").getAsInt() == 8) {
                return profile;
            }
        }
    }
}
