package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ReceivedCall;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/**
 * Our own OCPP 2.1 bidirectional (V2X) and DER cases — no official list exists. A 2.1 station with a V2X EV
 * and a DER-capable inverter; what the CSMS must do follows the design (docs: control and grid safety).
 */
class BidirectionalTest extends CsmsCase {
    private ScriptedStation v2xStation() {
        return booted(V21);
    }

    /**
     * A V2X station the CSMS plans, at the conformance site covering {@code sitePrefix}: OCPP 2.1, V2X enabled
     * with CentralSetpoint, EVSE 1 rated 11 kW both ways, rate unit W.
     */
    private ScriptedStation plannedV2xStation(String sitePrefix) {
        return bootedAtSite(sitePrefix, V21, reportData("SmartChargingCtrlr", null, "RateUnit", "W", "MemberList",
                null), reportData("V2XChargingCtrlr", null, "Enabled", "true", "boolean", null), reportData(
                "V2XChargingCtrlr", null, "SupportedOperationModes", "ChargingOnly,CentralSetpoint", "MemberList",
                null), reportData("EVSE", 1, "Power", "0", "decimal", 11_000.0), reportData("EVSE", 1,
                "DischargePower", "0", "decimal", 11_000.0));
    }

    private static JsonObject v2xNeeds() {
        return v2xNeeds(20000, -10000);
    }

    /** Needs of a bidirectional EV: the energy it wants by departure and the most it may give (negative, Wh). */
    private static JsonObject v2xNeeds(double targetWh, double minWh) {
        return Json.obj("evseId", 1, "maxScheduleTuples", 10, "chargingNeeds", Json.obj(
                "requestedEnergyTransfer", "DC_BPT", "availableEnergyTransfer", Json.arr("DC", "DC_BPT"),
                "controlMode", "DynamicControl", "departureTime", Instant.now().plusSeconds(3 * 3600).truncatedTo(
                        ChronoUnit.SECONDS).toString(), "v2xChargingParameters", Json.obj("minChargePower", 0,
                        "maxChargePower", 11000, "minDischargePower", 0, "maxDischargePower", 11000,
                        "evTargetEnergyRequest", targetWh, "evMinEnergyRequest", minWh, "evMaxEnergyRequest", 40000,
                        "targetSoC", 80)));
    }

    /** Charging needs with V2X parameters lead to a CentralSetpoint TxProfile for the transaction. */
    private ReceivedCall setpointProfile(ScriptedStation s, Transaction tx) {
        return setpointProfile(s, tx, v2xNeeds());
    }

    private ReceivedCall setpointProfile(ScriptedStation s, Transaction tx, JsonObject needs) {
        String status = Json.str(s.call("NotifyEVChargingNeeds", needs), "status");
        assertTrue(status.equals("Accepted") || status.equals("Processing"), "NotifyEVChargingNeeds: " + status);
        ReceivedCall set = s.expectCall("SetChargingProfile", p -> "TxProfile".equals(Json.str(p,
                "chargingProfile.chargingProfilePurpose")) && tx.id().equals(Json.str(p,
                "chargingProfile.transactionId")) && "CentralSetpoint".equals(Json.str(p,
                "chargingProfile.chargingSchedule.0.chargingSchedulePeriod.0.operationMode")),
                "TxProfile with operationMode CentralSetpoint for evseId 1", Duration.ofSeconds(15));
        set.replyStatus("Accepted");
        return set;
    }

    private static double setpointOf(JsonObject period) {
        return period.get("setpoint").getAsDouble();
    }

    @Test
    void V2X_01_ChargingNeedsToCentralSetpoint() {
        ScriptedStation s = plannedV2xStation(PLANNED);
        Transaction tx = plannedCharging(s);
        ReceivedCall set = setpointProfile(s, tx);
        for (JsonElement p : set.payload().getAsJsonObject("chargingProfile").getAsJsonArray("chargingSchedule").get(0)
                .getAsJsonObject().getAsJsonArray("chargingSchedulePeriod")) {
            assertTrue(p.getAsJsonObject().has("setpoint"), "CentralSetpoint periods carry a setpoint: " + p);
            double setpoint = setpointOf(p.getAsJsonObject());
            assertTrue(setpoint <= 11000 && setpoint >= -11000, "setpoint within the EV's ±11 kW: " + setpoint);
            assertTrue(!p.getAsJsonObject().has("limit") || p.getAsJsonObject().get("limit").getAsDouble() <= 11000,
                    "charge limit within the EVSE's reported 11 kW: " + p);
        }
    }

