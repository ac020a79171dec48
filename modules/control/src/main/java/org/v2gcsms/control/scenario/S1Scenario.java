package org.v2gcsms.control.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.v2gcsms.control.planner.EvPlanInput;
import org.v2gcsms.control.planner.EvSchedule;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.control.planner.Plan;
import org.v2gcsms.control.planner.PlanRequest;
import org.v2gcsms.control.planner.Planner;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Tariff;

/**
 * S1's case study (KIEE 2020) on a synthetic district: a day of 10-minute steps, fast-charging sessions of
 * exactly 40 minutes (4 steps) at 50 kW chargers, EVs from the S1 fleet mix arriving in an hourly shape typical
 * of public fast chargers, each leaving at 80% SoC.
 * <ul>
 *   <li>CASE 1: each EV's energy spread evenly over its 40 minutes (charge only);</li>
 *   <li>CASE 2: the planner (peak objective, V2G allowed, SoC 20–100%) re-run every step over the EVs present
 *       (rolling horizon), its first step applied;</li>
 *   <li>CASE 3-1/2/3: arrivals moved by S1 (6) under the fast-charging ToU with E = 0.2/0.4/0.6, then planned
 *       as CASE 2.</li>
 * </ul>
 * The same EVs (model, arrival SoC, energy need) appear in every case; only their arrival times move, so the
 * total energy is equal across cases. The day wraps around (a session starting at 23:40 ends at 00:20 of the
 * same day's profile), as a typical day repeats.
 */
public final class S1Scenario {
    public static final int STEPS = 144;
    public static final int SESSION_STEPS = 4;
    public static final double CHARGER_KW = 50;
    public static final double TARGET_SOC = 80;
    /** S1's flat public fast-charging price, KRW/kWh (April 2020): the reference for the ToU price change. */
    public static final double FLAT_PRICE = 173.8;
    private static final Duration STEP = Duration.ofMinutes(10);
    private static final double DT = 1.0 / 6;
    private static final Instant DAY = Instant.parse("2020-04-01T00:00:00Z");

    /**
     * Share of a day's fast-charging sessions starting in each hour (from 00:00): quiet at night, rising with
     * the working day, high from late morning to early evening, as public fast-charger usage is.
     */
    static final double[] FAST_CHARGER_ARRIVALS = {1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4.5, 6.0, 7.0, 7.2,
            6.5, 6.8, 7.0, 7.0, 6.8, 6.5, 6.0, 5.5, 4.8, 3.8, 2.6, 1.7};

    public record Ev(String model, double capacityKwh, double arrivalSoc, double needKwh) {}

    public record Options(int sessions, long seed, double[] elasticities) {
        public static Options defaults() {
            return new Options(8_360, 2020, new double[] {0.2, 0.4, 0.6});
        }
    }

    private final LoadProfile base;
    private final Tariff tou;
    private final List<FleetModel> fleet;
    private final Planner planner;
    private final Options options;

    public S1Scenario(LoadProfile base, Tariff tou, List<FleetModel> fleet, Planner planner, Options options) {
        if (base.kw().length != STEPS && base.kw().length != 24) {
            throw new IllegalArgumentException("S1 needs an hourly or 10-minute base load");
        }
        this.base = base;
        this.tou = tou;
        this.fleet = fleet;
        this.planner = planner;
        this.options = options;
    }

    public List<LoadCase> run() {
        List<Ev> evs = drawFleet();
        double[] baseKw = baseKw();
        int[] exArrivals = arrivals(evs.size(), FAST_CHARGER_ARRIVALS);
        List<LoadCase> cases = new ArrayList<>();
        cases.add(even("CASE 1", baseKw, evs, exArrivals));
        cases.add(planned("CASE 2", baseKw, evs, exArrivals));
        double[] e = options.elasticities();
        for (int i = 0; i < e.length; i++) {
            int[] touArrivals = arrivals(evs.size(), touShares(e[i]));
            cases.add(planned("CASE 3-" + (i + 1), baseKw, evs, touArrivals));
        }
        return cases;
    }

    /** The EVs of the day: model by fleet share, arrival SoC low enough to need charging but within 40 minutes. */
    List<Ev> drawFleet() {
        Random random = new Random(options.seed());
        double sessionMax = CHARGER_KW * SESSION_STEPS * DT;
        List<Ev> evs = new ArrayList<>(options.sessions());
        for (int i = 0; i < options.sessions(); i++) {
            FleetModel m = FleetModel.pick(fleet, random);
            // 90% of a session's most so the 80% target is always reachable, with room left for V2G.
            double lowest = Math.max(10, TARGET_SOC - 90 * sessionMax / m.batteryKwh());
            double soc = lowest + random.nextDouble() * (60 - lowest);
            evs.add(new Ev(m.model(), m.batteryKwh(), soc, (TARGET_SOC - soc) / 100 * m.batteryKwh()));
        }
        return evs;
    }

