package org.v2gcsms.app;

import org.v2gcsms.api.TestStation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.devicemodel.ChargingCapabilities;
import org.v2gcsms.sessions.devicemodel.VariableResult;
import org.v2gcsms.sessions.stations.RegistrationStatus;
import org.v2gcsms.sessions.stations.Station;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionState;
import org.v2gcsms.store.DatabaseConfig;
import org.v2gcsms.store.DatabaseTest;

/**
 * Stations over real WebSockets against the whole CSMS (server, domain, store) on H2 and on PostgreSQL.
 */
class StationLifeTest {
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"Acme\","
            + "\"model\":\"V2G-11\",\"serialNumber\":\"SN-1\",\"firmwareVersion\":\"1.2.3\"}}";

    static Csms start(DatabaseConfig db, AutoRegistration autoRegister) throws Exception {
        Path dataDir = Files.createTempDirectory("csms-e2e-");
        return Csms.start(CsmsSettings.local(0, dataDir).withAutoRegister(autoRegister).withMaxMessagesPerSecond(1000)
                .withDatabase(db));
    }

    @DatabaseTest
    void aPendingStationIsProvisionedAcceptedAndChargesWithTwoWayMetering(DatabaseConfig db) throws Exception {
        try (Csms csms = start(db, AutoRegistration.PENDING)) {
            csms.domain().repositories().tokens().save(new TokenRecord("CARD-1", "ISO14443",
                    AuthorizationStatusEnumType.Accepted, null, "FLEET-A"));
            TestStation cs = TestStation.connect(csms.ocppUrl(), "CS-LIFE", "ocpp2.0.1")
                    .answering("GetBaseReport", p -> TestStation.json("{\"status\":\"Accepted\"}"))
                    .answering("SetVariables", p -> setAllAccepted(p))
                    .answering("TriggerMessage", p -> TestStation.json("{\"status\":\"Accepted\"}"));

            assertEquals("Pending", cs.ok("BootNotification", BOOT).get("status").getAsString());
            Object refused = cs.call("StatusNotification", status("Available"));
            assertEquals("SecurityError", assertInstanceOf(TestStation.CallError.class, refused).code());

            int requestId = cs.awaitCall("GetBaseReport").payload().get("requestId").getAsInt();
            cs.ok("NotifyReport", "{\"requestId\":" + requestId + ",\"generatedAt\":\"" + Instant.now()
                    + "\",\"seqNo\":0,\"tbc\":true,\"reportData\":[" + variable("SmartChargingCtrlr", null, "RateUnit",
                    "A,W") + "," + variable("SmartChargingCtrlr", null, "PeriodsPerSchedule", "24") + "]}");
            cs.ok("NotifyReport", "{\"requestId\":" + requestId + ",\"generatedAt\":\"" + Instant.now()
                    + "\",\"seqNo\":1,\"tbc\":false,\"reportData\":[" + variable("Connector", 1, "ConnectorType", "cCCS2")
                    + "," + variable("OCPPCommCtrlr", null, "HeartbeatInterval", "60") + "]}");
            TestStation.IncomingCall set = cs.awaitCall("SetVariables");
            assertEquals("HeartbeatInterval", set.payload().getAsJsonArray("setVariableData").get(0).getAsJsonObject()
                    .getAsJsonObject("variable").get("name").getAsString());
            assertEquals("BootNotification", cs.awaitCall("TriggerMessage").payload().get("requestedMessage")
                    .getAsString());
            assertEquals("Accepted", cs.ok("BootNotification", BOOT.replace("PowerUp", "Triggered"))
                    .get("status").getAsString());

            cs.ok("StatusNotification", status("Occupied"));
            cs.ok("Heartbeat", "{}");
            assertEquals("Accepted", cs.ok("Authorize", "{\"idToken\":{\"idToken\":\"CARD-1\",\"type\":\"ISO14443\"}}")
                    .getAsJsonObject("idTokenInfo").get("status").getAsString());
            assertEquals("Unknown", cs.ok("Authorize", "{\"idToken\":{\"idToken\":\"NOBODY\",\"type\":\"ISO14443\"}}")
                    .getAsJsonObject("idTokenInfo").get("status").getAsString());

            Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
            assertEquals("Accepted", cs.ok("TransactionEvent", txEvent("Started", 0, t0, "Authorized",
                    "EVConnected", ",\"idToken\":{\"idToken\":\"CARD-1\",\"type\":\"ISO14443\"}",
                    meter(t0, 10_000, 0, 35, "Transaction.Begin"))).getAsJsonObject("idTokenInfo").get("status")
                    .getAsString());
            String updated = txEvent("Updated", 1, t0.plusSeconds(600), "MeterValuePeriodic", "Charging", "",
                    meter(t0.plusSeconds(600), 12_000, 500, 48, "Sample.Periodic"));
            cs.ok("TransactionEvent", updated);
            cs.ok("TransactionEvent", updated); // re-sent: the acknowledgement was lost on the way
            cs.ok("TransactionEvent", txEvent("Ended", 2, t0.plusSeconds(1200), "EVDeparted",
                    "Idle\",\"stoppedReason\":\"EVDisconnected", "",
                    meter(t0.plusSeconds(1200), 13_000, 1_500, 52, "Transaction.End")));

            Transaction tx = csms.domain().repositories().transactions().find("CS-LIFE", "TX-LIFE").orElseThrow();
            assertEquals(TransactionState.ENDED, tx.state());
            assertTrue(tx.complete());
            assertEquals(3, tx.eventCount());
            assertEquals(3000.0, tx.importedWh().orElseThrow());
            assertEquals(1500.0, tx.exportedWh().orElseThrow());
            assertEquals(52.0, tx.lastSoc());
            assertEquals("CARD-1", tx.idToken());
            assertEquals(3, csms.domain().repositories().transactions().events("CS-LIFE", "TX-LIFE").size());

            Station station = csms.domain().stations().find("CS-LIFE").orElseThrow();
            assertEquals(RegistrationStatus.ACCEPTED, station.registrationStatus());
            assertEquals("Acme", station.vendor());
            assertEquals("1.2.3", station.firmwareVersion());
            assertTrue(station.online());
            assertEquals(Set.of("1/1"), Set.copyOf(csms.domain().stations().connectors("CS-LIFE").stream()
                    .map(c -> c.evseId() + "/" + c.connectorId()).toList()));
            ChargingCapabilities caps = csms.domain().deviceModel().capabilities("CS-LIFE");
            assertEquals(Set.of("A", "W"), caps.rateUnits());
            assertEquals(Optional.of(24), caps.periodsPerSchedule());
            List<VariableResult> results = csms.domain().repositories().deviceModel().results("CS-LIFE", 10);
            assertEquals("Accepted", results.get(0).status());
            assertEquals(Optional.of(String.valueOf(csms.settings().heartbeatInterval().toSeconds())),
                    csms.domain().deviceModel().value("CS-LIFE", "OCPPCommCtrlr", "HeartbeatInterval", null));

            cs.closeBlocking();
            eventually(() -> !csms.domain().stations().find("CS-LIFE").orElseThrow().online(), "station offline");
        }
    }

