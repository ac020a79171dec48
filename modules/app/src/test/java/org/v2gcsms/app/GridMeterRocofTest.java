package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.api.TestStation;
import org.v2gcsms.store.ManualClock;

/**
 * Loss of mains by RoCoF, end to end: the composed CSMS on a hand-moved clock, a site whose designated grid meter
 * (an OCPP 2.0.1 station) reports Frequency in MeterValues, and two OCPP 2.1 V2X stations. Under IEEE 1547 Cat II
 * (site default 1 Hz/s for 0.5 s) a frequency swinging faster than that for longer than the delay trips the site;
 * slower swings, a faster swing shorter than the delay, and the same fast swing from a station that is not the grid
 * meter do not. Each reading is handled before its MeterValues is answered, so the state is checked right after.
 */
class GridMeterRocofTest {
    private static final String KEY = "rocof-test-admin-key-0123456789";
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}";
    private static final Duration PERIOD = Duration.ofMillis(200);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void aFrequencySwingFasterThanTheRocofThresholdForLongerThanTheDelayTripsTheSite(@TempDir Path dir)
            throws Exception {
        Path config = SiteConfigDir.create(dir.resolve("config"));
        SiteConfigDir.site(config, "R", "stations=R-*\nimport-limit-kw=500\nexport-limit-kw=400\ngrid-code=ieee1547-cat2");
        SiteConfigDir.gridSafety(config, "R", "grid-meter = R-METER\noverride.export-limit-kw = 400");
        try (Csms csms = Csms.start(CsmsSettings.local(0, dir.resolve("data")).withConfigDir(config)
                .withAdminApiKey(KEY).withMaxMessagesPerSecond(1000), clock, Duration.ofMillis(50))) {
            TestStation v2x1 = v2xStation(csms, "R-1");
            TestStation v2x2 = v2xStation(csms, "R-2");
            TestStation meter = TestStation.connect(csms.ocppUrl(), "R-METER", "ocpp2.0.1");
            meter.ok("BootNotification", BOOT);

            // Below the threshold: 0.15 Hz every 0.2 s is 0.75 Hz/s, for 2 s.
            for (int i = 0; i < 10; i++) {
                frequency(meter, i % 2 == 0 ? 60.0 : 60.15);
            }
            // Above it (1.5 Hz/s) but only for 0.2 s, then steady.
            frequency(meter, 60.0);
            frequency(meter, 60.3);
            frequency(meter, 60.3);
            frequency(meter, 60.3);
            // Above it for longer than the delay, but from a station that is not the grid meter.
            for (int i = 0; i < 6; i++) {
                frequency(v2x1, i % 2 == 0 ? 60.0 : 60.3);
            }
            frequency(meter, 60.0);
            csms.gridSafety().tick();
            JsonObject normal = lossOfMains(csms);
            assertEquals("NORMAL", normal.get("state").getAsString(), normal.toString());
            assertEquals(1.0, normal.get("dischargeAllowedFraction").getAsDouble());

            // The grid meter: 1.5 Hz/s for 0.4 s is inside the delay; the next reading makes it 0.6 s.
            frequency(meter, 60.3);
            frequency(meter, 60.0);
            assertEquals("NORMAL", lossOfMains(csms).get("state").getAsString(), "0.4 s < the 0.5 s delay");
            frequency(meter, 60.3);

            JsonObject tripped = lossOfMains(csms);
            assertEquals("TRIPPED", tripped.get("state").getAsString(), tripped.toString());
            assertTrue(tripped.get("cause").getAsString().startsWith("RoCoF 1.50 Hz/s above 1.00 Hz/s"),
                    tripped.toString());
            assertEquals(0.0, tripped.get("dischargeAllowedFraction").getAsDouble());
            for (TestStation s : new TestStation[] {v2x1, v2x2}) {
                JsonObject cap = CapRefusedFallbackTest.awaitCap(s);
                assertEquals(0.0, cap.getAsJsonObject("limitMaxDischarge").get("pctMaxDischargePower").getAsDouble());
            }
            GridSafetyFaultTest.await(() -> csms.gridSafety().dischargeSwitch().lastAnswer("R-1").orElse("")
                    .equals("Accepted 0.0 %") && csms.gridSafety().dischargeSwitch().lastAnswer("R-2").orElse("")
                    .equals("Accepted 0.0 %"), "both V2X stations took the zero-discharge cap");
            for (TestStation s : new TestStation[] {v2x1, v2x2, meter}) {
                s.closeBlocking();
            }
        }
    }

    private static TestStation v2xStation(Csms csms, String id) throws Exception {
        TestStation s = TestStation.connect(csms.ocppUrl(), id, "ocpp2.1");
        s.answering("SetDERControl", p -> TestStation.json("{\"status\":\"Accepted\"}"));
        s.answering("GetBaseReport", p -> TestStation.json("{\"status\":\"Rejected\"}"));
        s.ok("BootNotification", BOOT);
        return s;
    }

    /** One Frequency (and nominal Voltage) reading stamped with the clock, which then moves one meter period. */
    private void frequency(TestStation station, double hertz) {
        station.ok("MeterValues", "{\"evseId\":0,\"meterValue\":[{\"timestamp\":\"" + clock.instant()
                + "\",\"sampledValue\":[{\"value\":" + hertz + ",\"measurand\":\"Frequency\"},"
                + "{\"value\":120.0,\"measurand\":\"Voltage\"}]}]}");
        clock.advance(PERIOD);
    }

    private static JsonObject lossOfMains(Csms csms) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI uri = csms.dashboardUrl().resolve("api/v1/sites/R/loss-of-mains");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return JsonParser.parseString(r.body()).getAsJsonObject();
        }
    }
}
