package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.BackOffice;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ReceivedCall;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/** B Provisioning: boot, device model, reports, reset, registration gate, network profile. */
class ProvisioningTest extends CsmsCase {

    private static JsonObject variable(String component, String variable) {
        return Json.obj("component", Json.obj("name", component), "variable", Json.obj("name", variable));
    }

    private static JsonObject getResult(JsonObject data, String value) {
        JsonObject r = Json.obj("attributeStatus", "Accepted", "component", data.get("component"), "variable",
                data.get("variable"));
        r.addProperty("attributeValue", value);
        return r;
    }

    /** Answers a GetVariables call with every requested variable Accepted, value "1". */
    private static JsonObject allAccepted(JsonObject request) {
        JsonArray results = new JsonArray();
        request.getAsJsonArray("getVariableData").forEach(d -> results.add(getResult(d.getAsJsonObject(), "1")));
        return Json.obj("getVariableResult", results);
    }

    private static JsonObject setAccepted(JsonObject request) {
        JsonArray results = new JsonArray();
        request.getAsJsonArray("setVariableData").forEach(d -> results.add(Json.obj("attributeStatus", "Accepted",
                "component", d.getAsJsonObject().get("component"), "variable", d.getAsJsonObject().get("variable"))));
        return Json.obj("setVariableResult", results);
    }

    /** A NotifyReport part with one read-write variable. */
    static JsonObject notifyReport(int requestId, int seqNo, boolean tbc, String component, String variable,
                                   String value) {
        JsonObject report = Json.obj("component", Json.obj("name", component), "variable", Json.obj("name", variable),
                "variableAttribute", Json.arr(Json.obj("type", "Actual", "value", value, "mutability", "ReadWrite")),
                "variableCharacteristics", Json.obj("dataType", "integer", "supportsMonitoring", false));
        return Json.obj("requestId", requestId, "generatedAt", Messages.now(), "seqNo", seqNo, "tbc", tbc,
                "reportData", Json.arr(report));
    }

    /** Cold boot: Accepted with a heartbeat interval and the time; status and heartbeat answered; API shows it. */
    @Test
    void TC_B_01_CSMS() {
        ScriptedStation s = connect(registered("Accepted"), V201);
        JsonObject boot = s.call("BootNotification", Messages.boot("PowerUp"));
        assertEquals("Accepted", Json.str(boot, "status"));
        assertTrue(Json.integer(boot, "interval") > 0, "an Accepted boot carries the heartbeat interval");
        assertEquals(new JsonObject(), s.call("StatusNotification", Messages.statusNotification(1, 1, "Available")));
        assertTrue(Json.has(s.call("Heartbeat", new JsonObject()), "currentTime"));
        JsonObject station = api.get("/api/v1/stations/" + s.id()).expect(200, "station").object();
        assertEquals("Accepted", Json.str(station, "registrationStatus"));
        assertEquals(true, station.get("online").getAsBoolean());
    }

    /**
     * Pending: the CSMS answers Pending, may configure the station meanwhile (here it reads the full inventory,
     * which the station reports), and then ends Pending so the next boot is Accepted. Assumption (the digest has
     * no step table): the CSMS accepts by itself after provisioning, without an operator.
     */
    @Test
    void TC_B_02_CSMS() {
        ScriptedStation s = connect(registered("Pending"), V201);
        JsonObject boot = s.call("BootNotification", Messages.boot("PowerUp"));
        assertEquals("Pending", Json.str(boot, "status"));
        acceptProvisioning(s);
    }

