package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/** F Remote control: remote start/stop, unlock, TriggerMessage — each triggered through the back office. */
class RemoteControlTest extends CsmsCase {

    private JsonObject startRequest(String idToken, int remoteStartId) {
        return Json.obj("idToken", Messages.idToken(idToken, "ISO14443"), "remoteStartId", remoteStartId, "evseId", 1);
    }

    private static boolean startFor(JsonObject p, String idToken) {
        return idToken.equals(Json.str(p, "idToken.idToken")) && Json.has(p, "remoteStartId");
    }

    /** Cable first: the transaction exists; remote start authorizes it (RemoteStart with remoteStartId). */
    @Test
    void TC_F_01_CSMS() {
        ScriptedStation s = booted();
        String idToken = acceptedToken();
        Transaction tx = new Transaction(1);
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Occupied"));
        s.call("TransactionEvent", tx.started("CablePluggedIn", "EVConnected"));
        Exchange e = operator(s, "RequestStartTransaction", startRequest(idToken, 101), p -> startFor(p, idToken),
                "the operator's idToken and a remoteStartId", Json.obj("status", "Accepted", "transactionId",
                        tx.id()));
        assertEquals("Accepted", Json.str(e.reply().body(), "status"));
        JsonObject update = tx.updated("RemoteStart", "Charging");
        update.getAsJsonObject("transactionInfo").addProperty("remoteStartId", Json.integer(e.payload(),
                "remoteStartId"));
        JsonObject answer = s.call("TransactionEvent", Transaction.withIdToken(update, idToken, "ISO14443"));
        assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
    }

    /** Remote start first; with AuthorizeRemoteStart the station authorizes the token before starting. */
    private void remoteStartFirst(boolean authorizeFirst) {
        ScriptedStation s = booted();
        String idToken = acceptedToken();
        Exchange e = operator(s, "RequestStartTransaction", startRequest(idToken, 102), p -> startFor(p, idToken),
                "the operator's idToken and a remoteStartId", Json.obj("status", "Accepted"));
        if (authorizeFirst) {
            assertEquals("Accepted", Json.str(s.call("Authorize", Messages.authorize(idToken, "ISO14443")),
                    "idTokenInfo.status"));
        }
        Transaction tx = new Transaction(1);
        JsonObject started = tx.started("RemoteStart", null);
        started.getAsJsonObject("transactionInfo").addProperty("remoteStartId", Json.integer(e.payload(),
                "remoteStartId"));
        assertEquals("Accepted", Json.str(s.call("TransactionEvent", Transaction.withIdToken(started, idToken,
                "ISO14443")), "idTokenInfo.status"));
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Occupied"));
        s.call("TransactionEvent", tx.updated("CablePluggedIn", "Charging"));
    }

    @Test
    void TC_F_02_CSMS() {
        remoteStartFirst(true);
    }

    @Test
    void TC_F_03_CSMS() {
        remoteStartFirst(false);
    }

    /** Remote start, the cable never comes: the station ends the transaction with Timeout. */
    @Test
    void TC_F_04_CSMS() {
        ScriptedStation s = booted();
        String idToken = acceptedToken();
        Exchange e = operator(s, "RequestStartTransaction", startRequest(idToken, 104), p -> startFor(p, idToken),
                "the operator's idToken", Json.obj("status", "Accepted"));
        Transaction tx = new Transaction(1);
        JsonObject started = tx.started("RemoteStart", null);
        started.getAsJsonObject("transactionInfo").addProperty("remoteStartId", Json.integer(e.payload(),
                "remoteStartId"));
        s.call("TransactionEvent", Transaction.withIdToken(started, idToken, "ISO14443"));
        s.call("TransactionEvent", tx.ended("EVConnectTimeout", null, "Timeout"));
        assertEquals("ENDED", Json.str(api.get("/api/v1/stations/" + s.id() + "/transactions/" + tx.id())
                .expect(200, "transaction").object(), "state"));
    }

