package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Server-Sent Events stream carries what stations do, as it happens. */
class EventStreamTest {
    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        csms = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    /** One SSE event as read: its type and data. */
    record Sse(String event, JsonObject data) {}

    @Test
    void stationLifeComesThroughTheStreamInOrder() throws Exception {
        String viewer = csms.key(Role.VIEWER);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(csms.base().resolve(
                "/api/v1/events?types=StationConnected,StationBooted,ConnectorStatusChanged,MeterReading,"
                + "TransactionStarted,TransactionEnded,StationDisconnected")).header("Authorization", "Bearer " + viewer)
                .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        assertEquals("retry: 3000", lines.poll(10, TimeUnit.SECONDS), "the stream opens at once");

        TestStation cs = csms.station("CS-SSE", "ocpp2.1");
        cs.ok("StatusNotification", "{\"timestamp\":\"" + Instant.now() + "\",\"connectorStatus\":\"Occupied\","
                + "\"evseId\":1,\"connectorId\":1}");
        Instant t0 = Instant.parse("2026-04-01T10:00:00Z");
        cs.ok("TransactionEvent", Tx.event("Started", "TX-SSE", 0, t0, 100, 0, 11000));
        cs.ok("TransactionEvent", Tx.event("Started", "TX-SSE", 0, t0, 100, 0, 11000)); // re-sent: no second event
        cs.ok("TransactionEvent", Tx.event("Ended", "TX-SSE", 1, t0.plusSeconds(60), 300, 50, 0));
        cs.closeBlocking();

        assertEquals("StationConnected", next(lines).event());
        Sse booted = next(lines);
        assertEquals("StationBooted", booted.event());
        assertEquals("Accepted", booted.data().getAsJsonObject("data").get("registrationStatus").getAsString());
        Sse status = next(lines);
        assertEquals("ConnectorStatusChanged", status.event());
        assertEquals("Occupied", status.data().getAsJsonObject("data").get("status").getAsString());
        Sse reading = next(lines);
        assertEquals("MeterReading", reading.event());
        assertEquals(11000.0, reading.data().getAsJsonObject("data").get("powerImportW").getAsDouble());
        assertEquals("TransactionStarted", next(lines).event());
        assertEquals("MeterReading", next(lines).event(), "the re-sent Started publishes its reading only");
        assertEquals("MeterReading", next(lines).event());
        Sse ended = next(lines);
        assertEquals("TransactionEnded", ended.event());
        assertEquals(200.0, ended.data().getAsJsonObject("data").get("importedWh").getAsDouble());
        assertEquals(50.0, ended.data().getAsJsonObject("data").get("exportedWh").getAsDouble());
        assertEquals("StationDisconnected", next(lines).event());
    }

    @Test
    void theStreamNeedsAKeyAndCanBeFilteredByType() throws Exception {
        assertEquals(401, csms.get("/api/v1/events", null).status());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(csms.base().resolve(
                "/api/v1/events?types=StationDisconnected")).header("X-API-Key", ApiFixture.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        assertEquals("retry: 3000", lines.poll(10, TimeUnit.SECONDS));
        csms.station("CS-FILTER", "ocpp2.0.1").closeBlocking();
        Sse only = next(lines);
        assertEquals("StationDisconnected", only.event());
        assertEquals("CS-FILTER", only.data().getAsJsonObject("data").get("stationId").getAsString());
    }

    /** The next event (comments and ids skipped). */
    private static Sse next(BlockingQueue<Object> lines) throws InterruptedException {
        String event = null;
        while (true) {
            Object line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("No event within 10 s");
            }
            String s = (String) line;
            if (s.startsWith("event: ")) {
                event = s.substring(7);
            } else if (s.startsWith("data: ") && event != null) {
                return new Sse(event, JsonParser.parseString(s.substring(6)).getAsJsonObject());
            }
        }
    }
}
