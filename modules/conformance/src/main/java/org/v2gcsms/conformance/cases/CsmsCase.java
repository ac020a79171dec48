package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.v2gcsms.conformance.kit.BackOffice;
import org.v2gcsms.conformance.kit.CsmsTarget;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ReceivedCall;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/**
 * What every case starts from: the CSMS under test, its back office, and fresh scripted stations (a new
 * station id per case, so cases never disturb each other, in-process or against a shared remote CSMS).
 */
abstract class CsmsCase {
    static final String V201 = "ocpp2.0.1";
    static final String V21 = "ocpp2.1";
    /** A passwordString within OCPP's 16..40 characters. */
    static final String PASSWORD = "octt-Passw0rd-0123456789";
    /** Short: how long a case waits to be sure the CSMS sends nothing. */
    static final Duration QUIET = Duration.ofMillis(1500);

    final CsmsTarget target = CsmsTarget.current();
    final BackOffice api = target.backOffice();
    private final List<ScriptedStation> stations = new ArrayList<>();
    private String caseName = "case";

    @BeforeEach
    void name(TestInfo info) {
        caseName = info.getTestMethod().map(m -> m.getName()).orElse("case").replace("_CSMS", "");
    }

    @AfterEach
    void closeStations() {
        AssertionError first = null;
        for (ScriptedStation s : stations) {
            try {
                s.close();
            } catch (AssertionError e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A station id no other case uses: the case id plus a random suffix. */
    String newStationId() {
        return caseName + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Station-id prefixes the CSMS's conformance sites cover (docs/conformance.md): a station with one of them is
     * planned and dispatched by the CSMS. {@link #PLANNED} is shared by every case that does not trip its site;
     * a case that trips loss of mains has a site of its own, since a trip latches the whole site.
     */
    static final String PLANNED = "PLAN-";
    static final String TRIP_1 = "TRIP1-";
    static final String TRIP_2 = "TRIP2-";
    /** A site whose import limit is below its base load: its EVs are planned to discharge. */
    static final String DISCHARGING = "V2XD-";

    /** A new id at the site covering {@code sitePrefix}, within OCPP's 48 characters. */
    String sitedStationId(String sitePrefix) {
        String tag = caseName.length() > 24 ? caseName.substring(0, 24) : caseName;
        return sitePrefix + tag + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * {@link #booted} at a site of the CSMS: the station answers what a site's station is asked when it boots —
     * GetBaseReport (Accepted, then a NotifyReport of {@code variables}: ReportData objects) and, for grid safety,
     * DER controls (2.1, answered Accepted as they come).
     */
    ScriptedStation bootedAtSite(String sitePrefix, String subprotocol, JsonObject... variables) {
        String id = sitedStationId(sitePrefix);
        api.registerStation(id, PASSWORD, "Accepted");
        ScriptedStation s = connect(id, subprotocol);
        for (String der : List.of("SetDERControl", "GetDERControl", "ClearDERControl")) {
            s.autoAnswerStatus(der, "Accepted");
        }
        boot(s);
        ReceivedCall report = s.expectCall("GetBaseReport", field("reportBase", "FullInventory"),
                "reportBase FullInventory (a site's station has its device model read)");
        report.replyStatus("Accepted");
        s.call("NotifyReport", Json.obj("requestId", Json.integer(report.payload(), "requestId"), "generatedAt",
                Messages.now(), "seqNo", 0, "tbc", false, "reportData", Json.arr((Object[]) variables)));
        return s;
    }

    /** One variable of a device-model report: its Actual value and, when given, its maxLimit. */
    static JsonObject reportData(String component, Integer evseId, String variable, String value, String dataType,
                                 Double maxLimit) {
        JsonObject c = Json.obj("name", component);
        if (evseId != null) {
            c.add("evse", Json.obj("id", evseId));
        }
        JsonObject characteristics = Json.obj("dataType", dataType, "supportsMonitoring", false);
        if (maxLimit != null) {
            characteristics.addProperty("maxLimit", maxLimit);
        }
        return Json.obj("component", c, "variable", Json.obj("name", variable), "variableAttribute", Json.arr(
                Json.obj("type", "Actual", "value", value, "mutability", "ReadOnly")), "variableCharacteristics",
                characteristics);
    }

    /**
     * {@link #charging} at a site: the CSMS plans the new session at once and sends its EVSE a TxProfile for the
     * transaction, which the station accepts.
     */
    Transaction plannedCharging(ScriptedStation s) {
        Transaction tx = charging(s);
        s.expectCall("SetChargingProfile", p -> "TxProfile".equals(Json.str(p,
                "chargingProfile.chargingProfilePurpose")) && tx.id().equals(Json.str(p,
                "chargingProfile.transactionId")), "the planner's TxProfile for the new transaction")
                .replyStatus("Accepted");
        return tx;
    }

    /** Registers a new station (security profile 1, Basic auth) booting into {@code status}; not connected. */
    String registered(String registrationStatus) {
        String id = newStationId();
        api.registerStation(id, PASSWORD, registrationStatus);
        return id;
    }

    ScriptedStation connect(String id, String subprotocol) {
        return keep(ScriptedStation.connect(target.ocppUrl(), id, PASSWORD, subprotocol));
    }

    ScriptedStation keep(ScriptedStation s) {
        stations.add(s);
        return s;
    }

    /** OCTT's "Booted" state: registered, connected, BootNotification Accepted, connector 1 of EVSE 1 Available. */
    ScriptedStation booted() {
        return booted(V201);
    }

    ScriptedStation booted(String subprotocol) {
        return boot(connect(registered("Accepted"), subprotocol));
    }

    /** BootNotification (PowerUp) Accepted, then connector 1 of EVSE 1 Available. */
    private static ScriptedStation boot(ScriptedStation s) {
        JsonObject answer = s.call("BootNotification", Messages.boot("PowerUp"));
        assertEquals("Accepted", Json.str(answer, "status"), "BootNotification of a registered station");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
        return s;
    }

    /** The station's connection dropped and opened again (same id, same password). */
    ScriptedStation reconnect(ScriptedStation old) {
        old.close();
        return connect(old.id(), old.subprotocol());
    }

    /** The station rebooted: a new connection, BootNotification with {@code reason} Accepted, connector Available. */
    ScriptedStation rebooted(ScriptedStation old, String reason) {
        ScriptedStation s = reconnect(old);
        assertEquals("Accepted", Json.str(s.call("BootNotification", Messages.boot(reason)), "status"),
                "BootNotification after the reboot");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
        return s;
    }

    /** A transaction started on EVSE 1 with an accepted token (Authorized, Charging); checks the idTokenInfo. */
    Transaction charging(ScriptedStation s) {
        String idToken = acceptedToken();
        Transaction tx = new Transaction(1);
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Occupied"));
        JsonObject answer = s.call("TransactionEvent", Transaction.withMeter(Transaction.withIdToken(
                tx.started("Authorized", "Charging"), idToken, "ISO14443"), Messages.meterValue(1000,
                "Transaction.Begin")));
        assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"),
                "TransactionEventResponse.idTokenInfo for an accepted token");
        return tx;
    }

    /** Registers an Accepted token (type ISO14443) and returns its id. */
    String acceptedToken() {
        return token("Accepted", null);
    }

    /** Registers a token with that status and optional group, returns its id. */
    String token(String status, String groupId) {
        String id = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        JsonObject fields = Json.obj("status", status);
        if (groupId != null) {
            fields.addProperty("groupId", groupId);
        }
        api.putToken("ISO14443", id, fields);
        return id;
    }

    /**
     * The operator makes the CSMS send {@code action} (through the API); the station waits for it, checks it
     * with {@code condition}, answers {@code answer}; returns the API's reply (HTTP 200 checked) and the call.
     */
    Exchange operator(ScriptedStation s, String action, JsonObject request, Predicate<JsonObject> condition,
                      String what, JsonObject answer) {
        CompletableFuture<BackOffice.Reply> reply = api.command(s.id(), action, request);
        ReceivedCall call;
        try {
            call = s.expectCall(action, condition, what);
        } catch (AssertionError e) {
            BackOffice.Reply early = reply.getNow(null);
            throw early == null ? e : new AssertionError(e.getMessage() + " (the API answered HTTP " + early.status()
                    + " " + early.body() + ")", e);
        }
        call.reply(answer);
        BackOffice.Reply r = BackOffice.await(reply, action + " through the API").expect(200, action
                + " through the API");
        return new Exchange(call, r);
    }

    /** {@link #operator} answering {@code {"status": status}}, checking the API passed the status on. */
    Exchange operatorStatus(ScriptedStation s, String action, JsonObject request, Predicate<JsonObject> condition,
                            String what, String status) {
        Exchange e = operator(s, action, request, condition, what, Json.obj("status", status));
        assertEquals(status, Json.str(e.reply().body(), "status"), "the API reports the station's " + action
                + " status");
        return e;
    }

    /** The CALL the station received and the API's reply to the operator. */
    record Exchange(ReceivedCall call, BackOffice.Reply reply) {
        JsonObject payload() {
            return call.payload();
        }
    }

    static Predicate<JsonObject> any() {
        return p -> true;
    }

    /** The payload field at {@code path} equals {@code value} (compared as strings). */
    static Predicate<JsonObject> field(String path, Object value) {
        return p -> String.valueOf(value).equals(Json.str(p, path));
    }
}