    /** Answers the Pending-time provisioning and expects the CSMS's TriggerMessage(BootNotification), then boots. */
    private static void acceptProvisioning(ScriptedStation s) {
        s.autoAnswer("GetVariables", ProvisioningTest::allAccepted);
        s.autoAnswer("SetVariables", ProvisioningTest::setAccepted);
        ReceivedCall report = s.expectCall("GetBaseReport", any(), "", Duration.ofSeconds(15));
        report.replyStatus("Accepted");
        int requestId = Json.integer(report.payload(), "requestId");
        s.call("NotifyReport", notifyReport(requestId, 0, false, "OCPPCommCtrlr", "HeartbeatInterval", "300"));
        s.expectCall("TriggerMessage", field("requestedMessage", "BootNotification"), "requestedMessage "
                + "BootNotification", Duration.ofSeconds(20)).replyStatus("Accepted");
        assertEquals("Accepted", Json.str(s.call("BootNotification", Messages.boot("Triggered")), "status"),
                "the boot the CSMS triggered after provisioning");
    }

    @Test
    void TC_B_06_CSMS() {
        ScriptedStation s = booted();
        JsonObject request = Json.obj("getVariableData", Json.arr(variable("OCPPCommCtrlr", "HeartbeatInterval")));
        Exchange e = operator(s, "GetVariables", request, p -> p.getAsJsonArray("getVariableData").size() == 1,
                "one getVariableData", Json.obj("getVariableResult", Json.arr(getResult(
                        request.getAsJsonArray("getVariableData").get(0).getAsJsonObject(), "300"))));
        assertEquals("HeartbeatInterval", Json.str(e.payload(), "getVariableData.0.variable.name"));
        assertEquals("300", Json.str(e.reply().body(), "getVariableResult.0.attributeValue"));
    }

    @Test
    void TC_B_07_CSMS() {
        ScriptedStation s = booted();
        JsonObject request = Json.obj("getVariableData", Json.arr(variable("OCPPCommCtrlr", "HeartbeatInterval"),
                variable("AuthCtrlr", "AuthorizeRemoteStart"), variable("TxCtrlr", "EVConnectionTimeOut")));
        ReceivedCall call = null;
        var reply = api.command(s.id(), "GetVariables", request);
        call = s.expectCall("GetVariables", any(), "");
        call.reply(allAccepted(call.payload()));
        assertEquals(3, call.payload().getAsJsonArray("getVariableData").size(), "all three in one request");
        assertEquals(3, BackOffice.await(reply, "GetVariables").expect(200, "GetVariables")
                .object().getAsJsonArray("getVariableResult").size());
    }

    /**
     * The CSMS splits a GetVariables request to stay within the station's ItemsPerMessage[GetVariables]. The
     * station reports its limit (2) in its base report first; then the operator asks for 4 variables.
     */
    @Test
    void TC_B_08_CSMS() {
        ScriptedStation s = booted();
        var base = api.command(s.id(), "GetBaseReport", Json.obj("requestId", 81, "reportBase", "FullInventory"));
        s.expectCall("GetBaseReport").replyStatus("Accepted");
        BackOffice.await(base, "GetBaseReport").expect(200, "GetBaseReport");
        JsonObject report = notifyReport(81, 0, false, "DeviceDataCtrlr", "ItemsPerMessage", "2");
        report.getAsJsonArray("reportData").get(0).getAsJsonObject().getAsJsonObject("variable")
                .addProperty("instance", "GetVariables");
        s.call("NotifyReport", report);
        var reply = api.command(s.id(), "GetVariables", Json.obj("getVariableData", Json.arr(
                variable("OCPPCommCtrlr", "HeartbeatInterval"), variable("AuthCtrlr", "AuthorizeRemoteStart"),
                variable("TxCtrlr", "EVConnectionTimeOut"), variable("TxCtrlr", "StopTxOnInvalidId"))));
        int total = 0;
        while (total < 4) {
            ReceivedCall c = s.expectCall("GetVariables");
            int n = c.payload().getAsJsonArray("getVariableData").size();
            assertTrue(n <= 2, "a GetVariables with " + n + " items breaks ItemsPerMessage 2");
            total += n;
            c.reply(allAccepted(c.payload()));
        }
        BackOffice.await(reply, "GetVariables").expect(200, "GetVariables");
    }

