package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.control.dispatch.DispatchRecord;
import org.v2gcsms.gridsafety.lom.LomState;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.simulator.SimulatedStation;

/**
 * {@code ./csms demo} with the shipped configuration: the simulated stations (SIM-0001…) belong to the demo site,
 * so their EVs are planned and dispatched through the grid-safety guard, and the 2.1 stations get the site's
 * grid-code preset pushed as DER controls.
 */
class DemoSitePlannedTest {

    @Test
    void theDemoSiteIsPlannedDispatchedAndSupervised(@TempDir Path dataDir) throws Exception {
        DemoLaunch launch = DemoLaunch.start(dataDir, "--config-dir", "../../config", "--stations", "2",
                "--speed-up", "30", "--arrival-rate", "240", "--progress", "1s");
        DemoCommand.Running running = launch.running();
        Csms csms = running.csms();
        assertEquals("demo", csms.sites().siteOf("SIM-0001").orElseThrow().id());
        assertInstanceOf(LomState.Normal.class, csms.gridSafety().supervisor().site("demo").orElseThrow().state());

        GridSafetyFaultTest.await(() -> csms.controlLoop().currentPlan("demo").map(p -> !p.evs().isEmpty())
                .orElse(false), "a plan with EVs for the demo site");
        GridSafetyFaultTest.await(() -> csms.controlLoop().dispatcher().records().stream()
                .anyMatch(r -> r.outcome() == DispatchRecord.Outcome.SENT), "a profile accepted by a station");
        SimulatedStation v21 = running.simulation().stations().stream()
                .filter(s -> s.spec().version() == OcppVersion.V21).findFirst().orElseThrow();
        GridSafetyFaultTest.await(() -> csms.gridSafety().derControls().of(v21.id())
                .map(d -> d.pushed().containsKey("GetDERControl")).orElse(false), "the preset pushed to " + v21.id());

        assertEquals(0, launch.stop(), launch.output().toString());
        assertTrue(running.simulation().log().problems().isEmpty(), running.simulation().log().problems().toString());
    }
}
