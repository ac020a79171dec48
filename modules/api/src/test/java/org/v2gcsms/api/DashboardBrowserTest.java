package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in headless Chromium (Debian's chromium, driven by playwright-core from npm): it loads, goes
 * live on the event stream, and shows a station, its transaction and the site's import/export power as they
 * happen. The screenshot is kept as target/dashboard.png.
 */
class DashboardBrowserTest {
    private static final Path SCRIPT_DIR = Path.of("src/test/node/dashboard-browser");
    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        csms = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    @Test
    void theDashboardShowsLiveStationsTransactionsAndPower() throws Exception {
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

            TestStation cs = csms.station("CS-DASH", "ocpp2.1");
            cs.ok("StatusNotification", "{\"timestamp\":\"" + Instant.now() + "\",\"connectorStatus\":\"Occupied\","
                    + "\"evseId\":1,\"connectorId\":1}");
            Instant now = Instant.now();
            cs.ok("TransactionEvent", Tx.event("Started", "TX-DASH", 0, now, 1000, 0, 11000));
            cs.ok("MeterValues", "{\"evseId\":2,\"meterValue\":[{\"timestamp\":\"" + now + "\",\"sampledValue\":"
                    + "[{\"value\":-3500,\"measurand\":\"Power.Active.Import\",\"unitOfMeasure\":{\"unit\":\"W\"}}]}]}");
            in.write("GO\n");
            in.close();

            String verdict = out.readLine();
            assertTrue(verdict != null && verdict.startsWith("OK"), "browser check: " + verdict);
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the browser check ends");
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot was kept");
            cs.closeBlocking();
        } finally {
            node.destroy();
        }
    }
}
