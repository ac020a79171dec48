package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.v2gcsms.server.PasswordHash;

/** Stations, registration, id tokens, transactions and notices over HTTP, with stations on real WebSockets. */
class StationAndTokenEndpointsTest {
    static ApiFixture csms;
    static String viewer;
    static String operator;

    @BeforeAll
    static void start() throws Exception {
        csms = new ApiFixture();
        viewer = csms.key(Role.VIEWER);
        operator = csms.key(Role.OPERATOR);
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    @Test
    void stationsAreListedWithStatusAndOneShowsItsEvsesAndConnectors() throws Exception {
        TestStation cs = csms.station("CS-LIST", "ocpp2.1");
        cs.ok("StatusNotification", "{\"timestamp\":\"" + Instant.now() + "\",\"connectorStatus\":\"Occupied\","
                + "\"evseId\":1,\"connectorId\":1}");

        ApiFixture.Answer list = csms.get("/api/v1/stations", viewer);
        assertEquals(200, list.status());
        JsonObject listed = find(list.json().getAsJsonArray(), "CS-LIST");
        assertTrue(listed.get("online").getAsBoolean());
        assertEquals("ocpp2.1", listed.get("protocol").getAsString());
        assertEquals("Accepted", listed.get("registrationStatus").getAsString());
        assertTrue(listed.has("lastSeen"));

        JsonObject one = csms.get("/api/v1/stations/CS-LIST", viewer).object();
        JsonObject evse = one.getAsJsonArray("evses").get(0).getAsJsonObject();
        assertEquals(1, evse.get("id").getAsInt());
        assertEquals("Occupied", evse.getAsJsonArray("connectors").get(0).getAsJsonObject().get("status").getAsString());

        assertEquals(404, csms.get("/api/v1/stations/NOPE", viewer).status());
        assertEquals(401, csms.get("/api/v1/stations", null).status());
        assertEquals(401, csms.get("/api/v1/stations", "not-a-key").status());
        cs.closeBlocking();
    }

    @Test
    void deviceModelVariablesAndNoticesAreReadable() throws Exception {
        TestStation cs = csms.station("CS-DM", "ocpp2.0.1");
        cs.ok("NotifyReport", "{\"requestId\":1,\"generatedAt\":\"" + Instant.now() + "\",\"seqNo\":0,"
                + "\"reportData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":"
                + "\"HeartbeatInterval\"},\"variableAttribute\":[{\"value\":\"60\"}]}]}");
        cs.ok("SecurityEventNotification", "{\"type\":\"FirmwareUpdated\",\"timestamp\":\"" + Instant.now() + "\"}");

        JsonArray vars = csms.get("/api/v1/stations/CS-DM/variables?component=OCPPCommCtrlr", viewer).json()
                .getAsJsonArray();
        assertEquals("60", vars.get(0).getAsJsonObject().get("value").getAsString());
        JsonArray notices = csms.get("/api/v1/stations/CS-DM/notices?kind=SECURITY_EVENT", viewer).json()
                .getAsJsonArray();
        assertEquals("FirmwareUpdated", notices.get(0).getAsJsonObject().get("type").getAsString());

        ApiFixture.Answer badKind = csms.get("/api/v1/stations/CS-DM/notices?kind=WHATEVER", viewer);
        assertEquals(400, badKind.status());
        assertEquals("kind", badKind.object().get("field").getAsString());
        assertEquals(400, csms.get("/api/v1/stations/CS-DM/notices?since=yesterday", viewer).status());
        cs.closeBlocking();
    }

    @Test
    void registrationStoresAPasswordHashTheStationThenConnectsWith() throws Exception {
        String body = "{\"id\":\"CS-REG\",\"securityProfile\":1,\"password\":\"0123456789abcdefXYZ\","
                + "\"registrationStatus\":\"Pending\"}";
        assertEquals(403, csms.post("/api/v1/stations", operator, body).status());
        ApiFixture.Answer created = csms.post("/api/v1/stations", ApiFixture.ADMIN_KEY, body);
        assertEquals(201, created.status(), created.text());
        assertEquals("Pending", created.object().get("registrationStatus").getAsString());

        String stored = csms.store.repositories().stations().secret("CS-REG").orElseThrow().passwordHash()
                .orElseThrow();
        assertTrue(PasswordHash.parse(stored).matches("0123456789abcdefXYZ"));
        assertFalse(stored.contains("0123456789abcdefXYZ"));

        ApiFixture.Answer shortPassword = csms.post("/api/v1/stations", ApiFixture.ADMIN_KEY,
                "{\"id\":\"CS-REG2\",\"securityProfile\":2,\"password\":\"short\"}");
        assertEquals(400, shortPassword.status());
        assertEquals("password", shortPassword.object().get("field").getAsString());
        ApiFixture.Answer badProfile = csms.post("/api/v1/stations", ApiFixture.ADMIN_KEY,
                "{\"id\":\"CS-REG2\",\"securityProfile\":7,\"password\":\"0123456789abcdefXYZ\"}");
        assertEquals("securityProfile", badProfile.object().get("field").getAsString());

        ApiFixture.Answer accepted = csms.send("PUT", "/api/v1/stations/CS-REG/registration", ApiFixture.ADMIN_KEY,
                "{\"registrationStatus\":\"Accepted\"}");
        assertEquals("Accepted", accepted.object().get("registrationStatus").getAsString());

        JsonArray audit = csms.get("/api/v1/audit?limit=50", ApiFixture.ADMIN_KEY).json().getAsJsonArray();
        boolean audited = false;
        for (var e : audit) {
            JsonObject entry = e.getAsJsonObject();
            if (entry.get("path").getAsString().equals("/api/v1/stations") && entry.get("status").getAsInt() == 201) {
                audited = true;
                assertTrue(entry.get("detail").getAsString().contains("\"password\":\"***\""));
            }
        }
        assertTrue(audited, "the registration is in the audit trail, its password masked");
        assertEquals(403, csms.get("/api/v1/audit", viewer).status());
    }

    @Test
    void idTokensAreCreatedReadChangedAndDeleted() throws Exception {
        String path = "/api/v1/tokens/ISO14443/CARD-7";
        String body = "{\"status\":\"Accepted\",\"expiresAt\":\"2030-01-01T00:00:00Z\",\"groupId\":\"FLEET\"}";
        assertEquals(403, csms.send("PUT", path, operator, body).status());
        assertEquals(201, csms.send("PUT", path, ApiFixture.ADMIN_KEY, body).status());
        JsonObject read = csms.get(path, viewer).object();
        assertEquals("FLEET", read.get("groupId").getAsString());
        assertEquals("2030-01-01T00:00:00Z", read.get("expiresAt").getAsString());
        assertEquals(1, csms.get("/api/v1/tokens?groupId=FLEET", viewer).json().getAsJsonArray().size());

        assertEquals(200, csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{\"status\":\"Blocked\"}").status());
        assertEquals("Blocked", csms.get(path, viewer).object().get("status").getAsString());
        assertEquals(0, csms.get("/api/v1/tokens?groupId=FLEET", viewer).json().getAsJsonArray().size(),
                "a PUT replaces the token: no group any more");

        ApiFixture.Answer badStatus = csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{\"status\":\"Sure\"}");
        assertEquals(400, badStatus.status());
        assertEquals("status", badStatus.object().get("field").getAsString());
        ApiFixture.Answer badExpiry = csms.send("PUT", path, ApiFixture.ADMIN_KEY, "{\"expiresAt\":\"tomorrow\"}");
        assertEquals("expiresAt", badExpiry.object().get("field").getAsString());
        assertEquals("type", csms.get("/api/v1/tokens/Badge/CARD-7", viewer).object().get("field").getAsString());

        assertEquals(204, csms.send("DELETE", path, ApiFixture.ADMIN_KEY, null).status());
        assertEquals(404, csms.get(path, viewer).status());
    }

    @Test
    void transactionsShowActiveAndEndedWithEnergyInAndOutAndCost() throws Exception {
        TestStation cs = csms.station("CS-TX", "ocpp2.1");
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        cs.ok("TransactionEvent", Tx.event("Started", "TX-1", 0, t0, 1000, 500));
        ApiFixture.Answer active = csms.get("/api/v1/transactions?state=OPEN&stationId=CS-TX", viewer);
        assertEquals(1, active.json().getAsJsonArray().size());
        // 1 kWh in at 0.30 EUR: the running cost, in the answer and in the transaction's view.
        assertEquals(0.30, cs.ok("TransactionEvent", Tx.event("Updated", "TX-1", 1, t0.plusSeconds(300), 2000, 500))
                .get("totalCost").getAsDouble());
        JsonObject running = csms.get("/api/v1/stations/CS-TX/transactions/TX-1", viewer).object();
        assertEquals(0.30, running.getAsJsonObject("runningCost").get("amount").getAsDouble());
        assertTrue(running.get("cost") == null || running.get("cost").isJsonNull(), "no final cost yet: " + running);
        // 2.5 kWh in at 0.30, less 1.2 kWh out at 0.10.
        assertEquals(0.63, cs.ok("TransactionEvent", Tx.event("Ended", "TX-1", 2, t0.plusSeconds(600), 3500, 1700))
                .get("totalCost").getAsDouble());

        JsonObject one = csms.get("/api/v1/stations/CS-TX/transactions/TX-1", viewer).object();
        assertEquals("ENDED", one.get("state").getAsString());
        assertEquals(2500.0, one.get("importedWh").getAsDouble());
        assertEquals(1200.0, one.get("exportedWh").getAsDouble());
        assertEquals(9, one.getAsJsonArray("meterValues").size());
        assertEquals(0.63, one.getAsJsonObject("cost").get("amount").getAsDouble());
        assertEquals("EUR", one.getAsJsonObject("cost").get("currency").getAsString());
        assertFalse(one.has("runningCost"));
        assertEquals(0.63, csms.get("/api/v1/transactions?stationId=CS-TX", viewer).json().getAsJsonArray().get(0)
                .getAsJsonObject().getAsJsonObject("cost").get("amount").getAsDouble());

        assertEquals(0, csms.get("/api/v1/transactions?state=OPEN&stationId=CS-TX", viewer).json().getAsJsonArray()
                .size());
        assertEquals(1, csms.get("/api/v1/transactions?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z", viewer)
                .json().getAsJsonArray().size());
        assertEquals(404, csms.get("/api/v1/stations/CS-TX/transactions/TX-NONE", viewer).status());
        assertEquals("state", csms.get("/api/v1/transactions?state=SOMETIMES", viewer).object().get("field")
                .getAsString());
        assertEquals("limit", csms.get("/api/v1/transactions?limit=0", viewer).object().get("field").getAsString());
        cs.closeBlocking();
    }

    @Test
    void keysAreIssuedListedAndRevoked() throws Exception {
        ApiFixture.Answer issued = csms.post("/api/v1/keys", ApiFixture.ADMIN_KEY,
                "{\"name\":\"harness\",\"role\":\"operator\"}");
        assertEquals(201, issued.status());
        String key = issued.object().get("key").getAsString();
        String id = issued.object().get("id").getAsString();
        assertEquals(200, csms.get("/api/v1/stations", key).status());
        assertFalse(csms.get("/api/v1/keys", ApiFixture.ADMIN_KEY).text().contains(key), "keys are never shown again");
        assertEquals(403, csms.get("/api/v1/keys", key).status());
        assertEquals("role", csms.post("/api/v1/keys", ApiFixture.ADMIN_KEY, "{\"name\":\"x\",\"role\":\"root\"}")
                .object().get("field").getAsString());

        assertEquals(200, csms.send("DELETE", "/api/v1/keys/" + id, ApiFixture.ADMIN_KEY, null).status());
        assertEquals(401, csms.get("/api/v1/stations", key).status());
        assertEquals(404, csms.send("DELETE", "/api/v1/keys/nope", ApiFixture.ADMIN_KEY, null).status());
    }

    @Test
    void theXApiKeyHeaderWorksLikeBearer() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(csms.base().resolve("/api/v1/stations"))
                .header("X-API-Key", viewer).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    private static JsonObject find(JsonArray array, String id) {
        for (var e : array) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(id + " not in " + array);
    }
}
