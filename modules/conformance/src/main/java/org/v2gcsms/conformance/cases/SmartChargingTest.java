package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.BackOffice;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ReceivedCall;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/** K Smart charging: profiles set, replaced, cleared, reported; composite schedules; external limits; 15118. */
class SmartChargingTest extends CsmsCase {

    static JsonObject profile(int id, int stackLevel, String purpose, String kind, double limitA) {
        JsonObject schedule = Json.obj("id", id, "chargingRateUnit", "A", "chargingSchedulePeriod", Json.arr(
                Json.obj("startPeriod", 0, "limit", limitA, "numberPhases", 3), Json.obj("startPeriod", 3600,
                        "limit", limitA / 2, "numberPhases", 3)));
        JsonObject p = Json.obj("id", id, "stackLevel", stackLevel, "chargingProfilePurpose", purpose,
                "chargingProfileKind", kind, "chargingSchedule", Json.arr(schedule));
        if (!kind.equals("Relative")) {
            schedule.addProperty("startSchedule", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (kind.equals("Recurring")) {
            p.addProperty("recurrencyKind", "Daily");
            schedule.addProperty("duration", 86400);
        }
        return p;
    }

    private static Predicate<JsonObject> setFor(int evseId, String purpose) {
        return p -> Json.integer(p, "evseId") == evseId && purpose.equals(Json.str(p,
                "chargingProfile.chargingProfilePurpose"));
    }

    private Exchange set(ScriptedStation s, int evseId, JsonObject profile, String answer) {
        String purpose = Json.str(profile, "chargingProfilePurpose");
        return operatorStatus(s, "SetChargingProfile", Json.obj("evseId", evseId, "chargingProfile", profile),
                setFor(evseId, purpose), purpose + " for evseId " + evseId, answer);
    }

    @Test
    void TC_K_01_CSMS() {
        Exchange e = set(booted(), 1, profile(101, 0, "TxDefaultProfile", "Absolute", 16), "Accepted");
        assertEquals(16.0, Json.at(e.payload(), "chargingProfile.chargingSchedule.0.chargingSchedulePeriod.0.limit")
                .getAsDouble());
    }

    /** A TxProfile without a transaction: the station rejects it, and the API says so. */
    @Test
    void TC_K_02_CSMS() {
        ScriptedStation s = booted();
        JsonObject p = profile(102, 0, "TxProfile", "Relative", 16);
        p.addProperty("transactionId", "NO-SUCH-TX");
        set(s, 1, p, "Rejected");
    }

    @Test
    void TC_K_03_CSMS() {
        set(booted(), 0, profile(103, 0, "ChargingStationMaxProfile", "Absolute", 32), "Accepted");
    }

    @Test
    void TC_K_10_CSMS() {
        set(booted(), 0, profile(110, 0, "TxDefaultProfile", "Absolute", 16), "Accepted");
    }

    /** Smart charging not supported: the station answers CALLERROR NotSupported; the API reports 502. */
    @Test
    void TC_K_15_CSMS() {
        ScriptedStation s = booted();
        var reply = api.command(s.id(), "SetChargingProfile", Json.obj("evseId", 1, "chargingProfile",
                profile(115, 0, "TxDefaultProfile", "Absolute", 16)));
        s.expectCall("SetChargingProfile").replyError("NotSupported", "smart charging is not supported");
        BackOffice.Reply r = BackOffice.await(reply, "SetChargingProfile").expect(502, "a CALLERROR answer");
        assertEquals("NotSupported", Json.str(r.body(), "ocppErrorCode"));
    }

    @Test
    void TC_K_19_CSMS() {
        Exchange e = set(booted(), 1, profile(119, 0, "TxDefaultProfile", "Recurring", 16), "Accepted");
        assertEquals("Daily", Json.str(e.payload(), "chargingProfile.recurrencyKind"));
    }

    @Test
    void TC_K_60_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        JsonObject p = profile(160, 1, "TxProfile", "Relative", 10);
        p.addProperty("transactionId", tx.id());
        Exchange e = set(s, 1, p, "Accepted");
        assertEquals(tx.id(), Json.str(e.payload(), "chargingProfile.transactionId"));
    }

    /** Same id again replaces the profile; the CSMS sends the new one with that id. */
    @Test
    void TC_K_04_CSMS() {
        ScriptedStation s = booted();
        set(s, 1, profile(104, 0, "TxDefaultProfile", "Absolute", 16), "Accepted");
        Exchange e = set(s, 1, profile(104, 0, "TxDefaultProfile", "Absolute", 8), "Accepted");
        assertEquals(104, Json.integer(e.payload(), "chargingProfile.id"));
        assertEquals(8.0, Json.at(e.payload(), "chargingProfile.chargingSchedule.0.chargingSchedulePeriod.0.limit")
                .getAsDouble());
    }

    @Test
    void TC_K_70_CSMS() {
        ScriptedStation s = booted();
        set(s, 1, profile(170, 0, "TxDefaultProfile", "Absolute", 16), "Accepted");
        set(s, 1, profile(171, 1, "TxDefaultProfile", "Absolute", 10), "Accepted");
        set(s, 0, profile(172, 0, "ChargingStationMaxProfile", "Absolute", 32), "Accepted");
    }

    @Test
    void TC_K_05_CSMS() {
        ScriptedStation s = booted();
        set(s, 1, profile(105, 0, "TxDefaultProfile", "Absolute", 16), "Accepted");
        operatorStatus(s, "ClearChargingProfile", Json.obj("chargingProfileId", 105), field("chargingProfileId", 105),
                "chargingProfileId 105", "Accepted");
    }

    @Test
    void TC_K_06_CSMS() {
        ScriptedStation s = booted();
        set(s, 1, profile(106, 2, "TxDefaultProfile", "Absolute", 16), "Accepted");
        operatorStatus(s, "ClearChargingProfile", Json.obj("chargingProfileCriteria", Json.obj("evseId", 1,
                "chargingProfilePurpose", "TxDefaultProfile", "stackLevel", 2)), p -> Json.integer(p,
                "chargingProfileCriteria.stackLevel") == 2 && "TxDefaultProfile".equals(Json.str(p,
                "chargingProfileCriteria.chargingProfilePurpose")), "criteria purpose + stackLevel", "Accepted");
    }

    @Test
    void TC_K_08_CSMS() {
        operatorStatus(booted(), "ClearChargingProfile", Json.obj("chargingProfileId", 999), any(), "", "Unknown");
    }

    /** GetChargingProfiles with a filter; the station reports its profiles; the CSMS acknowledges the report. */
    private void report(JsonObject request, Predicate<JsonObject> condition, String what, Integer reportEvse) {
        ScriptedStation s = booted();
        request.addProperty("requestId", 29);
        if (!request.has("chargingProfile")) {
            request.add("chargingProfile", new JsonObject());
        }
        Exchange e = operatorStatus(s, "GetChargingProfiles", request, condition, what, "Accepted");
        assertEquals(new JsonObject(), s.call("ReportChargingProfiles", Json.obj("requestId", Json.integer(
                e.payload(), "requestId"), "chargingLimitSource", "CSO", "evseId", reportEvse == null ? 1 : reportEvse,
                "tbc", false, "chargingProfile", Json.arr(profile(129, 0, "TxDefaultProfile", "Absolute", 16)))));
    }

    @Test
    void TC_K_29_CSMS() {
        report(Json.obj("evseId", 0), p -> Json.integer(p, "evseId") == 0, "evseId 0", 0);
    }

    @Test
    void TC_K_30_CSMS() {
        report(Json.obj("evseId", 1), p -> Json.integer(p, "evseId") == 1, "evseId 1", 1);
    }

    @Test
    void TC_K_31_CSMS() {
        report(new JsonObject(), p -> !Json.has(p, "evseId"), "no evseId", 1);
    }

    @Test
    void TC_K_32_CSMS() {
        report(Json.obj("chargingProfile", Json.obj("chargingProfileId", Json.arr(129))),
                p -> Json.integer(p, "chargingProfile.chargingProfileId.0") == 129, "chargingProfileId 129", 1);
    }

    @Test
    void TC_K_33_CSMS() {
        report(Json.obj("chargingProfile", Json.obj("stackLevel", 0)), p -> Json.has(p, "chargingProfile.stackLevel"),
                "stackLevel", 1);
    }

    @Test
    void TC_K_34_CSMS() {
        report(Json.obj("chargingProfile", Json.obj("chargingLimitSource", Json.arr("CSO"))),
                p -> "CSO".equals(Json.str(p, "chargingProfile.chargingLimitSource.0")), "chargingLimitSource CSO", 1);
    }

    @Test
    void TC_K_35_CSMS() {
        report(Json.obj("chargingProfile", Json.obj("chargingProfilePurpose", "TxDefaultProfile")),
                field("chargingProfile.chargingProfilePurpose", "TxDefaultProfile"), "purpose TxDefaultProfile", 1);
    }

    @Test
    void TC_K_36_CSMS() {
        report(Json.obj("chargingProfile", Json.obj("chargingProfilePurpose", "TxDefaultProfile", "stackLevel", 0)),
                p -> Json.has(p, "chargingProfile.stackLevel") && Json.has(p,
                        "chargingProfile.chargingProfilePurpose"), "purpose and stackLevel", 1);
    }

    /** Remote start carrying a TxProfile (no transactionId). */
    @Test
    void TC_K_37_CSMS() {
        ScriptedStation s = booted();
        String token = acceptedToken();
        JsonObject p = profile(137, 0, "TxProfile", "Relative", 16);
        Exchange e = operatorStatus(s, "RequestStartTransaction", Json.obj("idToken", Messages.idToken(token,
                "ISO14443"), "remoteStartId", 37, "evseId", 1, "chargingProfile", p), q -> "TxProfile".equals(
                Json.str(q, "chargingProfile.chargingProfilePurpose")) && !Json.has(q, "chargingProfile.transactionId"),
                "a TxProfile without transactionId", "Accepted");
        Transaction tx = new Transaction(1);
        JsonObject started = tx.started("RemoteStart", "Charging");
        started.getAsJsonObject("transactionInfo").addProperty("remoteStartId", Json.integer(e.payload(),
                "remoteStartId"));
        assertEquals("Accepted", Json.str(s.call("TransactionEvent", Transaction.withIdToken(started, token,
                "ISO14443")), "idTokenInfo.status"));
    }

    private void composite(int evseId) {
        ScriptedStation s = booted();
        JsonObject schedule = Json.obj("evseId", evseId, "duration", 3600, "scheduleStart", Messages.now(),
                "chargingRateUnit", "A", "chargingSchedulePeriod", Json.arr(Json.obj("startPeriod", 0, "limit", 16,
                        "numberPhases", 3)));
        Exchange e = operator(s, "GetCompositeSchedule", Json.obj("duration", 3600, "evseId", evseId,
                "chargingRateUnit", "A"), p -> Json.integer(p, "evseId") == evseId, "evseId " + evseId,
                Json.obj("status", "Accepted", "schedule", schedule));
        assertEquals(16.0, Json.at(e.reply().body(), "schedule.chargingSchedulePeriod.0.limit").getAsDouble());
    }

    @Test
    void TC_K_43_CSMS() {
        composite(1);
    }

    @Test
    void TC_K_44_CSMS() {
        composite(0);
    }

    @Test
    void TC_K_48_CSMS() {
        ScriptedStation s = booted();
        assertEquals(new JsonObject(), s.call("NotifyChargingLimit", Json.obj("evseId", 1, "chargingLimit",
                Json.obj("chargingLimitSource", "EMS", "isGridCritical", false))));
    }

    @Test
    void TC_K_50_CSMS() {
        ScriptedStation s = booted();
        s.call("NotifyChargingLimit", Json.obj("evseId", 1, "chargingLimit", Json.obj("chargingLimitSource", "EMS")));
        assertEquals(new JsonObject(), s.call("ClearedChargingLimit", Json.obj("chargingLimitSource", "EMS",
                "evseId", 1)));
    }

    @Test
    void TC_K_51_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        s.call("NotifyChargingLimit", Json.obj("evseId", 1, "chargingLimit", Json.obj("chargingLimitSource", "EMS")));
        s.call("TransactionEvent", tx.updated("ChargingRateChanged", "Charging"));
        assertEquals(new JsonObject(), s.call("ClearedChargingLimit", Json.obj("chargingLimitSource", "EMS",
                "evseId", 1)));
        s.call("TransactionEvent", tx.updated("ChargingRateChanged", "Charging"));
    }