    double[] baseKw() {
        double[] kw = new double[STEPS];
        int every = STEPS / base.kw().length;
        for (int k = 0; k < STEPS; k++) {
            kw[k] = base.kw()[k / every];
        }
        return kw;
    }

    /**
     * Hourly arrival shares under the ToU tariff by S1 (6): N_tou[h] = N_ex[h] (1 − dC[h] E[h]) with dC the
     * relative price change against the flat price and E[h] = E · mean(N_ex) / N_ex[h] (elasticity inversely
     * proportional to demand, averaging E over the day's sessions); the result is rescaled to the same total.
     */
    double[] touShares(double elasticity) {
        double[] n = FAST_CHARGER_ARRIVALS;
        double mean = java.util.Arrays.stream(n).average().orElseThrow();
        double[] out = new double[24];
        for (int h = 0; h < 24; h++) {
            double dc = (tou.importPrice(h) - FLAT_PRICE) / FLAT_PRICE;
            double eh = elasticity * mean / n[h];
            out[h] = n[h] * Math.max(0, 1 - dc * eh);
        }
        return out;
    }

    /**
     * The start step of each EV: {@code count} sessions apportioned to the hours by {@code shares} (largest
     * remainder), the EVs of an hour spread over its six 10-minute slots in turn.
     */
    static int[] arrivals(int count, double[] shares) {
        double total = java.util.Arrays.stream(shares).sum();
        int[] perHour = new int[24];
        double[] rest = new double[24];
        int given = 0;
        for (int h = 0; h < 24; h++) {
            double exact = count * shares[h] / total;
            perHour[h] = (int) Math.floor(exact);
            rest[h] = exact - perHour[h];
            given += perHour[h];
        }
        while (given < count) {
            int best = 0;
            for (int h = 1; h < 24; h++) {
                if (rest[h] > rest[best]) {
                    best = h;
                }
            }
            perHour[best]++;
            rest[best] = -1;
            given++;
        }
        int[] start = new int[count];
        int i = 0;
        for (int h = 0; h < 24; h++) {
            for (int j = 0; j < perHour[h]; j++) {
                start[i++] = h * 6 + j % 6;
            }
        }
        return start;
    }

    private LoadCase even(String name, double[] baseKw, List<Ev> evs, int[] start) {
        double[] ev = new double[STEPS];
        for (int i = 0; i < evs.size(); i++) {
            double kw = evs.get(i).needKwh() / (SESSION_STEPS * DT);
            for (int s = 0; s < SESSION_STEPS; s++) {
                ev[(start[i] + s) % STEPS] += kw;
            }
        }
        return loadCase(name, baseKw, ev);
    }

    private LoadCase planned(String name, double[] baseKw, List<Ev> evs, int[] start) {
        double[] ev = new double[STEPS];
        double[] delivered = new double[evs.size()];
        // Sessions still open at midnight wrap to the day's start: run the day once past its end for them.
        for (int k = 0; k < STEPS + SESSION_STEPS - 1; k++) {
            Instant now = DAY.plus(STEP.multipliedBy(k));
            List<EvPlanInput> present = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < evs.size(); i++) {
                int elapsed = k - start[i];
                if (elapsed >= 0 && elapsed < SESSION_STEPS) {
                    Ev e = evs.get(i);
                    double energy = e.arrivalSoc() / 100 * e.capacityKwh() + delivered[i];
                    present.add(new EvPlanInput("ev-" + i, e.needKwh() - delivered[i],
                            now.plus(STEP.multipliedBy(SESSION_STEPS - elapsed)), 100 * energy / e.capacityKwh(),
                            e.capacityKwh(), 20, 100, CHARGER_KW, CHARGER_KW, true, Double.POSITIVE_INFINITY));
                    index.add(i);
                }
            }
            if (present.isEmpty()) {
                continue;
            }
            double[] horizonBase = new double[SESSION_STEPS];
            double[] prices = new double[SESSION_STEPS];
            for (int s = 0; s < SESSION_STEPS; s++) {
                horizonBase[s] = baseKw[(k + s) % STEPS];
            }
            Plan plan = planner.plan(new PlanRequest("district", now, STEP, horizonBase, prices, prices,
                    Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Objective.PEAK, present));
            for (int j = 0; j < present.size(); j++) {
                EvSchedule s = plan.evs().get(j);
                double p = s.powerAt(0);
                delivered[index.get(j)] += p * DT;
                ev[k % STEPS] += p;
            }
        }
        return loadCase(name, baseKw, ev);
    }

    private static LoadCase loadCase(String name, double[] baseKw, double[] ev) {
        double[] load = new double[STEPS];
        for (int k = 0; k < STEPS; k++) {
            load[k] = baseKw[k] + ev[k];
        }
        return new LoadCase(name, load, ev, 6);
    }
}
