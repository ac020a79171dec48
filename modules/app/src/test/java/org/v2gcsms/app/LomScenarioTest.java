package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./csms scenario lom} on a short timeline (IEEE 1547 Cat II with a 20 s enter-service delay and a 5 %/s
 * ramp): export stops while tripped or waiting, the flap inside the delay restarts the timer, and export comes
 * back no faster than the ramp.
 */
class LomScenarioTest {

    @Test
    void tripFlapAndRampTimeline(@TempDir Path out) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LomScenario.Settings settings = new LomScenario.Settings("ieee1547-cat2", 2, 20, 10,
                Map.of("enter-service.delay-s", "20", "ramp.enter-service-pct-per-s", "5"));
        LomScenario.Result r = new LomScenario(settings, new PrintStream(printed, true)).run(SiteConfigDir.SHIPPED, out);
        String log = printed.toString();

        List<String> csv = Files.readAllLines(out.resolve("timeline.csv"));
        assertEquals("t_s,site_export_kw,state", csv.get(0));
        assertEquals(r.rows().size(), csv.size() - 1);
        for (int i = 0; i < r.rows().size(); i++) {
            assertEquals(i, r.rows().get(i).second(), "one row per simulated second");
        }
        assertTrue(Files.size(out.resolve("timeline.png")) > 0);

        // Discharging before the trip; nothing exported while TRIPPED or WAITING_TO_REENTER.
        assertTrue(r.rows().get(5).exportKw() > 39 && r.rows().get(5).state().equals("NORMAL"), r.rows().get(5) + "\n" + log);
        for (LomScenario.Row row : r.rows()) {
            if (row.state().equals("TRIPPED") || row.state().equals("WAITING_TO_REENTER")) {
                assertEquals(0.0, row.exportKw(), 1e-6, "no export at " + row + "\n" + log);
            }
        }

        // The flap restarted the timer: RAMPING comes a full delay after the restart, not after the first wait.
        LomScenario.Transition firstWait = first(r, "WAITING_TO_REENTER");
        LomScenario.Transition restart = r.transitions().stream()
                .filter(t -> t.from().equals("WAITING_TO_REENTER") && t.second() > firstWait.second())
                .filter(t -> !t.to().equals("RAMPING")).findFirst()
                .orElseThrow(() -> new AssertionError("no restart inside the delay: " + r.transitions() + "\n" + log));
        LomScenario.Transition ramping = first(r, "RAMPING");
        assertTrue(ramping.second() - restart.second() >= 20 - 1.5, r.transitions() + "\n" + log);
        assertTrue(ramping.second() - firstWait.second() > 20 + 5, "the first wait did not count: " + r.transitions());

        // The ramp: export never above 5 %/s of the rated discharge since RAMPING began (1 s of sampling skew).
        for (LomScenario.Row row : r.rows()) {
            if (row.second() >= ramping.second() - 1 && !row.state().equals("NORMAL")) {
                double line = Math.max(0, Math.min(1, 0.05 * (row.second() + 1 - ramping.second()))) * r.ratedKw();
                assertTrue(row.exportKw() <= line + 1e-6, row + " above the ramp line " + line + "\n" + log);
            }
        }
        assertTrue(r.rows().get(r.rows().size() - 1).exportKw() > 39, "export back after recovery: " + log);
        assertTrue(log.contains("NORMAL -> TRIPPED"), log);
    }

    private static LomScenario.Transition first(LomScenario.Result r, String to) {
        return r.transitions().stream().filter(t -> t.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("never " + to + ": " + r.transitions()));
    }
}