    /** ExternalConstraints profiles appear in the station's report; the CSMS accepts them there. */
    @Test
    void TC_K_52_CSMS() {
        ScriptedStation s = booted();
        Exchange e = operatorStatus(s, "GetChargingProfiles", Json.obj("requestId", 52, "chargingProfile", Json.obj(
                "chargingLimitSource", Json.arr("EMS"))), any(), "", "Accepted");
        assertEquals(new JsonObject(), s.call("ReportChargingProfiles", Json.obj("requestId", Json.integer(
                e.payload(), "requestId"), "chargingLimitSource", "EMS", "evseId", 1, "tbc", false, "chargingProfile",
                Json.arr(profile(-52, 0, "ChargingStationExternalConstraints", "Absolute", 20)))));
    }

    static JsonObject chargingNeeds(int evseId) {
        return Json.obj("evseId", evseId, "maxScheduleTuples", 3, "chargingNeeds", Json.obj("requestedEnergyTransfer",
                "AC_three_phase", "departureTime", Instant.now().plusSeconds(4 * 3600).truncatedTo(ChronoUnit.SECONDS)
                        .toString(), "acChargingParameters", Json.obj("energyAmount", 20000, "evMinCurrent", 6,
                        "evMaxCurrent", 32, "evMaxVoltage", 400)));
    }

