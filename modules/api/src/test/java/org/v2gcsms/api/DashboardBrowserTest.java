package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in headless Chromium (Debian's chromium, driven by playwright-core from npm), over a CSMS with a
 * planned and guarded site: it loads, goes live on the event stream, and shows what stations on real WebSockets
 * make happen — sessions with SoC and the minutes left of the 40, the site's power plot (base load, EV import
 * and export), setpoints as dispatched, a loss-of-mains trip and its history. The screenshot is kept as
 * target/dashboard.png.
 */
class DashboardBrowserTest {
    private static final Path SCRIPT_DIR = Path.of("src/test/node/dashboard-browser");
    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        csms = ApiFixture.withSite();
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    @Test
    void theDashboardShowsTheSiteLive() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Debian's chromium is needed (.ci/run installs it)");
        Path screenshot = Path.of("target/dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        String viewer = csms.key(Role.VIEWER);
        Process node = new ProcessBuilder("node", "check.mjs", csms.base() + "/", viewer, screenshot.toString())
                .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8)); Writer in = node.outputWriter()) {
            String ready = out.readLine();
            assertEquals("READY", ready, "the page went live on the event stream");

            // An EV charging at 11 kW, plugged in 22 minutes ago; a V2G EV feeding back 7 kW since 6 minutes.
            TestStation charging = csms.station("CS-DASH", "ocpp2.1").answering("SetChargingProfile",
                    p -> TestStation.json("{\"status\":\"Accepted\"}"));
            Instant plugged = Instant.now().minus(Duration.ofMinutes(22));
            charging.ok("TransactionEvent", Tx.withSoc("Started", "TX-DASH", 0, plugged, 1000, 11000, 35));
            charging.ok("TransactionEvent", Tx.withSoc("Updated", "TX-DASH", 1, Instant.now(), 4900, 11000, 48));
            TestStation v2g = csms.station("CS-V2G", "ocpp2.1").answering("SetChargingProfile",
                    p -> TestStation.json("{\"status\":\"Accepted\"}"));
            v2g.ok("TransactionEvent", Tx.withSoc("Started", "TX-V2G", 0,
                    Instant.now().minus(Duration.ofMinutes(6)), 0, -7000, 72));
            // The grid fails: the site trips (and its history shows it).
            v2g.ok("NotifyDERAlarm", "{\"controlType\":\"LFMustTrip\",\"gridEventFault\":\"UnderFrequency\","
                    + "\"timestamp\":\"" + Instant.now() + "\"}");
            in.write("GO\n");
            in.close();

            String verdict = out.readLine();
            assertTrue(verdict != null && verdict.startsWith("OK "), "browser check: " + verdict);
            JsonObject seen = JsonParser.parseString(verdict.substring(3)).getAsJsonObject();
            assertTrue(seen.get("soc").getAsString().contains("48 %"), seen.toString());
            double left = Double.parseDouble(seen.get("minutesLeft").getAsString().replace(" min", ""));
            assertTrue(left > 16 && left <= 18, "about 18 of the 40 minutes left: " + seen);
            assertEquals("124.0 kW", seen.get("siteLoad").getAsString(), "120 base + 11 in − 7 out: " + seen);
            assertEquals("TRIPPED", seen.get("lossOfMains").getAsString());
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the browser check ends");
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot was kept");
            charging.closeBlocking();
            v2g.closeBlocking();
        } finally {
            node.destroy();
        }
    }
}
