package org.v2gcsms.gridsafety.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.preset.GridCodes;

/**
 * Property: whatever the plan and the state, no setpoint leaves the guard outside its limits. Seeded random
 * plans (1–8 EVSEs, up to 12 steps, partial batches) against random sites, EVs and loss-of-mains states; a
 * failure prints the seed to replay.
 */
class LimitGuardPropertyTest {
    private static final double EPS = 1e-6;
    private final List<GridCode> codes = GridCodes.load(Path.of("../../config/gridcodes")).all();

    LimitGuardPropertyTest() throws IOException {}

    @Test
    void randomPlansAndStatesNeverLeaveTheLimits() {
        long base = 20261121L;
        int checked = 0;
        for (int trial = 0; trial < 400; trial++) {
            long seed = base + trial;
            checked += runTrial(seed);
        }
        assertTrue(checked > 5_000, "exercised " + checked + " setpoints");
    }

    private int runTrial(long seed) {
        Random rnd = new Random(seed);
        Optional<GridCode> code = rnd.nextInt(5) == 0 ? Optional.empty()
                : Optional.of(withExport(codes.get(rnd.nextInt(codes.size())), rnd.nextDouble() * 300));
        double socMin = rnd.nextDouble() * 40;
        double socMax = socMin + rnd.nextDouble() * (100 - socMin);
        double fraction = switch (rnd.nextInt(3)) {
            case 0 -> 0;
            case 1 -> rnd.nextDouble();
            default -> 1;
        };
        ClampReason lom = fraction == 0 ? ClampReason.LOSS_OF_MAINS_TRIPPED : ClampReason.LOSS_OF_MAINS_RAMPING;
        SiteConditions site = new SiteConditions("site", code, rnd.nextDouble() * 400, rnd.nextDouble() * 300, socMin,
                socMax, fraction, lom);
        int n = 1 + rnd.nextInt(8);
        List<EvseLimits> limits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            limits.add(new EvseLimits(rnd.nextDouble() * 100, rnd.nextBoolean() ? rnd.nextDouble() * 100 : 0,
                    rnd.nextBoolean() ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 80,
                    rnd.nextBoolean() ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 80, rnd.nextDouble() * 5,
                    rnd.nextInt(6) == 0 ? Double.NaN : rnd.nextDouble() * 100, rnd.nextInt(4) != 0));
        }
        LimitGuard guard = new LimitGuard(r -> {});
        Instant now = Instant.parse("2026-11-21T00:00:00Z");
        Map<Integer, Double> last = new HashMap<>();
        Map<Integer, Instant> lastAt = new HashMap<>();
        int steps = 1 + rnd.nextInt(12);
        int checked = 0;
        for (int t = 0; t < steps; t++) {
            now = now.plusMillis(rnd.nextInt(4) == 0 ? rnd.nextInt(1000) : rnd.nextInt(600_000));
            List<SetpointRequest> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(4) != 0 || t == 0) {
                    batch.add(new SetpointRequest("cs" + i, 1, (rnd.nextDouble() * 2 - 1) * 150, limits.get(i),
                            Requester.PLANNER));
                }
            }
            List<GuardedSetpoint> out = guard.guard(site, batch, now);
            assertEquals(batch.size(), out.size());
            for (GuardedSetpoint g : out) {
                int i = Integer.parseInt(g.request().stationId().substring(2));
                check(seed, site, limits.get(i), g, last.get(i), lastAt.get(i), now);
                last.put(i, g.kw());
                lastAt.put(i, now);
                checked++;
            }
            double exported = last.values().stream().mapToDouble(v -> Math.max(0, -v)).sum();
            double imported = last.values().stream().mapToDouble(v -> Math.max(0, v)).sum();
            assertTrue(exported <= site.effectiveExportKw() + EPS, "seed " + seed + ": site exports " + exported
                    + " kW over its limit " + site.effectiveExportKw());
            assertTrue(imported <= site.importLimitKw() + EPS, "seed " + seed + ": site imports " + imported
                    + " kW over its limit " + site.importLimitKw());
        }
        return checked;
    }

    /** Every limit, computed here independently of the guard. */
    private static void check(long seed, SiteConditions site, EvseLimits l, GuardedSetpoint g, Double last,
                              Instant lastAt, Instant now) {
        double kw = g.kw();
        String at = "seed " + seed + " " + g.request().key() + " asked " + g.request().kw() + " got " + kw + " "
                + g.clamps() + " with " + l + " and " + site;
        double maxCharge = Math.min(l.chargeRatingKw(), l.evMaxChargeKw());
        if (!Double.isNaN(l.socPercent()) && l.socPercent() >= site.socMaxPercent()) {
            maxCharge = 0;
        }
        maxCharge = Math.min(maxCharge, site.importLimitKw());
        assertTrue(kw <= maxCharge + EPS, "charge over its limit: " + at);
        boolean mayDischarge = l.v2x() && site.gridCode().isPresent() && !Double.isNaN(l.socPercent())
                && l.socPercent() > site.socMinPercent();
        double maxDischarge = !mayDischarge ? 0 : Math.min(Math.min(l.dischargeRatingKw(), l.evMaxDischargeKw()),
                Math.min(site.dischargeFraction() * l.dischargeRatingKw(), site.effectiveExportKw()));
        assertTrue(-kw <= maxDischarge + EPS, "discharge over its limit: " + at);
        if (kw < 0) {
            assertTrue(-kw >= l.evMinDischargeKw() - EPS, "discharge below the EV's minimum: " + at);
        }
        if (site.dischargeFraction() == 0) {
            assertTrue(kw >= 0, "discharge while tripped: " + at);
        }
        if (last != null && site.gridCode().isPresent()) {
            double seconds = (now.toEpochMilli() - lastAt.toEpochMilli()) / 1000.0;
            double step = site.gridCode().get().normalRampPctPerS() / 100
                    * Math.max(l.chargeRatingKw(), l.dischargeRatingKw()) * seconds;
            boolean withinRamp = Math.abs(kw - last) <= step + EPS;
            boolean towardsZero = Math.abs(kw) <= Math.abs(last) + EPS && kw * last >= 0;
            assertTrue(withinRamp || towardsZero, "ramp broken away from zero: last " + last + ", " + at);
        }
        if (Math.abs(kw - g.request().kw()) > EPS) {
            assertTrue(g.clamped(), "changed without a recorded reason: " + at);
        }
    }

    private static GridCode withExport(GridCode c, double kw) {
        return new GridCode(c.id(), c.name(), c.nominalVolts(), c.nominalHertz(), c.voltageTrips(),
                c.frequencyTrips(), c.overVoltage10MinPu(), c.lossOfMains(), c.enterService(),
                c.enterServiceRampPctPerS(), c.normalRampPctPerS(), c.droop(), c.voltVar(), kw);
    }
}
