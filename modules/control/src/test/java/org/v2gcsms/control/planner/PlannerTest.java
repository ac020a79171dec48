package org.v2gcsms.control.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two EVs, four one-hour steps: optima small enough to check by hand. */
class PlannerTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final double INF = Double.POSITIVE_INFINITY;
    final Planner planner = new Planner();

    static PlanRequest request(double[] base, double[] price, double importKw, double exportKw, Objective o,
                               EvPlanInput... evs) {
        return new PlanRequest("site", T0, Duration.ofHours(1), base, price, price, importKw, exportKw, o,
                List.of(evs));
    }

    static EvPlanInput v2x(String key, double needKwh, int hours, double kw) {
        return new EvPlanInput(key, needKwh, T0.plus(Duration.ofHours(hours)), 50, 100, 20, 100, kw, kw, true, INF);
    }

    static double energy(EvSchedule s) {
        double e = 0;
        for (double p : s.powerKw()) {
            e += p;
        }
        return e;
    }

    @Test
    void chargeOnlyPeakShavingFillsTheValleysToOneLevel() {
        // base 10, 20, 20, 25 kW; A needs 20 kWh in 4 h (20 kW), B 10 kWh in 2 h (10 kW): 30 kWh on 75 kWh of
        // base over 4 h ⇒ the flattest load is 26.25 kW in every hour.
        Plan p = planner.plan(request(new double[] {10, 20, 20, 25}, new double[4], INF, INF, Objective.PEAK,
                EvPlanInput.chargeOnly("A", 20, T0.plus(Duration.ofHours(4)), 20),
                EvPlanInput.chargeOnly("B", 10, T0.plus(Duration.ofHours(2)), 10)));
        assertEquals(Plan.Status.OPTIMAL, p.status());
        assertArrayEquals(new double[] {26.25, 26.25, 26.25, 26.25}, p.siteLoadKw(), 1e-6);
        assertEquals(20, energy(p.ev("A").orElseThrow()), 1e-6);
        assertEquals(10, energy(p.ev("B").orElseThrow()), 1e-6);
        assertEquals(2, p.ev("B").orElseThrow().powerKw().length, "B is planned only while it is there");
    }

    @Test
    void v2gDischargesIntoThePeakAndStillLeavesWithItsEnergy() {
        // base 10, 40, 10, 10; the EV needs 10 kWh, ±20 kW. Charge-only the peak stays 40; with V2G it
        // discharges 20 in hour 2 and charges 10 in the others: 20 kW flat.
        Plan p = planner.plan(request(new double[] {10, 40, 10, 10}, new double[4], INF, INF, Objective.PEAK,
                v2x("V", 10, 4, 20)));
        assertArrayEquals(new double[] {10, -20, 10, 10}, p.ev("V").orElseThrow().powerKw(), 1e-6);
        assertEquals(20, p.peakKw(), 1e-6);

        Plan chargeOnly = planner.plan(request(new double[] {10, 40, 10, 10}, new double[4], INF, INF,
                Objective.PEAK, EvPlanInput.chargeOnly("V", 10, T0.plus(Duration.ofHours(4)), 20)));
        assertEquals(40, chargeOnly.peakKw(), 1e-6);
        assertTrue(chargeOnly.evs().stream().noneMatch(EvSchedule::discharges));
    }

    @Test
    void costObjectiveBuysCheapAndSellsDearWhereExportIsAllowed() {
        // prices 1, 3, 1, 2 with export credited at the same price; need 10 kWh at ±10 kW: charge 10 in both
        // cheap hours, discharge 10 in the dearest: net 10 kWh for 10 + 10 − 30 = −10.
        double[] price = {1, 3, 1, 2};
        Plan p = planner.plan(request(new double[4], price, INF, INF, Objective.COST, v2x("V", 10, 4, 10)));
        assertArrayEquals(new double[] {10, -10, 10, 0}, p.ev("V").orElseThrow().powerKw(), 1e-6);

        // No export allowed at the connection: the discharge can go nowhere, so it just buys 10 kWh cheaply.
        Plan noExport = planner.plan(request(new double[4], price, INF, 0, Objective.COST, v2x("V", 10, 4, 10)));
        double[] q = noExport.ev("V").orElseThrow().powerKw();
        assertEquals(10, q[0] + q[2], 1e-6);
        assertEquals(0, q[1], 1e-6);
        assertEquals(0, q[3], 1e-6);
    }

    @Test
    void siteImportLimitSharesPowerAndReportsTheShortfall() {
        // two EVs needing 20 kWh each in 2 h at 20 kW, connection 15 kW: 30 kWh possible, 10 kWh short.
        Plan p = planner.plan(request(new double[4], new double[4], 15, 0, Objective.PEAK,
                EvPlanInput.chargeOnly("A", 20, T0.plus(Duration.ofHours(2)), 20),
                EvPlanInput.chargeOnly("B", 20, T0.plus(Duration.ofHours(2)), 20)));
        assertEquals(10, p.totalShortfallKwh(), 1e-6);
        for (double v : p.siteLoadKw()) {
            assertTrue(v <= 15 + 1e-6, "site load " + v + " over the 15 kW limit");
        }
    }

    @Test
    void socWindowBoundsDischargeAndThroughputCapBoundsCycling() {
        // SoC 25% of 100 kWh, window from 20%: at most 5 kWh may be discharged before charging.
        EvPlanInput low = new EvPlanInput("L", 10, T0.plus(Duration.ofHours(4)), 25, 100, 20, 100, 20, 20, true, INF);
        Plan p = planner.plan(request(new double[] {10, 10, 10, 10}, new double[4], INF, INF, Objective.PEAK, low));
        double e = 25;
        for (double kw : p.ev("L").orElseThrow().powerKw()) {
            e += kw;
            assertTrue(e >= 20 - 1e-6, "SoC window broken: " + e);
        }
        // With a 2 kWh daily discharge cap, a peak in hour 1 can be shaved by at most 2 kW.
        EvPlanInput capped = new EvPlanInput("C", 10, T0.plus(Duration.ofHours(4)), 50, 100, 20, 100, 20, 20, true, 2);
        Plan q = planner.plan(request(new double[] {10, 40, 10, 10}, new double[4], INF, INF, Objective.PEAK, capped));
        assertEquals(38, q.peakKw(), 1e-6);
    }

    @Test
    void unreachableNeedIsBestEffortWithShortfall() {
        // 50 kWh in 2 h at 10 kW: 20 kWh delivered, 30 kWh reported short.
        Plan p = planner.plan(request(new double[4], new double[4], INF, INF, Objective.PEAK,
                EvPlanInput.chargeOnly("A", 50, T0.plus(Duration.ofHours(2)), 10)));
        assertArrayEquals(new double[] {10, 10}, p.ev("A").orElseThrow().powerKw(), 1e-6);
        assertEquals(30, p.ev("A").orElseThrow().shortfallKwh(), 1e-6);
    }
}
