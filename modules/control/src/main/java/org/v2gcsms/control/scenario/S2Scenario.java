package org.v2gcsms.control.scenario;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * S2 (KICS 2023): EVs on a route exchange energy with n = 3 storage points over T = 24 intervals. The price
 * at point i is k_i / E_i(t) (dear where little is stored); EVs arrive at point i as Poisson(λ_i), λ =
 * 200/250/300 per interval, each with a SoC, a target (80%) and a battery from the S1 fleet mix.
 * <ul>
 *   <li>Conventional rule: an EV buys at the point it arrived at when SoC ≤ the minimum (30%), up to its
 *       target, and sells there when SoC > target.</li>
 *   <li>LP: the same EVs buy the same energy, but an LP per interval picks where (and how much at each
 *       point): minimise Σ_i k_i/E_i(t) · Ev[i][j] subject to Σ_i Ev[i][j] ≥ target − SoC and each point's
 *       available energy. Selling is the same in both (S2: "selling gain 2.03 either way").</li>
 * </ul>
 * Stored energy then moves: E_i(t+1) = E_i(t) + generation − bought + sold. Costs are in S2's price units
 * (k_i is chosen so a half-full point sells at 1 per MWh).
 */
public final class S2Scenario {
    public static final double[] LAMBDA = {200, 250, 300};
    static final double[] CAPACITY_MWH = {20, 25, 30};
    /** Generation per interval, MWh: PV-shaped peak (point 1 large, 2 medium, 3 small) plus a constant. */
    static final double[] PV_PEAK_MWH = {5.5, 3.5, 1.5};
    static final double[] CONSTANT_MWH = {0.6, 1.6, 3.0};
    static final double MIN_SOC = 30;
    static final double TARGET_SOC = 80;
    static final int T = 24;

    static {
        Loader.loadNativeLibraries();
    }

    public record Result(String rule, double buyCost, double sellGain, double[] buyCostPerInterval,
                         double meanSpreadPercent, double[][] storedPercent) {
        public double total() {
            return buyCost;
        }
    }

    record Ev(int point, double capacityKwh, double soc) {
        double buyKwh() {
            return soc <= MIN_SOC ? (TARGET_SOC - soc) / 100 * capacityKwh : 0;
        }

        double sellKwh() {
            return soc > TARGET_SOC ? (soc - TARGET_SOC) / 100 * capacityKwh : 0;
        }
    }

    private final List<List<Ev>> arrivals;

    public S2Scenario(List<FleetModel> fleet, long seed) {
        Random random = new Random(seed);
        arrivals = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            List<Ev> evs = new ArrayList<>();
            for (int i = 0; i < LAMBDA.length; i++) {
                int n = poisson(random, LAMBDA[i]);
                for (int j = 0; j < n; j++) {
                    evs.add(new Ev(i, FleetModel.pick(fleet, random).batteryKwh(), 5 + 90 * random.nextDouble()));
                }
            }
            arrivals.add(evs);
        }
    }

    public Result conventional() {
        return run("conventional", false);
    }

    public Result lp() {
        return run("LP", true);
    }

    private Result run(String name, boolean optimise) {
        int n = CAPACITY_MWH.length;
        double[] stored = new double[n];
        for (int i = 0; i < n; i++) {
            stored[i] = 0.5 * CAPACITY_MWH[i];
        }
        double buy = 0;
        double sell = 0;
        double[] perInterval = new double[T];
        double[][] percent = new double[T][n];
        double spread = 0;
        for (int t = 0; t < T; t++) {
            double[] price = new double[n];
            double[] available = new double[n];
            for (int i = 0; i < n; i++) {
                price[i] = 0.5 * CAPACITY_MWH[i] / stored[i];
                available[i] = Math.max(0, stored[i] - 0.05 * CAPACITY_MWH[i]);
            }
            List<Ev> evs = arrivals.get(t);
            double[][] bought = optimise ? chooseWhere(evs, price, available) : atArrivalPoint(evs, available);
            double[] soldTo = new double[n];
            for (Ev ev : evs) {
                soldTo[ev.point()] += ev.sellKwh() / 1000;
                sell += price[ev.point()] * ev.sellKwh() / 1000;
            }
            for (int i = 0; i < n; i++) {
                double b = 0;
                for (double[] perEv : bought) {
                    b += perEv[i];
                }
                perInterval[t] += price[i] * b;
                stored[i] = Math.min(CAPACITY_MWH[i], stored[i] - b + soldTo[i] + generation(i, t));
                percent[t][i] = 100 * stored[i] / CAPACITY_MWH[i];
            }
            buy += perInterval[t];
            spread += sd(percent[t]);
        }
        return new Result(name, buy, sell, perInterval, spread / T, percent);
    }

    /** The conventional rule: buy at the arrival point, as much as it has. */
    private static double[][] atArrivalPoint(List<Ev> evs, double[] available) {
        double[] left = available.clone();
        double[][] out = new double[evs.size()][available.length];
        for (int j = 0; j < evs.size(); j++) {
            Ev ev = evs.get(j);
            double mwh = Math.min(ev.buyKwh() / 1000, left[ev.point()]);
            out[j][ev.point()] = mwh;
            left[ev.point()] -= mwh;
        }
        return out;
    }

    /** S2's LP for one interval: where each buying EV takes its energy, at least its need, within stock. */
    private static double[][] chooseWhere(List<Ev> evs, double[] price, double[] available) {
        int n = price.length;
        double[][] out = new double[evs.size()][n];
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            solver.suppressOutput();
            MPObjective cost = solver.objective();
            MPConstraint[] stock = new MPConstraint[n];
            for (int i = 0; i < n; i++) {
                stock[i] = solver.makeConstraint(0, available[i], "");
            }
            List<MPVariable[]> vars = new ArrayList<>();
            List<Integer> buyers = new ArrayList<>();
            for (int j = 0; j < evs.size(); j++) {
                double need = evs.get(j).buyKwh() / 1000;
                if (need <= 0) {
                    continue;
                }
                MPVariable[] x = new MPVariable[n];
                // the need, softened by a dear slack so a point that runs dry cannot make the interval infeasible
                MPConstraint meet = solver.makeConstraint(need, Double.POSITIVE_INFINITY, "");
                MPVariable unmet = solver.makeNumVar(0, need, "");
                meet.setCoefficient(unmet, 1);
                cost.setCoefficient(unmet, 1e6);
                for (int i = 0; i < n; i++) {
                    x[i] = solver.makeNumVar(0, need, "");
                    meet.setCoefficient(x[i], 1);
                    stock[i].setCoefficient(x[i], 1);
                    cost.setCoefficient(x[i], price[i]);
                }
                vars.add(x);
                buyers.add(j);
            }
            cost.setMinimization();
            if (!buyers.isEmpty() && solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return atArrivalPoint(evs, available);
            }
            for (int b = 0; b < buyers.size(); b++) {
                for (int i = 0; i < n; i++) {
                    out[buyers.get(b)][i] = vars.get(b)[i].solutionValue();
                }
            }
            return out;
        } finally {
            solver.delete();
        }
    }

    static double generation(int point, int t) {
        double hour = t + 0.5;
        double pv = hour < 6 || hour > 19 ? 0 : Math.sin(Math.PI * (hour - 6) / 13);
        return PV_PEAK_MWH[point] * pv + CONSTANT_MWH[point];
    }

    private static double sd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }

    private static int poisson(Random random, double lambda) {
        // normal approximation is fine at λ ≥ 200 (and keeps the draw O(1))
        return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
    }
}