    @Test
    void TC_B_09_CSMS() {
        ScriptedStation s = booted();
        JsonObject data = variable("OCPPCommCtrlr", "HeartbeatInterval");
        data.addProperty("attributeValue", "600");
        Exchange e = operator(s, "SetVariables", Json.obj("setVariableData", Json.arr(data)),
                p -> p.getAsJsonArray("setVariableData").size() == 1, "one setVariableData",
                setAccepted(Json.obj("setVariableData", Json.arr(data))));
        assertEquals("600", Json.str(e.payload(), "setVariableData.0.attributeValue"));
        assertEquals("Accepted", Json.str(e.reply().body(), "setVariableResult.0.attributeStatus"));
    }

    @Test
    void TC_B_10_CSMS() {
        ScriptedStation s = booted();
        JsonObject a = variable("OCPPCommCtrlr", "HeartbeatInterval");
        a.addProperty("attributeValue", "600");
        JsonObject b = variable("TxCtrlr", "EVConnectionTimeOut");
        b.addProperty("attributeValue", "120");
        JsonObject request = Json.obj("setVariableData", Json.arr(a, b));
        Exchange e = operator(s, "SetVariables", request, p -> p.getAsJsonArray("setVariableData").size() == 2,
                "two setVariableData", setAccepted(request));
        assertEquals(2, e.reply().object().getAsJsonArray("setVariableResult").size());
    }

    /** GetBaseReport of one kind: requested, accepted, reported in two parts the CSMS acknowledges. */
    private void baseReport(String reportBase) {
        ScriptedStation s = booted();
        Exchange e = operatorStatus(s, "GetBaseReport", Json.obj("requestId", 12, "reportBase", reportBase),
                field("reportBase", reportBase), "reportBase " + reportBase, "Accepted");
        int requestId = Json.integer(e.payload(), "requestId");
        assertEquals(new JsonObject(), s.call("NotifyReport", notifyReport(requestId, 0, true, "OCPPCommCtrlr",
                "HeartbeatInterval", "300")));
        assertEquals(new JsonObject(), s.call("NotifyReport", notifyReport(requestId, 1, false, "TxCtrlr",
                "EVConnectionTimeOut", "60")));
    }

    @Test
    void TC_B_12_CSMS() {
        baseReport("ConfigurationInventory");
    }

    @Test
    void TC_B_13_CSMS() {
        baseReport("FullInventory");
    }

    @Test
    void TC_B_14_CSMS() {
        baseReport("SummaryInventory");
    }

    @Test
    void TC_B_18_CSMS() {
        ScriptedStation s = booted();
        JsonObject request = Json.obj("requestId", 18, "componentCriteria", Json.arr("Available"),
                "componentVariable", Json.arr(Json.obj("component", Json.obj("name", "EVSE", "evse", Json.obj("id", 1)),
                        "variable", Json.obj("name", "AvailabilityState"))));
        Exchange e = operatorStatus(s, "GetReport", request, p -> Json.has(p, "componentCriteria")
                && Json.has(p, "componentVariable"), "componentCriteria and componentVariable", "Accepted");
        assertEquals(new JsonObject(), s.call("NotifyReport", notifyReport(Json.integer(e.payload(), "requestId"), 0,
                false, "EVSE", "AvailabilityState", "Available")));
    }

