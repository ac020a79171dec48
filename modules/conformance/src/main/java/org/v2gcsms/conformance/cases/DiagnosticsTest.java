package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;

/** N Diagnostics: logs, customer information, monitoring and the events monitors raise. */
class DiagnosticsTest extends CsmsCase {
    private static JsonObject getLog(String type, int requestId) {
        return Json.obj("logType", type, "requestId", requestId, "log", Json.obj("remoteLocation",
                "https://logs.example.com/upload"));
    }

    private void log(String type, String answer, String... statuses) {
        ScriptedStation s = booted();
        Exchange e = operatorStatus(s, "GetLog", getLog(type, 25), p -> type.equals(Json.str(p, "logType"))
                && Json.has(p, "log.remoteLocation"), "logType " + type + " and a remoteLocation", answer);
        for (String status : statuses) {
            assertEquals(new JsonObject(), s.call("LogStatusNotification", Json.obj("status", status, "requestId",
                    Json.integer(e.payload(), "requestId"))));
        }
    }

    @Test
    void TC_N_25_CSMS() {
        log("DiagnosticsLog", "Accepted", "Uploading", "Uploaded");
    }

    @Test
    void TC_N_34_CSMS() {
        log("DiagnosticsLog", "Rejected");
    }

    @Test
    void TC_N_35_CSMS() {
        log("SecurityLog", "Accepted", "Uploading", "Uploaded");
    }

