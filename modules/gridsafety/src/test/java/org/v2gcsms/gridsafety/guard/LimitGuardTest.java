package org.v2gcsms.gridsafety.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.v2gcsms.gridsafety.preset.GridCodes;

class LimitGuardTest {
    private final GridCodes codes = GridCodes.load(Path.of("../../config/gridcodes"));
    private final Instant now = Instant.parse("2026-11-21T00:00:00Z");
    private final EvseLimits v2x = EvseLimits.v2x(50, 50, 60);
    private final EvseKey cs1 = new EvseKey("cs1", 1);

    LimitGuardTest() throws IOException {}

    private SiteConditions site(double fraction, ClampReason lom) {
        return new SiteConditions("s", Optional.of(codes.withOverrides("ieee1547-cat2",
                Map.of("export-limit-kw", "60"), "t")), 200, 100, 20, 90, fraction, lom);
    }

    @Test
    void trippedSiteGetsNoDischargeAndTheClampIsCountedAndReported() {
        List<LimitGuard.ClampReport> reports = new ArrayList<>();
        LimitGuard guard = new LimitGuard(reports::add);
        var out = guard.guard(site(0, ClampReason.LOSS_OF_MAINS_TRIPPED),
                List.of(new SetpointRequest("cs1", 1, -30, EvseLimits.v2x(50, 50, 60), Requester.API)), now);
        assertEquals(0.0, out.get(0).kw());
        assertEquals(List.of(ClampReason.LOSS_OF_MAINS_TRIPPED), out.get(0).clamps());
        assertEquals(1L, guard.counters().of("s").get(ClampReason.LOSS_OF_MAINS_TRIPPED));
        assertEquals(Map.of(ClampReason.LOSS_OF_MAINS_TRIPPED, 1), reports.get(0).reasons());
    }

    @Test
    void siteExportIsSharedAndRampingCapsEachEvse() {
        LimitGuard guard = new LimitGuard(r -> {});
        var out = guard.guard(site(1, ClampReason.LOSS_OF_MAINS_RAMPING), List.of(
                new SetpointRequest("cs1", 1, -50, EvseLimits.v2x(50, 50, 60), Requester.PLANNER),
                new SetpointRequest("cs2", 1, -50, EvseLimits.v2x(50, 50, 60), Requester.PLANNER)), now);
        assertEquals(-30.0, out.get(0).kw(), 1e-9);
        assertEquals(List.of(ClampReason.SITE_EXPORT_LIMIT), out.get(1).clamps());
        var ramping = new LimitGuard(r -> {}).guard(site(0.2, ClampReason.LOSS_OF_MAINS_RAMPING), List.of(
                new SetpointRequest("cs1", 1, -50, EvseLimits.v2x(50, 50, 60), Requester.OPERATOR)), now);
        assertEquals(-10.0, ramping.get(0).kw(), 1e-9);
        assertEquals(List.of(ClampReason.LOSS_OF_MAINS_RAMPING), ramping.get(0).clamps());
    }

    @Test
    void socWindowAndNoGridCodeStopDischarge() {
        LimitGuard guard = new LimitGuard(r -> {});
        var low = guard.guard(site(1, ClampReason.LOSS_OF_MAINS_RAMPING), List.of(
                new SetpointRequest("cs1", 1, -20, EvseLimits.v2x(50, 50, 15), Requester.PLANNER)), now);
        assertEquals(List.of(ClampReason.SOC_MIN), low.get(0).clamps());
        var none = guard.guard(new SiteConditions("n", Optional.empty(), 100, 100, 20, 90, 1,
                ClampReason.LOSS_OF_MAINS_RAMPING), List.of(
                new SetpointRequest("cs1", 1, -20, EvseLimits.v2x(50, 50, 60), Requester.PLANNER)), now);
        assertEquals(0.0, none.get(0).kw());
        assertEquals(ClampReason.NO_GRID_CODE, none.get(0).clamps().get(0));
    }

    @Test
    void aSetpointTheEvseDidNotTakeStopsCountingAndTheOneBeforeCountsAgain() {
        LimitGuard guard = new LimitGuard(r -> {});
        SiteConditions site = site(1, ClampReason.LOSS_OF_MAINS_RAMPING);
        assertEquals(-50.0, guard.guard(site, List.of(new SetpointRequest("cs1", 1, -50, v2x, Requester.OPERATOR)),
                now).get(0).kw(), 1e-9, "cs1 takes 50 of the site's 60 kW export");
        GuardedSetpoint refused = guard.guard(site, List.of(new SetpointRequest("cs1", 1, 0, v2x, Requester.API)),
                now.plusSeconds(60)).get(0);
        assertEquals(0.0, guard.lastKw("s", cs1));
        guard.notTaken("s", refused);
        assertEquals(-50.0, guard.lastKw("s", cs1), "cs1 still exports");
        var other = guard.guard(site, List.of(new SetpointRequest("cs2", 1, -30, v2x, Requester.PLANNER)),
                now.plusSeconds(120)).get(0);
        assertEquals(-10.0, other.kw(), 1e-9, "only 10 kW of export room left beside cs1");
        assertEquals(List.of(ClampReason.SITE_EXPORT_LIMIT), other.clamps());
    }

    @Test
    void aLateRefusalDoesNotUndoANewerSetpointAndAnEndedSessionFreesItsShare() {
        LimitGuard guard = new LimitGuard(r -> {});
        SiteConditions site = site(1, ClampReason.LOSS_OF_MAINS_RAMPING);
        GuardedSetpoint first = guard.guard(site, List.of(new SetpointRequest("cs1", 1, -20, v2x,
                Requester.OPERATOR)), now).get(0);
        guard.guard(site, List.of(new SetpointRequest("cs1", 1, -40, v2x, Requester.PLANNER)), now.plusSeconds(60));
        guard.notTaken("s", first);
        assertEquals(-40.0, guard.lastKw("s", cs1));

        guard.ended("s", cs1, now.plusSeconds(120));
        assertEquals(0.0, guard.lastKw("s", cs1));
        assertEquals(-50.0, guard.guard(site, List.of(new SetpointRequest("cs2", 1, -50, v2x, Requester.PLANNER)),
                now.plusSeconds(121)).get(0).kw(), 1e-9, "the ended session no longer holds export room");
        // The next session at cs1 ramps from 0 at the end: 1 s at 10 %/s of 50 kW.
        var next = guard.guard(site, List.of(new SetpointRequest("cs1", 1, 20, v2x, Requester.PLANNER)),
                now.plusSeconds(121)).get(0);
        assertEquals(5.0, next.kw(), 1e-9);
        assertEquals(List.of(ClampReason.RAMP), next.clamps());
    }
}
