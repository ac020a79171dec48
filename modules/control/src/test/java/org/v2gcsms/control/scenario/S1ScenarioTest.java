package org.v2gcsms.control.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.control.planner.Planner;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Tariff;

/** S1's ordering on a reduced day (1,500 sessions instead of ~8,400): same energy, peak and SD falling. */
class S1ScenarioTest {
    static final Path CONFIG = Path.of(System.getProperty("user.dir")).resolve("../../config").normalize();

    @Test
    void peakAndSpreadFallFromCase1ToCase2ToCase3WithEqualEnergy(@TempDir Path out) throws Exception {
        S1Scenario s1 = new S1Scenario(LoadProfile.load(CONFIG.resolve("loads/s1-district.csv")),
                Tariff.load(CONFIG.resolve("tariffs/s1-fast-charging-tou.properties")),
                FleetModel.load(CONFIG.resolve("fleets/s1-korea.csv")), new Planner(),
                new S1Scenario.Options(1_500, 7, new double[] {0.2, 0.4, 0.6}));
        List<LoadCase> cases = s1.run();
        assertEquals(List.of("CASE 1", "CASE 2", "CASE 3-1", "CASE 3-2", "CASE 3-3"),
                cases.stream().map(LoadCase::name).toList());
        for (LoadCase c : cases) {
            assertEquals(cases.getFirst().totalEnergyMwh(), c.totalEnergyMwh(), 1e-6, c.name() + " energy");
        }
        for (int i = 1; i < cases.size(); i++) {
            LoadCase before = cases.get(i - 1);
            LoadCase now = cases.get(i);
            assertTrue(now.peakMwh() < before.peakMwh(), now.name() + " peak " + now.peakMwh() + " not below "
                    + before.name() + " " + before.peakMwh());
            assertTrue(now.sd() < before.sd(), now.name() + " SD not below " + before.name());
        }

        S1Report.write(cases, out, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        List<String> table = Files.readAllLines(out.resolve("table.csv"));
        assertEquals("case,total_energy_mwh,peak_mwh,sd", table.getFirst());
        assertEquals(6, table.size());
        assertTrue(Files.size(out.resolve("load-curves.png")) > 10_000, "plot written");
    }
}
