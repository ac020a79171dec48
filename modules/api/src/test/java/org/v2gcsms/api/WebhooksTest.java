package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhooks against a local HTTP receiver that fails twice, then takes the event. */
class WebhooksTest {
    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        // The receivers are on loopback: allowed here, refused by default (WebhookTargetsTest).
        csms = new ApiFixture(new WebhookPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 5, Duration.ofSeconds(5),
                true));
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    record Received(String body, String signature, String delivery, String event) {}

    @Test
    void aFailingReceiverGetsTheSignedEventAgainWithBackOffUntilItTakesIt() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-CSMS-Signature"),
                    exchange.getRequestHeaders().getFirst("X-CSMS-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-CSMS-Event")));
            arrivals.add(System.nanoTime());
            exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            ApiFixture.Answer registered = csms.post("/api/v1/webhooks", ApiFixture.ADMIN_KEY, "{\"url\":\"" + url
                    + "\",\"secret\":\"0123456789abcdef-secret\",\"eventTypes\":[\"StationBooted\"]}");
            assertEquals(201, registered.status(), registered.text());
            String id = registered.object().get("id").getAsString();
            assertEquals(403, csms.get("/api/v1/webhooks", csms.key(Role.OPERATOR)).status());
            assertEquals("url", csms.post("/api/v1/webhooks", ApiFixture.ADMIN_KEY, "{\"url\":\"file:///etc\"}")
                    .object().get("field").getAsString());

            csms.station("CS-HOOK", "ocpp2.1").closeBlocking();

            Await.until(() -> deliveryState(id).equals("DELIVERED"), Duration.ofSeconds(20), "the delivery");
            assertEquals(3, received.size(), "two failures, then the success; nothing after it");
            Received first = received.get(0);
            assertEquals("StationBooted", first.event());
            JsonObject event = JsonParser.parseString(first.body()).getAsJsonObject();
            assertEquals("CS-HOOK", event.getAsJsonObject("data").get("stationId").getAsString());
            for (Received r : received) {
                assertEquals(first.body(), r.body());
                assertEquals(first.delivery(), r.delivery(), "the same delivery, so the receiver can de-duplicate");
                assertEquals("sha256=" + Webhooks.sign("0123456789abcdef-secret", r.body()), r.signature());
            }
            long firstWait = arrivals.get(1) - arrivals.get(0);
            long secondWait = arrivals.get(2) - arrivals.get(1);
            assertTrue(firstWait >= Duration.ofMillis(50).toNanos(), "first retry waits at least 50 ms");
            assertTrue(secondWait >= Duration.ofMillis(100).toNanos(), "second retry waits at least 100 ms");

            JsonObject log = csms.get("/api/v1/webhooks/" + id + "/deliveries", ApiFixture.ADMIN_KEY).json()
                    .getAsJsonArray().get(0).getAsJsonObject();
            assertEquals(3, log.get("attempts").getAsInt());
            assertEquals(204, log.get("lastStatus").getAsInt());

            assertEquals(204, csms.send("DELETE", "/api/v1/webhooks/" + id, ApiFixture.ADMIN_KEY, null).status());
            assertEquals(404, csms.get("/api/v1/webhooks/" + id + "/deliveries", ApiFixture.ADMIN_KEY).status());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aReceiverThatNeverTakesItEndsFailedAfterTheLastAttempt() throws Exception {
        ApiFixture.Answer registered = csms.post("/api/v1/webhooks", ApiFixture.ADMIN_KEY,
                "{\"url\":\"http://127.0.0.1:1/nobody\",\"eventTypes\":[\"StationDisconnected\"]}");
        String id = registered.object().get("id").getAsString();
        assertTrue(registered.object().get("secret").getAsString().length() >= 32, "a secret is generated");
        csms.station("CS-NOBODY", "ocpp2.0.1").closeBlocking();
        Await.until(() -> deliveryState(id).equals("FAILED"), Duration.ofSeconds(20), "the delivery to give up");
        JsonObject log = csms.get("/api/v1/webhooks/" + id + "/deliveries", ApiFixture.ADMIN_KEY).json()
                .getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(5, log.get("attempts").getAsInt());
        assertTrue(log.get("lastError").getAsString().contains("Connect"), log.toString());
    }

    private static String deliveryState(String webhookId) {
        try {
            JsonArray log = csms.get("/api/v1/webhooks/" + webhookId + "/deliveries", ApiFixture.ADMIN_KEY).json()
                    .getAsJsonArray();
            return log.isEmpty() ? "NONE" : log.get(0).getAsJsonObject().get("state").getAsString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
