package org.v2gcsms.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;

/**
 * Drives a 2.0.1 and a bidirectional 2.1 station through everything they send (boot, status, sessions, meter
 * values, charging needs, reports, alarms, answers to each kind of CSMS call) against a real CsmsServer, and
 * checks every frame they put on the wire against the official OCA schemas with an independent validator.
 */
class SentMessagesValidateTest {

    @Test
    void everyFrameBothVersionsSendValidatesAgainstTheOfficialSchemas() throws Exception {
        List<StationSpec> specs = List.of(StationSpec.fastCharger("V201-A", OcppVersion.V201, 2),
                StationSpec.fastCharger("V21-A", OcppVersion.V21, 2));
        OfficialSchemaCheck check = new OfficialSchemaCheck();
        List<String[]> sent = new CopyOnWriteArrayList<>();
        Map<String, OcppVersion> versions = new ConcurrentHashMap<>(Map.of("V201-A", OcppVersion.V201, "V21-A", OcppVersion.V21));
        try (SimulatorHarness h = new SimulatorHarness(new TestCsms(), specs, StationSettings.DEFAULTS, 60,
                SimulatorHarness.noArrivals())) {
            h.simulation.log().traffic((station, outbound, text) -> {
                if (outbound) {
                    sent.add(new String[] {station, text});
                } else {
                    check.received(station, text);
                }
            });
            h.startAndAwaitBoot();
            for (String id : versions.keySet()) {
                exercise(h, id, versions.get(id));
            }
            h.simulation.stop().get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), h.simulation.log().problems(), "no protocol problems");
        }
        Set<String> kinds = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (String[] frame : sent) {
            OfficialSchemaCheck.Result r = check.check(frame[0], versions.get(frame[0]), frame[1]);
            kinds.add(r.payloadName());
            r.errors().forEach(e -> failures.add(r.payloadName() + ": " + e));
        }
        assertEquals(List.of(), failures);
        for (String v : List.of("ocpp2.0.1", "ocpp2.1")) {
            for (String expected : List.of("BootNotificationRequest", "StatusNotificationRequest", "HeartbeatRequest",
                    "AuthorizeRequest", "TransactionEventRequest", "NotifyEVChargingNeedsRequest", "NotifyReportRequest",
                    "MeterValuesRequest", "ReportChargingProfilesRequest", "GetVariablesResponse", "SetVariablesResponse",
                    "GetBaseReportResponse", "GetReportResponse", "SetChargingProfileResponse",
                    "GetChargingProfilesResponse", "GetCompositeScheduleResponse", "ClearChargingProfileResponse",
                    "TriggerMessageResponse", "GetTransactionStatusResponse", "ChangeAvailabilityResponse",
                    "UnlockConnectorResponse", "RequestStartTransactionResponse", "RequestStopTransactionResponse",
                    "DataTransferResponse", "CustomerInformationResponse", "NotifyCustomerInformationRequest",
                    "ResetResponse", "ReserveNowResponse", "GetLogResponse")) {
                assertTrue(kinds.contains(v + " " + expected), "sent " + v + " " + expected + "; sent kinds: " + kinds);
            }
        }
        for (String expected : List.of("ocpp2.0.1 NotifyEventRequest", "ocpp2.1 NotifyDERAlarmRequest",
                "ocpp2.1 SetDERControlResponse", "ocpp2.1 GetDERControlResponse", "ocpp2.1 ReportDERControlRequest",
                "ocpp2.1 ClearDERControlResponse")) {
            assertTrue(kinds.contains(expected), "sent " + expected + "; sent kinds: " + kinds);
        }
    }

    private static void exercise(SimulatorHarness h, String id, OcppVersion version) throws Exception {
        SimulatedStation station = h.simulation.stations().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        assertTrue(station.plugIn(SimulatorHarness.ev("Kona", 0.3, 30)).get(10, TimeUnit.SECONDS));
        TestCsms.Received started = h.csms.await(r -> r.stationId().equals(id) && r.action().equals("TransactionEvent")
                && r.request().toString().contains("eventType=Started"), SimulatorHarness.WAIT);
        String txId = h.csms.stations().protocolVersion(id).orElseThrow() == OcppVersion.V21
                ? ((TransactionEventRequest) started.request()).transactionInfo().transactionId()
                : ((org.v2gcsms.ocpp.v201.TransactionEventRequest) started.request()).transactionInfo().transactionId();
        h.csms.await(TestCsms.action(id, "NotifyEVChargingNeeds"), SimulatorHarness.WAIT);

        h.call(id, "GetBaseReport", "{\"requestId\":1,\"reportBase\":\"FullInventory\"}");
        h.call(id, "GetReport", "{\"requestId\":2,\"componentVariable\":[{\"component\":{\"name\":\"SmartChargingCtrlr\"}}]}");
        h.csms.awaitCount(TestCsms.action(id, "NotifyReport"), 2, SimulatorHarness.WAIT);
        JsonObject get = h.call(id, "GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
                + "\"variable\":{\"name\":\"HeartbeatInterval\"}},{\"component\":{\"name\":\"Nope\"},\"variable\":{\"name\":\"X\"}}]}");
        assertEquals("Accepted", get.getAsJsonArray("getVariableResult").get(0).getAsJsonObject().get("attributeStatus").getAsString());
        assertEquals("UnknownComponent", get.getAsJsonArray("getVariableResult").get(1).getAsJsonObject().get("attributeStatus").getAsString());
        JsonObject set = h.call(id, "SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"20\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
                + "\"variable\":{\"name\":\"HeartbeatInterval\"}},{\"attributeValue\":\"5\",\"component\":{\"name\":\"SmartChargingCtrlr\"},"
                + "\"variable\":{\"name\":\"PeriodsPerSchedule\"}}]}");
        assertEquals("Accepted", set.getAsJsonArray("setVariableResult").get(0).getAsJsonObject().get("attributeStatus").getAsString());
        assertEquals("Rejected", set.getAsJsonArray("setVariableResult").get(1).getAsJsonObject().get("attributeStatus").getAsString());
        h.csms.await(TestCsms.action(id, "Heartbeat"), SimulatorHarness.WAIT);

        String period = version == OcppVersion.V21
                ? "{\"startPeriod\":0,\"limit\":20000,\"setpoint\":-5000,\"dischargeLimit\":-10000,\"operationMode\":\"CentralSetpoint\"}"
                : "{\"startPeriod\":0,\"limit\":20000}";
        JsonObject profile = h.call(id, "SetChargingProfile", "{\"evseId\":1,\"chargingProfile\":{\"id\":7,\"stackLevel\":1,"
                + "\"chargingProfilePurpose\":\"TxProfile\",\"chargingProfileKind\":\"Relative\",\"transactionId\":\"" + txId + "\","
                + "\"chargingSchedule\":[{\"id\":1,\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[" + period + "]}]}}");
        assertEquals("Accepted", profile.get("status").getAsString());
        h.call(id, "GetChargingProfiles", "{\"requestId\":3,\"chargingProfile\":{\"chargingProfilePurpose\":\"TxProfile\"}}");
        h.csms.await(TestCsms.action(id, "ReportChargingProfiles"), SimulatorHarness.WAIT);
        JsonObject composite = h.call(id, "GetCompositeSchedule", "{\"duration\":3600,\"evseId\":1}");
        assertEquals("Accepted", composite.get("status").getAsString());
        h.call(id, "GetCompositeSchedule", "{\"duration\":600,\"evseId\":0,\"chargingRateUnit\":\"A\"}");
        h.call(id, "ClearChargingProfile", "{\"chargingProfileId\":7}");
        for (String trigger : List.of("MeterValues", "StatusNotification", "TransactionEvent", "Heartbeat", "BootNotification",
                "LogStatusNotification", "SignChargingStationCertificate")) {
            h.call(id, "TriggerMessage", "{\"requestedMessage\":\"" + trigger + "\",\"evse\":{\"id\":1}}");
        }
        h.csms.await(TestCsms.action(id, "MeterValues"), SimulatorHarness.WAIT);
        h.call(id, "GetTransactionStatus", "{\"transactionId\":\"" + txId + "\"}");
        h.call(id, "ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":2}}");
        h.call(id, "ChangeAvailability", "{\"operationalStatus\":\"Operative\",\"evse\":{\"id\":2}}");
        h.call(id, "UnlockConnector", "{\"evseId\":1,\"connectorId\":1}");
        JsonObject remote = h.call(id, "RequestStartTransaction", "{\"evseId\":2,\"remoteStartId\":42,"
                + "\"idToken\":{\"idToken\":\"APP1\",\"type\":\"Central\"}}");
        assertEquals("Accepted", remote.get("status").getAsString());
        TestCsms.Received remoteStarted = h.csms.await(r -> r.stationId().equals(id) && r.action().equals("TransactionEvent")
                && r.request().toString().contains("remoteStartId=42"), SimulatorHarness.WAIT);
        JsonObject stop = h.call(id, "RequestStopTransaction", "{\"transactionId\":\"" + txId + "\"}");
        assertEquals("Accepted", stop.get("status").getAsString());
        h.call(id, "DataTransfer", "{\"vendorId\":\"org.example\"}");
        h.call(id, "CustomerInformation", "{\"requestId\":5,\"report\":true,\"clear\":false}");
        h.csms.await(TestCsms.action(id, "NotifyCustomerInformation"), SimulatorHarness.WAIT);
        h.call(id, "ReserveNow", "{\"id\":1,\"expiryDateTime\":\"2030-01-01T00:00:00Z\",\"idToken\":{\"idToken\":\"A\",\"type\":\"Central\"}}");
        h.call(id, "GetLog", "{\"logType\":\"DiagnosticsLog\",\"requestId\":1,\"log\":{\"remoteLocation\":\"ftp://x\"}}");
        if (version == OcppVersion.V21) {
            h.call(id, "SetDERControl", "{\"isDefault\":false,\"controlId\":\"L1\",\"controlType\":\"LimitMaxDischarge\","
                    + "\"limitMaxDischarge\":{\"priority\":0,\"pctMaxDischargePower\":50}}");
            h.call(id, "GetDERControl", "{\"requestId\":9}");
            h.csms.await(TestCsms.action(id, "ReportDERControl"), SimulatorHarness.WAIT);
            h.call(id, "ClearDERControl", "{\"isDefault\":false,\"controlId\":\"L1\"}");
            station.faults().grid(new GridReading(230, 61.5, false), Duration.ofSeconds(30)).get(10, TimeUnit.SECONDS);
            h.csms.await(TestCsms.action(id, "NotifyDERAlarm"), SimulatorHarness.WAIT);
        } else {
            station.faults().grid(new GridReading(190, 60, false), Duration.ofSeconds(30)).get(10, TimeUnit.SECONDS);
            h.csms.await(TestCsms.action(id, "NotifyEvent"), SimulatorHarness.WAIT);
        }
        assertTrue(remoteStarted.request() != null);
        h.call(id, "Reset", "{\"type\":\"OnIdle\"}");
    }
}
