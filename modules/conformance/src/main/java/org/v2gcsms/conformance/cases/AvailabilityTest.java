package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/** G Availability: ChangeAvailability for station, EVSE and connector, with and without a transaction. */
class AvailabilityTest extends CsmsCase {

    private static JsonObject request(String status, Integer evse, Integer connector) {
        JsonObject r = Json.obj("operationalStatus", status);
        if (evse != null) {
            JsonObject e = Json.obj("id", evse);
            if (connector != null) {
                e.addProperty("connectorId", connector);
            }
            r.add("evse", e);
        }
        return r;
    }

    private static Predicate<JsonObject> matches(String status, Integer evse, Integer connector) {
        return p -> status.equals(Json.str(p, "operationalStatus"))
                && (evse == null ? !Json.has(p, "evse") : evse.equals(Json.integer(p, "evse.id")))
                && (connector == null ? !Json.has(p, "evse.connectorId")
                : connector.equals(Json.integer(p, "evse.connectorId")));
    }

    private String connectorStatus(ScriptedStation s) {
        return Json.str(api.get("/api/v1/stations/" + s.id()).expect(200, "station").object(),
                "evses.0.connectors.0.status");
    }

    /** Without a transaction: Accepted, the connector reports the new state and the CSMS shows it. */
    private void change(String status, Integer evse, Integer connector) {
        ScriptedStation s = booted();
        if (status.equals("Operative")) {
            s.call("StatusNotification", Messages.statusNotification(1, 1, "Unavailable"));
        }
        operatorStatus(s, "ChangeAvailability", request(status, evse, connector), matches(status, evse, connector),
                "operationalStatus " + status + " evse " + evse + " connector " + connector, "Accepted");
        String connectorStatus = status.equals("Operative") ? "Available" : "Unavailable";
        s.call("StatusNotification", Messages.statusNotification(1, 1, connectorStatus));
        assertEquals(connectorStatus, connectorStatus(s));
    }

    /** With a transaction: Scheduled, applied after the transaction ends. */
    private void scheduled(Integer evse, Integer connector) {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        operatorStatus(s, "ChangeAvailability", request("Inoperative", evse, connector), matches("Inoperative", evse,
                connector), "Inoperative", "Scheduled");
        s.call("TransactionEvent", tx.ended("StopAuthorized", "EVConnected", "Local"));
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Unavailable"));
        assertEquals("Unavailable", connectorStatus(s));
    }

    @Test
    void TC_G_03_CSMS() {
        change("Inoperative", 1, null);
    }

    @Test
    void TC_G_04_CSMS() {
        change("Operative", 1, null);
    }

    @Test
    void TC_G_05_CSMS() {
        change("Inoperative", null, null);
    }

    @Test
    void TC_G_06_CSMS() {
        change("Operative", null, null);
    }

    @Test
    void TC_G_07_CSMS() {
        change("Inoperative", 1, 1);
    }

    @Test
    void TC_G_08_CSMS() {
        change("Operative", 1, 1);
    }

    @Test
    void TC_G_11_CSMS() {
        scheduled(1, null);
    }

    @Test
    void TC_G_14_CSMS() {
        scheduled(null, null);
    }

    @Test
    void TC_G_17_CSMS() {
        scheduled(1, 1);
    }

    /** Lock failure: the station reports the connector's lock problem (NotifyEvent) and the CSMS acknowledges. */
    @Test
    void TC_G_20_CSMS() {
        ScriptedStation s = booted();
        JsonObject event = Messages.event(1, "Alerting", "ConnectorPlugRetentionLock", "Problem", "true");
        event.getAsJsonObject("component").add("evse", Json.obj("id", 1, "connectorId", 1));
        assertEquals(new JsonObject(), s.call("NotifyEvent", Messages.notifyEvent(0, event)));
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Faulted"));
        assertEquals("Faulted", connectorStatus(s));
    }
}
