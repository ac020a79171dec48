package org.v2gcsms.control.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random sites and fleets: limits always kept, needs met when they can be, no discharge where not allowed. */
class PlannerPropertiesTest {
    static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    static final Duration STEP = Duration.ofMinutes(10);
    final Planner planner = new Planner();

    @Test
    void randomInstancesKeepEveryLimit() {
        Random random = new Random(6);
        for (int run = 0; run < 60; run++) {
            int steps = 4 + random.nextInt(9);
            int n = 1 + random.nextInt(12);
            double[] base = new double[steps];
            double[] price = new double[steps];
            for (int t = 0; t < steps; t++) {
                base[t] = 20 + 80 * random.nextDouble();
                price[t] = 50 + 200 * random.nextDouble();
            }
            List<EvPlanInput> evs = new ArrayList<>();
            double maxPossible = 0;
            for (int i = 0; i < n; i++) {
                int stay = 1 + random.nextInt(steps);
                double kw = 7 + 43 * random.nextDouble();
                boolean v2x = random.nextBoolean();
                double need = random.nextDouble() * kw * stay / 6 * (random.nextDouble() < 0.2 ? 1.5 : 0.9);
                evs.add(new EvPlanInput("E" + i, need, T0.plus(STEP.multipliedBy(stay)), 20 + 40 * random.nextDouble(),
                        40 + 40 * random.nextDouble(), 20, 100, kw, v2x ? kw : 0, v2x, Double.POSITIVE_INFINITY));
                maxPossible += kw;
            }
            double importKw = 100 + maxPossible * random.nextDouble();
            Objective objective = List.of(Objective.PEAK, Objective.COST, new Objective(1, 1)).get(run % 3);
            PlanRequest r = new PlanRequest("s", T0, STEP, base, price, price, importKw, 30, objective, evs);
            Plan p = planner.plan(r);

            assertTrue(p.status() == Plan.Status.OPTIMAL, "run " + run + ": " + p.status());
            double[] load = base.clone();
            for (int i = 0; i < n; i++) {
                EvPlanInput ev = evs.get(i);
                EvSchedule s = p.evs().get(i);
                double delivered = 0;
                for (int t = 0; t < s.powerKw().length; t++) {
                    double kw = s.powerKw()[t];
                    assertTrue(kw <= ev.maxChargeKw() + 1e-6, "over the charge limit");
                    assertTrue(kw >= -ev.maxDischargeKw() - 1e-6, "over the discharge limit");
                    if (!ev.dischargeAllowed()) {
                        assertTrue(kw >= -1e-9, "discharge planned for a charge-only EVSE");
                    }
                    assertTrue(T0.plus(STEP.multipliedBy(t)).isBefore(ev.deadline()), "power after departure");
                    delivered += kw / 6;
                    load[t] += kw;
                }
                boolean feasibleAlone = ev.energyNeededKwh() <= ev.maxChargeKw() * s.powerKw().length / 6.0;
                if (feasibleAlone && s.shortfallKwh() == 0) {
                    assertEquals(ev.energyNeededKwh(), delivered, 1e-4, "energy by the deadline");
                }
                assertEquals(ev.energyNeededKwh(), delivered + s.shortfallKwh(), 1e-4, "shortfall accounts for the rest");
            }
            for (int t = 0; t < steps; t++) {
                if (p.siteOverrunKw()[t] == 0) {
                    assertTrue(load[t] <= importKw + 1e-6, "run " + run + ": over the import limit");
                    assertTrue(load[t] >= -30 - 1e-6, "run " + run + ": over the export limit");
                }
            }
            // With a connection wide enough for every EV at full power, any shortfall is the EV's own limit.
            if (importKw >= maxPossible + 100) {
                for (int i = 0; i < n; i++) {
                    EvPlanInput ev = evs.get(i);
                    int stay = p.evs().get(i).powerKw().length;
                    if (ev.energyNeededKwh() <= ev.maxChargeKw() * stay / 6.0 - 1e-6) {
                        assertEquals(0, p.evs().get(i).shortfallKwh(), 1e-6, "feasible need left short");
                    }
                }
            }
        }
    }
}