    /**
     * Discharge, and never beyond what the grid code and the EVSE allow: at a site importing more than its limit,
     * an EV above the target SoC it declared (60 kWh at 90 %, target 80 %, allowing 10 kWh out) is planned to give
     * the surplus back, and every negative setpoint comes with the dischargeLimit it respects, no deeper than the
     * EVSE's 11 kW.
     */
    @Test
    void V2X_02_DischargeLimitedByGridCode() {
        ScriptedStation s = plannedV2xStation(DISCHARGING);
        Transaction tx = plannedCharging(s);
        s.call("TransactionEvent", Transaction.withMeter(tx.updated("MeterValuePeriodic", "Charging"),
                Json.obj("timestamp", Messages.now(), "sampledValue", Json.arr(Json.obj("value", 90,
                        "measurand", "SoC", "unitOfMeasure", Json.obj("unit", "Percent"))))));
        JsonObject needs = v2xNeeds(0, -10000);
        // The CSMS plans discharge only where it can keep the SoC window: it needs the battery's size.
        needs.getAsJsonObject("chargingNeeds").add("dcChargingParameters", Json.obj("evMaxCurrent", 30,
                "evMaxVoltage", 400, "evEnergyCapacity", 60000, "stateOfCharge", 90));
        String status = Json.str(s.call("NotifyEVChargingNeeds", needs), "status");
        assertTrue(status.equals("Accepted") || status.equals("Processing"), "NotifyEVChargingNeeds: " + status);
        // Re-plans after the SoC and after the needs each send a profile; the one after the needs discharges.
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean discharging = false;
        while (!discharging) {
            ReceivedCall set = s.expectCall("SetChargingProfile", p -> tx.id().equals(Json.str(p,
                    "chargingProfile.transactionId")), "a TxProfile that discharges the EV",
                    Duration.ofNanos(Math.max(0, until - System.nanoTime())));
            set.replyStatus("Accepted");
            for (JsonElement e : set.payload().getAsJsonObject("chargingProfile").getAsJsonArray("chargingSchedule")
                    .get(0).getAsJsonObject().getAsJsonArray("chargingSchedulePeriod")) {
                JsonObject p = e.getAsJsonObject();
                if (p.has("setpoint") && setpointOf(p) < 0) {
                    discharging = true;
                    assertTrue(p.has("dischargeLimit"), "a discharging period carries the dischargeLimit: " + p);
                    assertTrue(setpointOf(p) >= p.get("dischargeLimit").getAsDouble(), "setpoint within dischargeLimit");
                    assertTrue(p.get("dischargeLimit").getAsDouble() >= -11000, "dischargeLimit within the EVSE: " + p);
                }
            }
        }
    }

    private static JsonObject alarm(boolean ended) {
        return Json.obj("controlType", "LFMustTrip", "gridEventFault", "UnderFrequency", "alarmEnded", ended,
                "timestamp", Messages.now());
    }

    /** Loss of mains (a must-trip alarm): the CSMS sets discharge to zero at once. */
    @Test
    void V2X_03_LossOfMainsTripZeroDischarge() {
        ScriptedStation s = plannedV2xStation(TRIP_1);
        Transaction tx = plannedCharging(s);
        setpointProfile(s, tx);
        assertEquals(new JsonObject(), s.call("NotifyDERAlarm", alarm(false)));
        ReceivedCall zero = s.expectCall("SetChargingProfile", p -> p.toString().contains("\"setpoint\"")
                && allPeriods(p, q -> !q.has("setpoint") || q.get("setpoint").getAsDouble() >= 0),
                "no discharge (setpoint ≥ 0 in every period)", Duration.ofSeconds(5));
        zero.replyStatus("Accepted");
    }

    /** After the grid is back, export stays blocked until the enter-service delay has passed. */
    @Test
    void V2X_04_EnterServiceAfterDelay() {
        ScriptedStation s = plannedV2xStation(TRIP_2);
        Transaction tx = plannedCharging(s);
        setpointProfile(s, tx);
        s.call("NotifyDERAlarm", alarm(false));
        s.expectCall("SetChargingProfile", any(), "the zero-discharge profile", Duration.ofSeconds(5))
                .replyStatus("Accepted");
        s.call("NotifyDERAlarm", alarm(true));
        ReceivedCall early = null;
        try {
            early = s.expectCall("SetChargingProfile", p -> !allPeriods(p, q -> !q.has("setpoint")
                    || q.get("setpoint").getAsDouble() >= 0), "", QUIET);
        } catch (AssertionError expected) {
            // nothing discharging right after the alarm ended: as it must be
        }
        assertEquals(null, early, "discharge came back before the enter-service delay");
    }

    private static boolean allPeriods(JsonObject set, java.util.function.Predicate<JsonObject> test) {
        for (JsonElement schedule : set.getAsJsonObject("chargingProfile").getAsJsonArray("chargingSchedule")) {
            for (JsonElement p : schedule.getAsJsonObject().getAsJsonArray("chargingSchedulePeriod")) {
                if (!test.test(p.getAsJsonObject())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A DER control pushed by the operator, read back (ReportDERControl) and cleared. */
    @Test
    void V2X_05_DerControlPushedReadBackCleared() {
        ScriptedStation s = v2xStation();
        JsonObject curve = Json.obj("priority", 1, "yUnit", "PctMaxW", "curveData", Json.arr(Json.obj("x", 49.8, "y",
                100), Json.obj("x", 50.2, "y", 0)));
        operatorStatus(s, "SetDERControl", Json.obj("isDefault", true, "controlId", "fw-1", "controlType", "FreqWatt",
                "curve", curve), field("controlId", "fw-1"), "controlId fw-1", "Accepted");
        Exchange get = operatorStatus(s, "GetDERControl", Json.obj("requestId", 5, "controlId", "fw-1"),
                field("controlId", "fw-1"), "controlId fw-1", "Accepted");
        assertEquals(new JsonObject(), s.call("ReportDERControl", Json.obj("requestId", Json.integer(get.payload(),
                "requestId"), "tbc", false, "curve", Json.arr(Json.obj("id", "fw-1", "curveType", "FreqWatt",
                "isDefault", true, "isSuperseded", false, "curve", curve)))));
        operatorStatus(s, "ClearDERControl", Json.obj("isDefault", true, "controlId", "fw-1"),
                field("controlId", "fw-1"), "controlId fw-1", "Accepted");
    }
}