    /**
     * A 2.0.1 station the CSMS plans (at one of its conformance sites, docs/conformance.md), charging in W, with
     * its transaction started and the planner's first TxProfile accepted.
     */
    private PlannedStation planned() {
        ScriptedStation s = bootedAtSite(PLANNED, V201, reportData("SmartChargingCtrlr", null, "RateUnit", "W",
                "MemberList", null), reportData("EVSE", 1, "Power", "0", "decimal", 22_000.0));
        return new PlannedStation(s, plannedCharging(s));
    }

    private record PlannedStation(ScriptedStation s, Transaction tx) {}

    /** ISO 15118: the EV's needs arrive; the CSMS accepts them and answers with a TxProfile for the transaction. */
    private ReceivedCall needsToProfile(ScriptedStation s, Transaction tx) {
        assertEquals("Accepted", Json.str(s.call("NotifyEVChargingNeeds", chargingNeeds(1)), "status"));
        ReceivedCall set = s.expectCall("SetChargingProfile", p -> "TxProfile".equals(Json.str(p,
                "chargingProfile.chargingProfilePurpose")) && Json.integer(p, "evseId") == 1 && tx.id().equals(
                Json.str(p, "chargingProfile.transactionId")), "TxProfile for evseId 1", Duration.ofSeconds(10));
        set.replyStatus("Accepted");
        return set;
    }