    @DatabaseTest
    void seqNoGapsAreResolvedWithGetTransactionStatus(DatabaseConfig db) throws Exception {
        try (Csms csms = start(db, AutoRegistration.ACCEPT)) {
            TestStation cs = TestStation.connect(csms.ocppUrl(), "CS-GAP", "ocpp2.1");
            boolean[] queued = {true};
            cs.answering("GetTransactionStatus", p -> TestStation.json("{\"ongoingIndicator\":true,"
                    + "\"messagesInQueue\":" + queued[0] + "}"));
            cs.ok("BootNotification", BOOT);
            Instant t0 = Instant.parse("2026-11-21T09:00:00Z");

            cs.ok("TransactionEvent", txEvent("Started", 0, t0, "CablePluggedIn", "EVConnected", "",
                    meter(t0, 100, 0, 20, "Transaction.Begin")).replace("TX-LIFE", "TX-GAP"));
            cs.ok("TransactionEvent", txEvent("Updated", 2, t0.plusSeconds(120), "MeterValuePeriodic", "Charging", "",
                    meter(t0.plusSeconds(120), 300, 0, 22, "Sample.Periodic")).replace("TX-LIFE", "TX-GAP"));
            assertEquals("TX-GAP", cs.awaitCall("GetTransactionStatus").payload().get("transactionId").getAsString());
            eventually(() -> tx(csms, "CS-GAP", "TX-GAP").awaitingQueuedEvents(), "transaction waits for queued events");

            cs.ok("TransactionEvent", txEvent("Updated", 1, t0.plusSeconds(60), "MeterValuePeriodic", "Charging", "",
                    meter(t0.plusSeconds(60), 200, 0, 21, "Sample.Periodic")).replace("TX-LIFE", "TX-GAP")
                    .replace("\"seqNo\"", "\"offline\":true,\"seqNo\""));
            Transaction whole = tx(csms, "CS-GAP", "TX-GAP");
            assertTrue(whole.complete());
            assertFalse(whole.awaitingQueuedEvents());

            queued[0] = false;
            cs.ok("TransactionEvent", txEvent("Updated", 5, t0.plusSeconds(300), "MeterValuePeriodic", "Charging", "",
                    meter(t0.plusSeconds(300), 500, 0, 25, "Sample.Periodic")).replace("TX-LIFE", "TX-GAP"));
            cs.awaitCall("GetTransactionStatus");
            eventually(() -> tx(csms, "CS-GAP", "TX-GAP").eventsMissing(), "lost events flagged");
            assertEquals(TransactionState.OPEN, tx(csms, "CS-GAP", "TX-GAP").state(), "still ongoing: not closed");

            // An event of a transaction never seen is acknowledged and recorded.
            cs.ok("TransactionEvent", txEvent("Ended", 9, t0, "EVDeparted", "Idle", "", meter(t0, 1, 0, 1,
                    "Transaction.End")).replace("TX-LIFE", "TX-UNKNOWN"));
            Transaction unknown = tx(csms, "CS-GAP", "TX-UNKNOWN");
            assertFalse(unknown.startSeen());
            assertEquals(TransactionState.ENDED, unknown.state());
            cs.closeBlocking();
        }
    }