    /** Reset of the station without a transaction: OnIdle, accepted, station reboots and is accepted again. */
    @Test
    void TC_B_20_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "Reset", Json.obj("type", "OnIdle"), p -> "OnIdle".equals(Json.str(p, "type"))
                && !Json.has(p, "evseId"), "type OnIdle, no evseId", "Accepted");
        rebooted(s, "RemoteReset");
    }

    /** OnIdle with a transaction: Scheduled; the transaction ends (ResetCommand) before the reboot. */
    @Test
    void TC_B_21_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        operatorStatus(s, "Reset", Json.obj("type", "OnIdle"), field("type", "OnIdle"), "type OnIdle", "Scheduled");
        s.call("TransactionEvent", tx.ended("StopAuthorized", "EVConnected", "Local"));
        rebooted(s, "ScheduledReset");
    }

    /** Immediate with a transaction: the station ends it (ImmediateReset) and reboots. */
    @Test
    void TC_B_22_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        operatorStatus(s, "Reset", Json.obj("type", "Immediate"), field("type", "Immediate"), "type Immediate",
                "Accepted");
        s.call("TransactionEvent", tx.ended("ResetCommand", "EVConnected", "ImmediateReset"));
        ScriptedStation again = rebooted(s, "RemoteReset");
        assertEquals("ENDED", transactionState(again.id(), tx.id()));
    }

    String transactionState(String stationId, String transactionId) {
        return Json.str(api.get("/api/v1/stations/" + stationId + "/transactions/" + transactionId)
                .expect(200, "transaction " + transactionId).object(), "state");
    }

    @Test
    void TC_B_25_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "Reset", Json.obj("type", "OnIdle", "evseId", 1), field("evseId", 1), "evseId 1",
                "Accepted");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Unavailable"));
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
    }

    @Test
    void TC_B_26_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        operatorStatus(s, "Reset", Json.obj("type", "OnIdle", "evseId", 1), field("evseId", 1), "evseId 1",
                "Scheduled");
        s.call("TransactionEvent", tx.ended("StopAuthorized", "EVConnected", "Local"));
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
    }

    @Test
    void TC_B_27_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        operatorStatus(s, "Reset", Json.obj("type", "Immediate", "evseId", 1), p -> Json.integer(p, "evseId") == 1
                && "Immediate".equals(Json.str(p, "type")), "type Immediate, evseId 1", "Accepted");
        s.call("TransactionEvent", tx.ended("ResetCommand", "EVConnected", "ImmediateReset"));
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
        assertEquals("ENDED", transactionState(s.id(), tx.id()));
    }

    /** Pending or Rejected: any CALL but BootNotification is refused with SecurityError. */
    @Test
    void TC_B_30_CSMS() {
        for (String status : new String[] {"Pending", "Rejected"}) {
            ScriptedStation s = connect(registered(status), V201);
            s.autoAnswerStatus("GetBaseReport", "Rejected");
            assertEquals(status, Json.str(s.call("BootNotification", Messages.boot("PowerUp")), "status"));
            assertEquals("SecurityError", s.callExpectingError("StatusNotification",
                    Messages.statusNotification(1, 1, "Available")).code(), "StatusNotification while " + status);
            assertEquals("SecurityError", s.callExpectingError("Heartbeat", new JsonObject()).code(),
                    "Heartbeat while " + status);
        }
    }

    /** Pending: the CSMS ends it with TriggerMessage(BootNotification); the triggered boot is Accepted. */
    @Test
    void TC_B_31_CSMS() {
        ScriptedStation s = connect(registered("Pending"), V201);
        assertEquals("Pending", Json.str(s.call("BootNotification", Messages.boot("PowerUp")), "status"));
        acceptProvisioning(s);
        assertEquals(new JsonObject(), s.call("StatusNotification", Messages.statusNotification(1, 1,
                "Available")));
    }

    private static JsonObject networkProfile() {
        return Json.obj("configurationSlot", 2, "connectionData", Json.obj("ocppVersion", "OCPP20", "ocppTransport",
                "JSON", "ocppCsmsUrl", "wss://csms.example.com/ocpp", "messageTimeout", 30, "securityProfile", 2,
                "ocppInterface", "Wired0"));
    }

    @Test
    void TC_B_42_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "SetNetworkProfile", networkProfile(), p -> Json.integer(p, "configurationSlot") == 2,
                "configurationSlot 2", "Accepted");
    }

    @Test
    void TC_B_44_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "SetNetworkProfile", networkProfile(), any(), "", "Rejected");
    }
}
