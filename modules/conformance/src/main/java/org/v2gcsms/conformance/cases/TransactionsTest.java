package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/**
 * E Transactions. OCTT varies the station's TxStartPoint/TxStopPoint; the CSMS must follow whichever event
 * sequence results: answer every TransactionEvent, give idTokenInfo exactly when an idToken came, and keep
 * the transaction's state (checked through the API).
 */
class TransactionsTest extends CsmsCase {
    private ScriptedStation s;
    private String idToken;

    private ScriptedStation station() {
        s = booted();
        idToken = acceptedToken();
        return s;
    }

    /** Sends an event; with {@code withToken} it carries the accepted idToken and must get idTokenInfo Accepted. */
    private JsonObject send(JsonObject event, boolean withToken) {
        if (withToken) {
            Transaction.withIdToken(event, idToken, "ISO14443");
        }
        JsonObject answer = s.call("TransactionEvent", event);
        if (withToken) {
            assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"), "idTokenInfo for " + event.get(
                    "eventType") + " " + event.get("triggerReason"));
        } else {
            assertFalse(Json.has(answer, "idTokenInfo"), "idTokenInfo only answers an idToken, got " + answer);
        }
        return answer;
    }

    private void authorize() {
        assertEquals("Accepted", Json.str(s.call("Authorize", Messages.authorize(idToken, "ISO14443")),
                "idTokenInfo.status"));
    }

    private String state(Transaction tx) {
        return Json.str(api.get("/api/v1/stations/" + s.id() + "/transactions/" + tx.id()).expect(200,
                "transaction " + tx.id() + " in the API").object(), "state");
    }

    private void occupied() {
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Occupied"));
    }

    /** TxStartPoint PowerPathClosed: authorized and plugged in first, the transaction starts when charging. */
    @Test
    void TC_E_01_CSMS() {
        station();
        occupied();
        authorize();
        Transaction tx = new Transaction(1);
        send(Transaction.withMeter(tx.started("ChargingStateChanged", "Charging"), Messages.meterValue(0,
                "Transaction.Begin")), true);
        assertEquals("OPEN", state(tx));
    }

    @Test
    void TC_E_02_CSMS() {
        station();
        occupied();
        authorize();
        Transaction tx = new Transaction(1);
        send(tx.started("ChargingStateChanged", "Charging"), true);
        send(Transaction.withMeter(tx.updated("MeterValuePeriodic", "Charging"), Messages.meterValue(500,
                "Sample.Periodic")), false);
        assertEquals("OPEN", state(tx));
    }

    /** Local start, cable first. */
    @Test
    void TC_E_03_CSMS() {
        station();
        occupied();
        Transaction tx = new Transaction(1);
        send(tx.started("CablePluggedIn", "EVConnected"), false);
        authorize();
        send(tx.updated("Authorized", "EVConnected"), true);
        send(tx.updated("ChargingStateChanged", "Charging"), false);
        assertEquals("OPEN", state(tx));
    }

    /** Local start, authorization first. */
    @Test
    void TC_E_04_CSMS() {
        station();
        authorize();
        Transaction tx = new Transaction(1);
        send(tx.started("Authorized", null), true);
        occupied();
        send(tx.updated("CablePluggedIn", "EVConnected"), false);
        send(tx.updated("ChargingStateChanged", "Charging"), false);
        assertEquals("OPEN", state(tx));
    }

    private Transaction chargingTx() {
        station();
        occupied();
        Transaction tx = new Transaction(1);
        send(tx.started("Authorized", "Charging"), true);
        return tx;
    }

    /** TxStopPoint PowerPathClosed, stopped locally: the stop token is confirmed and the transaction ends. */
    @Test
    void TC_E_07_CSMS() {
        Transaction tx = chargingTx();
        authorize();
        send(tx.updated("StopAuthorized", "EVConnected"), true);
        send(tx.ended("EVCommunicationLost", "Idle", "Local"), false);
        assertEquals("ENDED", state(tx));
    }

    @Test
    void TC_E_08_CSMS() {
        Transaction tx = chargingTx();
        authorize();
        send(Transaction.withMeter(tx.ended("StopAuthorized", "EVConnected", "Local"), Messages.meterValue(3000,
                "Transaction.End")), true);
        assertEquals("ENDED", state(tx));
    }

    /** TxStartPoint EVConnected: the transaction starts on plug-in, without a token. */
    @Test
    void TC_E_09_CSMS() {
        station();
        occupied();
        Transaction tx = new Transaction(1);
        send(tx.started("CablePluggedIn", "EVConnected"), false);
        assertEquals("OPEN", state(tx));
        authorize();
        send(tx.updated("Authorized", "Charging"), true);
    }

    @Test
    void TC_E_10_CSMS() {
        station();
        authorize();
        Transaction tx = new Transaction(1);
        send(tx.started("Authorized", null), true);
        assertEquals("OPEN", state(tx));
    }

    /** TxStartPoint DataSigned: the start carries a signed meter value. */
    @Test
    void TC_E_11_CSMS() {
        station();
        occupied();
        authorize();
        Transaction tx = new Transaction(1);
        send(Transaction.withMeter(tx.started("SignedDataReceived", "EVConnected"), Messages.signedMeterValue(100,
                "Transaction.Begin")), true);
        assertEquals("OPEN", state(tx));
    }

    /** TxStartPoint ParkingBayOccupancy: starts on EV detection. */
    @Test
    void TC_E_12_CSMS() {
        station();
        Transaction tx = new Transaction(1);
        send(tx.started("EVDetected", null), false);
        occupied();
        send(tx.updated("CablePluggedIn", "EVConnected"), false);
        authorize();
        send(tx.updated("Authorized", "Charging"), true);
        assertEquals("OPEN", state(tx));
    }

    @Test
    void TC_E_14_CSMS() {
        Transaction tx = chargingTx();
        send(tx.ended("EVCommunicationLost", "Idle", "EVDisconnected"), false);
        assertEquals("ENDED", state(tx));
    }

    @Test
    void TC_E_15_CSMS() {
        Transaction tx = chargingTx();
        authorize();
        send(tx.ended("StopAuthorized", "EVConnected", "Local"), true);
        assertEquals("ENDED", state(tx));
    }

    /** Deauthorized: the CSMS answers an unknown token not Accepted, and the station ends the transaction. */
    @Test
    void TC_E_16_CSMS() {
        station();
        occupied();
        Transaction tx = new Transaction(1);
        JsonObject answer = s.call("TransactionEvent", Transaction.withIdToken(tx.started("Authorized", "Charging"),
                "INVALID" + UUID.randomUUID().toString().substring(0, 6), "ISO14443"));
        assertNotEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
        send(tx.ended("Deauthorized", "EVConnected", "DeAuthorized"), false);
        assertEquals("ENDED", state(tx));
    }

    @Test
    void TC_E_17_CSMS() {
        Transaction tx = chargingTx();
        send(tx.updated("EVCommunicationLost", "Idle"), false);
        send(tx.ended("Deauthorized", "Idle", "EVDisconnected"), false);
        assertEquals("ENDED", state(tx));
    }

    @Test
    void TC_E_19_CSMS() {
        Transaction tx = chargingTx();
        send(tx.updated("EVCommunicationLost", "Idle"), false);
        send(tx.ended("EVDeparted", null, "EVDisconnected"), false);
        assertEquals("ENDED", state(tx));
    }

    @Test
    void TC_E_20_CSMS() {
        Transaction tx = chargingTx();
        send(tx.ended("EVCommunicationLost", "Idle", "EVDisconnected"), false);
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
        assertEquals("ENDED", state(tx));
    }

    /** Stopped remotely: the operator stops it through the API; the station ends it with Remote. */
    @Test
    void TC_E_21_CSMS() {
        Transaction tx = chargingTx();
        operatorStatus(s, "RequestStopTransaction", Json.obj("transactionId", tx.id()), field("transactionId",
                tx.id()), "transactionId " + tx.id(), "Accepted");
        send(tx.ended("RemoteStop", "EVConnected", "Remote"), false);
        assertEquals("ENDED", state(tx));
    }

    @Test
    void TC_E_22_CSMS() {
        Transaction tx = chargingTx();
        send(tx.updated("ChargingStateChanged", "SuspendedEV"), false);
        send(tx.ended("StopAuthorized", "SuspendedEV", "StoppedByEV"), false);
        assertEquals("ENDED", state(tx));
    }

    /** EV-side disconnect with StopTxOnEVSideDisconnect=false: the transaction stays open, suspended. */
    @Test
    void TC_E_26_CSMS() {
        Transaction tx = chargingTx();
        send(tx.updated("EVCommunicationLost", "SuspendedEV"), false);
        assertEquals("OPEN", state(tx));
        send(tx.updated("ChargingStateChanged", "Charging"), false);
    }

    /** GetTransactionStatus through the API, answered {@code ongoingIndicator} / {@code messagesInQueue}. */
    private void transactionStatus(boolean withId, boolean ongoing, boolean queued) {
        Transaction tx = chargingTx();
        if (!ongoing) {
            send(tx.ended("StopAuthorized", "EVConnected", "Local"), false);
        }
        JsonObject answer = Json.obj("messagesInQueue", queued);
        if (withId) {
            answer.addProperty("ongoingIndicator", ongoing);
        }
        JsonObject request = withId ? Json.obj("transactionId", tx.id()) : new JsonObject();
        Exchange e = operator(s, "GetTransactionStatus", request, p -> withId == Json.has(p, "transactionId"),
                withId ? "transactionId " + tx.id() : "no transactionId", answer);
        assertEquals(queued, e.reply().object().get("messagesInQueue").getAsBoolean());
    }

    @Test
    void TC_E_29_CSMS() {
        transactionStatus(true, true, true);
    }

    @Test
    void TC_E_30_CSMS() {
        transactionStatus(true, true, false);
    }

    @Test
    void TC_E_31_CSMS() {
        transactionStatus(true, false, true);
    }

    @Test
    void TC_E_33_CSMS() {
        transactionStatus(false, true, true);
    }

    @Test
    void TC_E_34_CSMS() {
        transactionStatus(false, true, false);
    }

    /** EV not ready: authorized and plugged in, the EV suspends before charging. */
    @Test
    void TC_E_38_CSMS() {
        station();
        occupied();
        authorize();
        Transaction tx = new Transaction(1);
        send(tx.started("Authorized", "SuspendedEV"), true);
        send(tx.updated("ChargingStateChanged", "Charging"), false);
        assertEquals("OPEN", state(tx));
    }

    /** EVConnectionTimeOut: authorized, never plugged in; the station ends it with Timeout. */
    @Test
    void TC_E_39_CSMS() {
        station();
        authorize();
        Transaction tx = new Transaction(1);
        send(tx.started("Authorized", null), true);
        send(tx.ended("EVConnectTimeout", null, "Timeout"), false);
        assertEquals("ENDED", state(tx));
    }

    /** seqNo restarts at 0 for each transaction; the CSMS accepts both transactions. */
    @Test
    void TC_E_53_CSMS() {
        station();
        for (int i = 0; i < 2; i++) {
            Transaction tx = new Transaction(1);
            JsonObject started = tx.started("Authorized", "Charging");
            assertEquals(0, Json.integer(started, "seqNo"));
            send(started, true);
            send(tx.ended("StopAuthorized", "EVConnected", "Local"), false);
            assertEquals("ENDED", state(tx));
        }
    }
}