    private static Transaction tx(Csms csms, String station, String id) {
        return csms.domain().repositories().transactions().find(station, id).orElseThrow();
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestStation.WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static com.google.gson.JsonObject setAllAccepted(com.google.gson.JsonObject request) {
        com.google.gson.JsonArray results = new com.google.gson.JsonArray();
        for (var d : request.getAsJsonArray("setVariableData")) {
            com.google.gson.JsonObject r = new com.google.gson.JsonObject();
            r.addProperty("attributeStatus", "Accepted");
            r.add("component", d.getAsJsonObject().get("component"));
            r.add("variable", d.getAsJsonObject().get("variable"));
            results.add(r);
        }
        com.google.gson.JsonObject answer = new com.google.gson.JsonObject();
        answer.add("setVariableResult", results);
        return answer;
    }

    private static String status(String connectorStatus) {
        return "{\"timestamp\":\"" + Instant.now() + "\",\"connectorStatus\":\"" + connectorStatus
                + "\",\"evseId\":1,\"connectorId\":1}";
    }

    private static String variable(String component, Integer evse, String variable, String value) {
        String evseJson = evse == null ? "" : ",\"evse\":{\"id\":" + evse + ",\"connectorId\":1}";
        return "{\"component\":{\"name\":\"" + component + "\"" + evseJson + "},\"variable\":{\"name\":\"" + variable
                + "\"},\"variableAttribute\":[{\"type\":\"Actual\",\"value\":\"" + value
                + "\",\"mutability\":\"ReadWrite\"}],\"variableCharacteristics\":{\"dataType\":\"string\","
                + "\"supportsMonitoring\":false}}";
    }

    static String txEvent(String type, int seqNo, Instant at, String trigger, String chargingState, String extra,
                          String meterValue) {
        return "{\"eventType\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"triggerReason\":\"" + trigger
                + "\",\"seqNo\":" + seqNo + ",\"transactionInfo\":{\"transactionId\":\"TX-LIFE\",\"chargingState\":\""
                + chargingState + "\"},\"evse\":{\"id\":1,\"connectorId\":1}" + extra + ",\"meterValue\":["
                + meterValue + "]}";
    }

    /** Import and export registers, SoC, power both ways, per-phase current and voltage, frequency. */
    static String meter(Instant at, double importWh, double exportWh, double soc, String context) {
        String ctx = ",\"context\":\"" + context + "\"";
        return "{\"timestamp\":\"" + at + "\",\"sampledValue\":["
                + "{\"value\":" + importWh + ",\"measurand\":\"Energy.Active.Import.Register\"" + ctx + "},"
                + "{\"value\":" + exportWh / 1000 + ",\"measurand\":\"Energy.Active.Export.Register\"" + ctx
                + ",\"unitOfMeasure\":{\"unit\":\"kWh\"}},"
                + "{\"value\":" + soc + ",\"measurand\":\"SoC\",\"location\":\"EV\"" + ctx
                + ",\"unitOfMeasure\":{\"unit\":\"Percent\"}},"
                + "{\"value\":7400,\"measurand\":\"Power.Active.Import\"" + ctx + ",\"unitOfMeasure\":{\"unit\":\"W\"}},"
                + "{\"value\":0,\"measurand\":\"Power.Active.Export\"" + ctx + ",\"unitOfMeasure\":{\"unit\":\"W\"}},"
                + "{\"value\":16.1,\"measurand\":\"Current.Import\",\"phase\":\"L1\"" + ctx
                + ",\"unitOfMeasure\":{\"unit\":\"A\"}},"
                + "{\"value\":231.2,\"measurand\":\"Voltage\",\"phase\":\"L1-N\"" + ctx
                + ",\"unitOfMeasure\":{\"unit\":\"V\"}},"
                + "{\"value\":50.01,\"measurand\":\"Frequency\"" + ctx + ",\"unitOfMeasure\":{\"unit\":\"Hz\"}}]}";
    }
}