    @Test
    void TC_F_06_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "UnlockConnector", Json.obj("evseId", 1, "connectorId", 1), p -> Json.integer(p, "evseId")
                == 1 && Json.integer(p, "connectorId") == 1, "evseId 1, connectorId 1", "Unlocked");
    }

    /** TriggerMessage through the API; the station accepts and sends the message, which the CSMS answers. */
    private ScriptedStation trigger(String requested, Integer evseId, String answer) {
        ScriptedStation s = booted();
        JsonObject request = Json.obj("requestedMessage", requested);
        if (evseId != null) {
            request.add("evse", Json.obj("id", evseId));
        }
        operatorStatus(s, "TriggerMessage", request, p -> requested.equals(Json.str(p, "requestedMessage"))
                && (evseId == null ? !Json.has(p, "evse") : evseId.equals(Json.integer(p, "evse.id"))),
                "requestedMessage " + requested + (evseId == null ? "" : " for EVSE " + evseId), answer);
        return s;
    }

    @Test
    void TC_F_11_CSMS() {
        ScriptedStation s = trigger("MeterValues", 1, "Accepted");
        assertEquals(new JsonObject(), s.call("MeterValues", Messages.meterValues(1, Messages.meterValue(1234,
                "Trigger"))));
    }

    @Test
    void TC_F_12_CSMS() {
        ScriptedStation s = trigger("MeterValues", null, "Accepted");
        s.call("MeterValues", Messages.meterValues(0, Messages.meterValue(5000, "Trigger")));
        s.call("MeterValues", Messages.meterValues(1, Messages.meterValue(1234, "Trigger")));
    }

    private void triggeredTransactionEvent(Integer evseId) {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        JsonObject request = Json.obj("requestedMessage", "TransactionEvent");
        if (evseId != null) {
            request.add("evse", Json.obj("id", evseId));
        }
        operatorStatus(s, "TriggerMessage", request, field("requestedMessage", "TransactionEvent"),
                "requestedMessage TransactionEvent", "Accepted");
        JsonObject answer = s.call("TransactionEvent", Transaction.withMeter(tx.updated("Trigger", "Charging"),
                Messages.meterValue(2000, "Trigger")));
        assertEquals(false, Json.has(answer, "idTokenInfo"));
    }

    @Test
    void TC_F_13_CSMS() {
        triggeredTransactionEvent(1);
    }

    @Test
    void TC_F_14_CSMS() {
        triggeredTransactionEvent(null);
    }

    @Test
    void TC_F_15_CSMS() {
        ScriptedStation s = trigger("LogStatusNotification", null, "Accepted");
        assertEquals(new JsonObject(), s.call("LogStatusNotification", Json.obj("status", "Idle")));
    }

    @Test
    void TC_F_18_CSMS() {
        ScriptedStation s = trigger("FirmwareStatusNotification", null, "Accepted");
        assertEquals(new JsonObject(), s.call("FirmwareStatusNotification", Json.obj("status", "Idle")));
    }

    @Test
    void TC_F_20_CSMS() {
        ScriptedStation s = trigger("Heartbeat", null, "Accepted");
        assertEquals(true, Json.has(s.call("Heartbeat", new JsonObject()), "currentTime"));
    }

    @Test
    void TC_F_23_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "TriggerMessage", Json.obj("requestedMessage", "StatusNotification", "evse", Json.obj("id", 1,
                "connectorId", 1)), p -> "StatusNotification".equals(Json.str(p, "requestedMessage"))
                && Json.integer(p, "evse.connectorId") == 1, "StatusNotification for EVSE 1 connector 1", "Accepted");
        assertEquals(new JsonObject(), s.call("StatusNotification", Messages.statusNotification(1, 1, "Available")));
        assertEquals("Available", connectorStatus(s));
    }

    @Test
    void TC_F_24_CSMS() {
        ScriptedStation s = booted();
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Occupied"));
        operatorStatus(s, "TriggerMessage", Json.obj("requestedMessage", "StatusNotification", "evse", Json.obj("id", 1,
                "connectorId", 1)), field("requestedMessage", "StatusNotification"), "StatusNotification", "Accepted");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Occupied"));
        assertEquals("Occupied", connectorStatus(s));
    }

    String connectorStatus(ScriptedStation s) {
        return Json.str(api.get("/api/v1/stations/" + s.id()).expect(200, "station").object(),
                "evses.0.connectors.0.status");
    }

    @Test
    void TC_F_27_CSMS() {
        trigger("SignChargingStationCertificate", null, "NotImplemented");
    }
}