    /** A second GetLog while uploading: the station cancels the first (AcceptedCanceled, then AcceptedCanceled). */
    @Test
    void TC_N_36_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "GetLog", getLog("DiagnosticsLog", 361), any(), "", "Accepted");
        s.call("LogStatusNotification", Json.obj("status", "Uploading", "requestId", 361));
        operatorStatus(s, "GetLog", getLog("DiagnosticsLog", 362), any(), "", "AcceptedCanceled");
        s.call("LogStatusNotification", Json.obj("status", "AcceptedCanceled", "requestId", 361));
        s.call("LogStatusNotification", Json.obj("status", "Uploaded", "requestId", 362));
    }

    /** CustomerInformation through the generic call; the station answers, then reports (or not). */
    private void customer(JsonObject request, String answer, boolean withData) {
        ScriptedStation s = booted();
        request.addProperty("requestId", 27);
        operatorStatus(s, "CustomerInformation", request, p -> p.get("report").equals(request.get("report"))
                && p.get("clear").equals(request.get("clear")), "report " + request.get("report") + ", clear "
                + request.get("clear"), answer);
        if (request.get("report").getAsBoolean() && answer.equals("Accepted")) {
            assertEquals(new JsonObject(), s.call("NotifyCustomerInformation", Json.obj("data", withData
                    ? "token seen at EVSE 1, 3 sessions" : "", "seqNo", 0, "generatedAt", Messages.now(), "requestId",
                    27, "tbc", false)));
        }
    }

    private JsonObject byToken(boolean report, boolean clear) {
        return Json.obj("report", report, "clear", clear, "idToken", Messages.idToken(acceptedToken(), "ISO14443"));
    }

    @Test
    void TC_N_27_CSMS() {
        customer(byToken(true, false), "Accepted", true);
    }

    @Test
    void TC_N_28_CSMS() {
        customer(byToken(true, false), "Accepted", false);
    }

    @Test
    void TC_N_29_CSMS() {
        customer(byToken(true, false), "Rejected", false);
    }

    @Test
    void TC_N_30_CSMS() {
        customer(byToken(true, true), "Accepted", true);
    }

    @Test
    void TC_N_31_CSMS() {
        customer(byToken(true, true), "Accepted", false);
    }

    @Test
    void TC_N_32_CSMS() {
        customer(byToken(false, true), "Accepted", false);
    }

    /** Clearing a customer's data also removes their token from the station's local list. */
    @Test
    void TC_N_46_CSMS() {
        ScriptedStation s = booted();
        String token = acceptedToken();
        operatorStatus(s, "SendLocalList", Json.obj("versionNumber", 46, "updateType", "Full",
                "localAuthorizationList", Json.arr(Json.obj("idToken", Messages.idToken(token, "ISO14443"),
                        "idTokenInfo", Json.obj("status", "Accepted")))), any(), "", "Accepted");
        operatorStatus(s, "CustomerInformation", Json.obj("requestId", 46, "report", false, "clear", true, "idToken",
                Messages.idToken(token, "ISO14443")), field("clear", true), "clear true", "Accepted");
    }

    @Test
    void TC_N_62_CSMS() {
        customer(Json.obj("report", true, "clear", true, "customerIdentifier", "CUST-0042"), "Accepted", true);
    }

    @Test
    void TC_N_63_CSMS() {
        customer(Json.obj("report", true, "clear", true, "customerCertificate", Certificates.hashData()), "Accepted",
                true);
    }

    // ---- monitoring (Advanced Device Management) ----

    private void monitoringReport(JsonObject request) {
        ScriptedStation s = booted();
        request.addProperty("requestId", 1);
        Exchange e = operatorStatus(s, "GetMonitoringReport", request, any(), "", "Accepted");
        JsonObject monitor = Json.obj("component", Json.obj("name", "EVSE", "evse", Json.obj("id", 1)), "variable",
                Json.obj("name", "Power"), "variableMonitoring", Json.arr(Json.obj("id", 1, "transaction", false,
                        "value", 22000, "type", "UpperThreshold", "severity", 4)));
        assertEquals(new JsonObject(), s.call("NotifyMonitoringReport", Json.obj("requestId", Json.integer(
                e.payload(), "requestId"), "seqNo", 0, "generatedAt", Messages.now(), "tbc", false, "monitor",
                Json.arr(monitor))));
    }

    private static JsonObject componentVariable() {
        return Json.obj("component", Json.obj("name", "EVSE", "evse", Json.obj("id", 1)), "variable",
                Json.obj("name", "Power"));
    }

    @Test
    void TC_N_01_CSMS() {
        monitoringReport(Json.obj("monitoringCriteria", Json.arr("ThresholdMonitoring")));
    }

    @Test
    void TC_N_02_CSMS() {
        monitoringReport(Json.obj("componentVariable", Json.arr(componentVariable())));
    }

    @Test
    void TC_N_03_CSMS() {
        monitoringReport(Json.obj("monitoringCriteria", Json.arr("DeltaMonitoring"), "componentVariable",
                Json.arr(componentVariable())));
    }

    @Test
    void TC_N_47_CSMS() {
        monitoringReport(new JsonObject());
    }

    @Test
    void TC_N_60_CSMS() {
        monitoringReport(Json.obj("monitoringCriteria", Json.arr("ThresholdMonitoring", "PeriodicMonitoring"),
                "componentVariable", Json.arr(Json.obj("component", Json.obj("name", "EVSE")))));
    }

    @Test
    void TC_N_05_CSMS() {
        operatorStatus(booted(), "SetMonitoringBase", Json.obj("monitoringBase", "FactoryDefault"),
                field("monitoringBase", "FactoryDefault"), "monitoringBase FactoryDefault", "Accepted");
    }

    private static JsonObject monitor(String type, double value) {
        JsonObject m = componentVariable();
        m.addProperty("value", value);
        m.addProperty("type", type);
        m.addProperty("severity", 5);
        return m;
    }

    private void setMonitoring(JsonObject... monitors) {
        ScriptedStation s = booted();
        var data = Json.arr((Object[]) monitors);
        var results = new com.google.gson.JsonArray();
        for (JsonObject m : monitors) {
            results.add(Json.obj("id", results.size() + 1, "status", "Accepted", "type", m.get("type"), "severity", 5,
                    "component", m.get("component"), "variable", m.get("variable")));
        }
        Exchange e = operator(s, "SetVariableMonitoring", Json.obj("setMonitoringData", data),
                p -> p.getAsJsonArray("setMonitoringData").size() == monitors.length, monitors.length + " monitors",
                Json.obj("setMonitoringResult", results));
        assertEquals(monitors.length, e.reply().object().getAsJsonArray("setMonitoringResult").size());
    }

    @Test
    void TC_N_08_CSMS() {
        setMonitoring(monitor("UpperThreshold", 22000));
    }

    @Test
    void TC_N_09_CSMS() {
        setMonitoring(monitor("UpperThreshold", 22000), monitor("LowerThreshold", 100), monitor("Delta", 500));
    }

    @Test
    void TC_N_16_CSMS() {
        operatorStatus(booted(), "SetMonitoringLevel", Json.obj("severity", 4), field("severity", 4), "severity 4",
                "Accepted");
    }

    /** Out of range: the station rejects a level it cannot use. */
    @Test
    void TC_N_17_CSMS() {
        operatorStatus(booted(), "SetMonitoringLevel", Json.obj("severity", 9), field("severity", 9), "severity 9",
                "Rejected");
    }

    private void clearMonitoring(String status) {
        ScriptedStation s = booted();
        Exchange e = operator(s, "ClearVariableMonitoring", Json.obj("id", Json.arr(1, 2)),
                p -> p.getAsJsonArray("id").size() == 2, "ids 1 and 2", Json.obj("clearMonitoringResult", Json.arr(
                        Json.obj("status", status, "id", 1), Json.obj("status", status, "id", 2))));
        assertEquals(status, Json.str(e.reply().body(), "clearMonitoringResult.0.status"));
    }

    @Test
    void TC_N_18_CSMS() {
        clearMonitoring("NotFound");
    }

    @Test
    void TC_N_44_CSMS() {
        clearMonitoring("Rejected");
    }

    private void alert(String trigger, String component, String variable, String value) {
        ScriptedStation s = booted();
        JsonObject event = Messages.event(7, trigger, component, variable, value);
        assertEquals(new JsonObject(), s.call("NotifyEvent", Messages.notifyEvent(0, event)));
        JsonObject cleared = Messages.event(8, trigger, component, variable, value);
        cleared.addProperty("cleared", true);
        assertEquals(new JsonObject(), s.call("NotifyEvent", Messages.notifyEvent(1, cleared)));
    }

    @Test
    void TC_N_21_CSMS() {
        alert("Alerting", "ChargingStation", "Problem", "true");
    }

    @Test
    void TC_N_48_CSMS() {
        alert("Alerting", "SecurityCtrlr", "BasicAuthPassword", "");
    }

    @Test
    void TC_N_49_CSMS() {
        ScriptedStation s = booted();
        s = rebooted(s, "PowerUp");
        JsonObject event = Messages.event(9, "Alerting", "EVSE", "Power", "23000");
        assertEquals(new JsonObject(), s.call("NotifyEvent", Messages.notifyEvent(0, event)));
    }

    @Test
    void TC_N_50_CSMS() {
        alert("Periodic", "EVSE", "Power", "7000");
    }

    @Test
    void TC_N_24_CSMS() {
        ScriptedStation s = booted();
        for (int i = 0; i < 3; i++) {
            assertEquals(new JsonObject(), s.call("NotifyEvent", Messages.notifyEvent(i, Messages.event(100 + i,
                    "Periodic", "EVSE", "Power", String.valueOf(7000 + i)))));
        }
    }
}
