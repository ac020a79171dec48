package org.v2gcsms.app;

import org.v2gcsms.api.TestStation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.sessions.devicemodel.DeviceVariable;
import org.v2gcsms.sessions.devicemodel.VariableKey;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.session.EndReason;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionEvent;
import org.v2gcsms.sessions.session.SessionKey;
import org.v2gcsms.sessions.session.SessionState;
import org.v2gcsms.store.DatabaseConfig;
import org.v2gcsms.store.DatabaseTest;
import org.v2gcsms.store.ManualClock;

/**
 * The maximum session duration end to end: an OCPP 2.1 station over a real WebSocket, the whole CSMS on H2 and
 * PostgreSQL, and a clock the test moves (the limit watch checks every 20 ms of real time).
 */
class SessionLimitTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"Acme\","
            + "\"model\":\"V2G-50\"}}";

    private final ManualClock clock = new ManualClock(T0);
    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();

    private Csms start(DatabaseConfig db, Path dataDir) throws Exception {
        CsmsSettings settings = CsmsSettings.local(0, dataDir).withCallTimeout(Duration.ofSeconds(3))
                .withMaxMessagesPerSecond(1000).withDatabase(db);
        Csms csms = Csms.start(settings, clock, Duration.ofMillis(20));
        csms.domain().events().subscribe(published::add);
        csms.domain().repositories().tokens().save(new TokenRecord("CARD-1", "ISO14443",
                AuthorizationStatusEnumType.Accepted, null, null));
        return csms;
    }

    private static TestStation station(Csms csms) throws InterruptedException {
        TestStation cs = TestStation.connect(csms.ocppUrl(), "CS-LIM", "ocpp2.1")
                .answering("RequestStopTransaction", p -> TestStation.json("{\"status\":\"Accepted\"}"))
                .answering("SetDisplayMessage", p -> TestStation.json("{\"status\":\"Accepted\"}"));
        assertEquals("Accepted", cs.ok("BootNotification", BOOT).get("status").getAsString());
        return cs;
    }

    @DatabaseTest
    void warnedOnTheDisplayAtThirtyFiveMinutesAndStoppedAtForty(DatabaseConfig db) throws Exception {
        Path dataDir = Files.createTempDirectory("csms-limit-");
        try (Csms csms = start(db, dataDir)) {
            TestStation cs = station(csms);
            csms.domain().repositories().deviceModel().store("CS-LIM", List.of(new DeviceVariable(
                    new VariableKey("DisplayMessageCtrlr", null, VariableKey.NONE, VariableKey.NONE, "Available", null,
                            null), "true", null, null, null, null, null, null, null, null, T0)));

            JsonObject started = cs.ok("TransactionEvent", event("Started", 0, T0, "CablePluggedIn", "EVConnected",
                    ",\"evse\":{\"id\":1,\"connectorId\":1},\"idToken\":{\"idToken\":\"CARD-1\",\"type\":\"ISO14443\"}",
                    30, 10_000));
            assertEquals(2400, started.getAsJsonObject("transactionLimit").get("maxTime").getAsInt());
            clock.set(T0.plusSeconds(600));
            cs.ok("TransactionEvent", event("Updated", 1, T0.plusSeconds(600), "MeterValuePeriodic", "Charging", "",
                    48, 18_000));
            Session running = csms.domain().sessions().activeAt("CS-LIM").getFirst();
            assertEquals(SessionState.CHARGING, running.state());
            assertEquals(48.0, running.soc());
            assertEquals(8_000.0, running.importedWh());

            clock.set(T0.plusSeconds(35 * 60));
            TestStation.IncomingCall display = cs.awaitCall("SetDisplayMessage");
            JsonObject message = display.payload().getAsJsonObject("message");
            assertEquals("TX-L", message.get("transactionId").getAsString());
            assertTrue(message.getAsJsonObject("message").get("content").getAsString().contains("5 min"));

            clock.set(T0.plusSeconds(40 * 60));
            TestStation.IncomingCall stop = cs.awaitCall("RequestStopTransaction");
            assertEquals("TX-L", stop.payload().get("transactionId").getAsString());
            SessionEvent.LimitReached reached = only(SessionEvent.LimitReached.class);
            assertEquals(T0.plusSeconds(40 * 60), reached.deadline());
            assertEquals(T0.plusSeconds(40 * 60), reached.at(), "acted on when the clock read 40:00");

            cs.ok("TransactionEvent", event("Ended", 2, T0.plusSeconds(40 * 60 + 2), "RemoteStop",
                    "EVConnected\",\"stoppedReason\":\"Remote", "", 66, 26_000));
            Session ended = csms.domain().sessions().find(new SessionKey("CS-LIM", "TX-L")).orElseThrow();
            assertEquals(EndReason.MAX_DURATION_REACHED, ended.endReason());
            assertEquals(16_000.0, ended.importedWh());
            assertEquals("MaxDurationReached", only(SessionEvent.SessionEnded.class).endReason());
            cs.closeBlocking();
        }
    }

    @DatabaseTest
    void aCsmsRestartedAfterTheDeadlineStopsTheSessionWhenTheStationIsBack(DatabaseConfig db) throws Exception {
        Path dataDir = Files.createTempDirectory("csms-limit-");
        try (Csms csms = start(db, dataDir)) {
            TestStation cs = station(csms);
            cs.ok("TransactionEvent", event("Started", 0, T0, "CablePluggedIn", "Charging",
                    ",\"evse\":{\"id\":1,\"connectorId\":1}", 50, 0));
            cs.closeBlocking();
        }
        clock.set(T0.plusSeconds(45 * 60)); // the CSMS was down across the 40-minute deadline
        try (Csms csms = start(db, dataDir)) {
            assertEquals(1, csms.domain().sessions().activeAt("CS-LIM").size(), "the session survived the restart");
            TestStation cs = station(csms);
            assertEquals("TX-L", cs.awaitCall("RequestStopTransaction").payload().get("transactionId").getAsString());
            // Found at start-up (published before this test subscribed), acted on once the station was back.
            Session s = csms.domain().sessions().find(new SessionKey("CS-LIM", "TX-L")).orElseThrow();
            assertEquals(T0.plusSeconds(40 * 60), s.limitDeadline().orElseThrow());
            assertEquals(T0.plusSeconds(45 * 60), s.limitReachedAt());
            assertEquals(1, s.stopAttempts());
            cs.closeBlocking();
        }
    }

    private <E> E only(Class<E> type) {
        List<E> found = published.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName() + " in " + published);
        return found.getFirst();
    }

    private static String event(String type, int seqNo, Instant at, String trigger, String chargingState, String extra,
                                double soc, double importWh) {
        return "{\"eventType\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"triggerReason\":\"" + trigger
                + "\",\"seqNo\":" + seqNo + ",\"transactionInfo\":{\"transactionId\":\"TX-L\",\"chargingState\":\""
                + chargingState + "\"}" + extra + ",\"meterValue\":[{\"timestamp\":\"" + at + "\",\"sampledValue\":["
                + "{\"value\":" + soc + ",\"measurand\":\"SoC\",\"location\":\"EV\",\"unitOfMeasure\":{\"unit\":\"Percent\"}},"
                + "{\"value\":" + importWh + ",\"measurand\":\"Energy.Active.Import.Register\"}]}]}";
    }
}
