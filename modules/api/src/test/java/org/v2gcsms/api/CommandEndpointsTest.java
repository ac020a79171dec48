package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands through the API to stations on real WebSockets: accepted, rejected, CALLERROR, offline, timeout. */
class CommandEndpointsTest {
    static ApiFixture csms;
    static String operator;
    static String viewer;

    @BeforeAll
    static void start() throws Exception {
        csms = new ApiFixture();
        operator = csms.key(Role.OPERATOR);
        viewer = csms.key(Role.VIEWER);
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    @Test
    void aResetIsAnsweredWithTheStationsAnswerAndLogged() throws Exception {
        TestStation cs = csms.station("CS-RESET", "ocpp2.0.1")
                .answering("Reset", p -> TestStation.json("{\"status\":\"" + ("Immediate".equals(p.get("type")
                        .getAsString()) ? "Accepted" : "Rejected") + "\"}"));
        ApiFixture.Answer accepted = csms.post("/api/v1/stations/CS-RESET/commands/reset", operator,
                "{\"type\":\"Immediate\"}");
        assertEquals(200, accepted.status(), accepted.text());
        assertEquals("Accepted", accepted.object().get("status").getAsString());
        assertEquals("Immediate", cs.awaitCall("Reset").payload().get("type").getAsString());

        ApiFixture.Answer rejected = csms.post("/api/v1/stations/CS-RESET/commands/reset", operator,
                "{\"type\":\"OnIdle\"}");
        assertEquals(200, rejected.status());
        assertEquals("Rejected", rejected.object().get("status").getAsString());

        JsonObject logged = csms.get("/api/v1/stations/CS-RESET/commands", viewer).json().getAsJsonArray().get(0)
                .getAsJsonObject();
        assertEquals("Reset", logged.get("action").getAsString());
        assertEquals("Rejected", logged.get("status").getAsString());
        assertEquals(403, csms.post("/api/v1/stations/CS-RESET/commands/reset", viewer, "{\"type\":\"Immediate\"}")
                .status());
        cs.closeBlocking();
    }

    @Test
    void aCallErrorFromTheStationIs502WithItsCode() throws Exception {
        TestStation cs = csms.station("CS-ERR", "ocpp2.1"); // answers nothing: NotImplemented
        ApiFixture.Answer a = csms.post("/api/v1/stations/CS-ERR/commands/unlock-connector", operator,
                "{\"evseId\":1,\"connectorId\":1}");
        assertEquals(502, a.status(), a.text());
        assertEquals("NotImplemented", a.object().get("ocppErrorCode").getAsString());
        cs.closeBlocking();
    }

    @Test
    void anOfflineStationIs409() throws Exception {
        ApiFixture.Answer a = csms.post("/api/v1/stations/CS-NOWHERE/commands/reset", operator,
                "{\"type\":\"Immediate\"}");
        assertEquals(409, a.status());
        assertTrue(a.object().get("error").getAsString().contains("not connected"));
        assertEquals(409, csms.post("/api/v1/stations/CS-NOWHERE/calls/Reset", operator, "{\"type\":\"Immediate\"}")
                .status());
    }

    @Test
    void aSilentStationIs504AfterTheCallTimeout() throws Exception {
        TestStation cs = csms.station("CS-SILENT", "ocpp2.1").answering("TriggerMessage", p -> null);
        ApiFixture.Answer a = csms.post("/api/v1/stations/CS-SILENT/commands/trigger-message", operator,
                "{\"requestedMessage\":\"Heartbeat\"}");
        assertEquals(504, a.status(), a.text());
        cs.closeBlocking();
    }

    @Test
    void aPayloadBreakingTheSchemaIs422NamingTheField() throws Exception {
        TestStation cs = csms.station("CS-SCHEMA", "ocpp2.1");
        ApiFixture.Answer missing = csms.post("/api/v1/stations/CS-SCHEMA/commands/change-availability", operator,
                "{}");
        assertEquals(422, missing.status());
        assertEquals("operationalStatus", missing.object().get("field").getAsString());
        ApiFixture.Answer wrongType = csms.post("/api/v1/stations/CS-SCHEMA/commands/set-charging-profile", operator,
                "{\"evseId\":\"one\",\"chargingProfile\":{}}");
        assertEquals(422, wrongType.status());
        assertEquals("evseId", wrongType.object().get("field").getAsString());
        ApiFixture.Answer generic = csms.post("/api/v1/stations/CS-SCHEMA/calls/Reset", operator,
                "{\"type\":\"Sometime\"}");
        assertEquals(422, generic.status());
        assertEquals("type", generic.object().get("field").getAsString());
        cs.closeBlocking();
    }

    @Test
    void setVariablesGoThroughTheDeviceModelAndAreAnsweredPerVariable() throws Exception {
        TestStation cs = csms.station("CS-VARS", "ocpp2.0.1").answering("SetVariables", p -> TestStation.json(
                "{\"setVariableResult\":[{\"attributeStatus\":\"Accepted\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
                        + "\"variable\":{\"name\":\"HeartbeatInterval\"}}]}"));
        ApiFixture.Answer a = csms.post("/api/v1/stations/CS-VARS/commands/set-variables", operator,
                "{\"setVariableData\":[{\"attributeValue\":\"30\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
                        + "\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");
        assertEquals(200, a.status(), a.text());
        assertEquals("Accepted", a.object().getAsJsonArray("setVariableResult").get(0).getAsJsonObject()
                .get("attributeStatus").getAsString());
        cs.closeBlocking();
    }

    @Test
    void derControlNeedsOcpp21() throws Exception {
        TestStation v201 = csms.station("CS-V1G", "ocpp2.0.1");
        ApiFixture.Answer a = csms.post("/api/v1/stations/CS-V1G/commands/get-der-control", operator,
                "{\"requestId\":1}");
        assertEquals(409, a.status(), a.text());
        assertTrue(a.object().get("error").getAsString().contains("OCPP 2.1"));
        v201.closeBlocking();

        TestStation v21 = csms.station("CS-V2G", "ocpp2.1").answering("GetDERControl",
                p -> TestStation.json("{\"status\":\"Accepted\"}"));
        ApiFixture.Answer ok = csms.post("/api/v1/stations/CS-V2G/commands/get-der-control", operator,
                "{\"requestId\":1}");
        assertEquals(200, ok.status(), ok.text());
        assertEquals("Accepted", ok.object().get("status").getAsString());
        v21.closeBlocking();
    }

    @Test
    void theGenericCallSendsAnyCsmsActionOfTheStationsVersionAndReturnsItsReply() throws Exception {
        TestStation cs = csms.station("CS-GENERIC", "ocpp2.0.1").answering("GetLocalListVersion",
                p -> TestStation.json("{\"versionNumber\":42}"));
        ApiFixture.Answer a = csms.post("/api/v1/stations/CS-GENERIC/calls/GetLocalListVersion", operator, "{}");
        assertEquals(200, a.status(), a.text());
        assertEquals(42, a.object().get("versionNumber").getAsInt());

        ApiFixture.Answer unknown = csms.post("/api/v1/stations/CS-GENERIC/calls/SetDERControl", operator, "{}");
        assertEquals(404, unknown.status(), "2.0.1 has no SetDERControl");
        assertEquals("action", unknown.object().get("field").getAsString());
        ApiFixture.Answer wrongWay = csms.post("/api/v1/stations/CS-GENERIC/calls/BootNotification", operator, "{}");
        assertEquals(422, wrongWay.status());
        ApiFixture.Answer badResponse = csms.post("/api/v1/stations/CS-GENERIC/calls/ClearCache", operator, "{}");
        assertEquals(502, badResponse.status(), "the test station does not implement ClearCache");
        cs.closeBlocking();
    }

    @Test
    void aRequestStartIsSentInTheStationsVersion() throws Exception {
        TestStation cs = csms.station("CS-START", "ocpp2.0.1").answering("RequestStartTransaction",
                p -> TestStation.json("{\"status\":\"Accepted\"}"));
        ApiFixture.Answer a = csms.post("/api/v1/stations/CS-START/commands/request-start-transaction", operator,
                "{\"evseId\":1,\"remoteStartId\":7,\"idToken\":{\"idToken\":\"CARD-1\",\"type\":\"ISO14443\"}}");
        assertEquals(200, a.status(), a.text());
        assertEquals(7, cs.awaitCall("RequestStartTransaction").payload().get("remoteStartId").getAsInt());
        cs.closeBlocking();
    }
}
