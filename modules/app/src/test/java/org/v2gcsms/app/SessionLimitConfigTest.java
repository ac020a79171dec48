package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.api.TestStation;
import org.v2gcsms.control.site.SiteConfigException;
import org.v2gcsms.sessions.session.MaxDuration;
import org.v2gcsms.store.ManualClock;

/**
 * Maximum session durations from the config directory, end to end: sites ({@code max-session=} in
 * {@code sites/<id>.properties}) and station groups ({@code station-groups/<id>.properties}) give their limit to
 * the stations they list by pattern, a group winning over its site and a site over {@code --max-session}; OCPP 2.1
 * stations over real WebSockets see it as the transaction's maxTime, and the clock the test moves enforces it.
 */
class SessionLimitConfigTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"Acme\","
            + "\"model\":\"V2G-50\"}}";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);

    private Path config() throws Exception {
        Path config = SiteConfigDir.create(dir.resolve("config"));
        SiteConfigDir.site(config, "depot", "stations=DEPOT-*\nimport-limit-kw=300\nmax-session=30m");
        SiteConfigDir.site(config, "free", "stations=FREE-*\nimport-limit-kw=300\nmax-session=off");
        SiteConfigDir.site(config, "plain", "stations=PLAIN-*\nimport-limit-kw=300");
        group(config, "taxi", "stations=DEPOT-T*\nmax-session=20m");
        group(config, "fleet", "stations=PLAIN-F*\nmax-session=off");
        return config;
    }

    private static void group(Path config, String id, String properties) throws Exception {
        Files.createDirectories(config.resolve("station-groups"));
        Files.writeString(config.resolve("station-groups").resolve(id + ".properties"), properties + "\n");
    }

    private Csms start(Path config) throws Exception {
        return Csms.start(CsmsSettings.local(0, dir.resolve("data")).withConfigDir(config)
                .withMaxSession(MaxDuration.parse("45m"), Duration.ofMinutes(5)), clock, Duration.ofMillis(20));
    }

    @Test
    void eachStationGetsItsGroupsLimitElseItsSitesElseTheDefaultAndOffMeansNone() throws Exception {
        try (Csms csms = start(config())) {
            assertEquals(Optional.of(30L), maxTimeMinutes(csms, "DEPOT-1"), "the site's 30m");
            assertEquals(Optional.of(20L), maxTimeMinutes(csms, "DEPOT-T1"), "the taxi group's 20m over the site's");
            assertEquals(Optional.empty(), maxTimeMinutes(csms, "FREE-1"), "the site's off");
            assertEquals(Optional.of(45L), maxTimeMinutes(csms, "PLAIN-1"), "a site without max-session: the default");
            assertEquals(Optional.empty(), maxTimeMinutes(csms, "PLAIN-F1"), "the fleet group's off over the default");
            assertEquals(Optional.of(45L), maxTimeMinutes(csms, "ELSEWHERE-1"), "no site: the default");

            assertEquals(T0.plus(Duration.ofMinutes(30)), deadline(csms, "DEPOT-1").orElseThrow());
            assertEquals(T0.plus(Duration.ofMinutes(20)), deadline(csms, "DEPOT-T1").orElseThrow());
            assertTrue(deadline(csms, "FREE-1").isEmpty());
            assertTrue(deadline(csms, "PLAIN-F1").isEmpty());
        }
    }

    @Test
    void theGroupsLimitIsEnforcedAtItsDeadline() throws Exception {
        try (Csms csms = start(config())) {
            TestStation taxi = station(csms, "DEPOT-T1");
            started(taxi);
            clock.set(T0.plus(Duration.ofMinutes(20)));
            TestStation.IncomingCall stop = taxi.awaitCall("RequestStopTransaction");
            assertEquals("TX-DEPOT-T1", stop.payload().get("transactionId").getAsString());
            assertEquals(T0.plus(Duration.ofMinutes(20)),
                    csms.domain().sessions().activeAt("DEPOT-T1").getFirst().limitReachedAt());
            taxi.closeBlocking();
        }
    }

    @Test
    void aBadMaxSessionStopsTheStartNamingTheFileAndTheField() throws Exception {
        Path config = config();
        SiteConfigDir.site(config, "depot", "stations=DEPOT-*\nimport-limit-kw=300\nmax-session=forty minutes");
        assertRefused(config, "sites/depot.properties: max-session", "forty minutes");

        SiteConfigDir.site(config, "depot", "stations=DEPOT-*\nimport-limit-kw=300\nmax-session=30m");
        group(config, "taxi", "stations=DEPOT-T*\nmax-session=0s");
        assertRefused(config, "station-groups/taxi.properties: max-session", "0s");

        group(config, "taxi", "stations=DEPOT-T*\nmax-sesion=20m");
        assertRefused(config, "station-groups/taxi.properties: max-sesion", "not a station-group field");

        group(config, "taxi", "max-session=20m");
        assertRefused(config, "station-groups/taxi.properties: stations", "missing");
        assertFalse(Files.exists(dir.resolve("data")), "refused before the database was opened");
    }

    private void assertRefused(Path config, String fileAndField, String problem) {
        SiteConfigException e = assertThrows(SiteConfigException.class, () -> start(config).close());
        assertTrue(e.getMessage().contains(fileAndField), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** Starts a transaction at the station and returns the maxTime its TransactionEventResponse gave, in minutes. */
    private static Optional<Long> maxTimeMinutes(Csms csms, String stationId) throws Exception {
        TestStation cs = station(csms, stationId);
        JsonObject answer = started(cs);
        cs.closeBlocking();
        return Optional.ofNullable(answer.getAsJsonObject("transactionLimit"))
                .map(limit -> Duration.ofSeconds(limit.get("maxTime").getAsLong()).toMinutes());
    }

    private static Optional<Instant> deadline(Csms csms, String stationId) {
        return csms.domain().sessions().activeAt(stationId).getFirst().limitDeadline();
    }

    private static TestStation station(Csms csms, String id) throws Exception {
        TestStation cs = TestStation.connect(csms.ocppUrl(), id, "ocpp2.1")
                .answering("RequestStopTransaction", p -> TestStation.json("{\"status\":\"Accepted\"}"));
        assertEquals("Accepted", cs.ok("BootNotification", BOOT).get("status").getAsString());
        return cs;
    }

    private static JsonObject started(TestStation cs) {
        String tx = "TX-" + cs.getURI().getPath().substring(cs.getURI().getPath().lastIndexOf('/') + 1);
        return cs.ok("TransactionEvent", "{\"eventType\":\"Started\",\"timestamp\":\"" + T0
                + "\",\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\""
                + tx + "\",\"chargingState\":\"EVConnected\"},\"evse\":{\"id\":1,\"connectorId\":1}}");
    }
}