    private JsonObject evSchedule() {
        return Json.obj("timeBase", Messages.now(), "evseId", 1, "chargingSchedule", Json.obj("id", 1,
                "chargingRateUnit", "W", "duration", 3600, "chargingSchedulePeriod", Json.arr(Json.obj("startPeriod", 0,
                        "limit", 11000))));
    }

    @Test
    void TC_K_53_CSMS() {
        PlannedStation p = planned();
        ScriptedStation s = p.s();
        Transaction tx = p.tx();
        needsToProfile(s, tx);
        assertEquals("Accepted", Json.str(s.call("NotifyEVChargingSchedule", evSchedule()), "status"));
    }

    /** The EV's schedule exceeds the limits: the CSMS is told and sends a corrected profile. */
    @Test
    void TC_K_55_CSMS() {
        PlannedStation p = planned();
        ScriptedStation s = p.s();
        Transaction tx = p.tx();
        needsToProfile(s, tx);
        JsonObject over = evSchedule();
        over.getAsJsonObject("chargingSchedule").getAsJsonArray("chargingSchedulePeriod").get(0).getAsJsonObject()
                .addProperty("limit", 50000);
        s.call("NotifyEVChargingSchedule", over);
        s.expectCall("SetChargingProfile", field("chargingProfile.chargingProfilePurpose", "TxProfile"),
                "a new TxProfile", Duration.ofSeconds(10)).replyStatus("Accepted");
    }

    @Test
    void TC_K_57_CSMS() {
        PlannedStation p = planned();
        ScriptedStation s = p.s();
        Transaction tx = p.tx();
        needsToProfile(s, tx);
        needsToProfile(s, tx);
    }

    /** CSMS-initiated renegotiation: the operator sends a new TxProfile during the 15118 session. */
    private void renegotiated(int profileId, boolean evAsksAgain) {
        PlannedStation planned = planned();
        ScriptedStation s = planned.s();
        Transaction tx = planned.tx();
        needsToProfile(s, tx);
        JsonObject p = profile(profileId, 1, "TxProfile", "Relative", 10);
        p.addProperty("transactionId", tx.id());
        set(s, 1, p, "Accepted");
        if (evAsksAgain) {
            needsToProfile(s, tx);
        } else {
            assertEquals("Accepted", Json.str(s.call("NotifyEVChargingSchedule", evSchedule()), "status"));
        }
    }

    @Test
    void TC_K_58_CSMS() {
        renegotiated(158, false);
    }

    @Test
    void TC_K_59_CSMS() {
        renegotiated(159, true);
    }
}
