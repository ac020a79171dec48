package org.v2gcsms.control.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** S2's comparison: buying cost, selling gain and spread of stored energy, conventional rule vs LP. */
public final class S2Report {

    private S2Report() {}

    public static void write(S2Scenario.Result conventional, S2Scenario.Result lp, Path dir, PrintStream out)
            throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("rule,buy_cost,sell_gain,mean_buy_cost_per_interval,"
                + "max_buy_cost_per_interval,mean_stored_spread_pct\n");
        for (S2Scenario.Result r : List.of(conventional, lp)) {
            csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.4f%n", r.rule(), r.buyCost(), r.sellGain(),
                    mean(r.buyCostPerInterval()), max(r.buyCostPerInterval()), r.meanSpreadPercent()));
        }
        Files.writeString(dir.resolve("s2-table.csv"), csv);
        double change = 100 * (lp.buyCost() - conventional.buyCost()) / conventional.buyCost();
        double meanChange = 100 * (mean(lp.buyCostPerInterval()) / mean(conventional.buyCostPerInterval()) - 1);
        double maxChange = 100 * (max(lp.buyCostPerInterval()) / max(conventional.buyCostPerInterval()) - 1);
        out.println("S2: 3 storage points, price k_i/E_i(t), Poisson arrivals 200/250/300 per interval, 24 intervals");
        out.printf(Locale.ROOT, "%-13s %10s %10s %12s %12s %14s%n", "rule", "buy cost", "sell gain", "mean/interval",
                "max/interval", "stored SD (%)");
        for (S2Scenario.Result r : List.of(conventional, lp)) {
            out.printf(Locale.ROOT, "%-13s %10.2f %10.2f %12.3f %12.3f %14.2f%n", r.rule(), r.buyCost(), r.sellGain(),
                    mean(r.buyCostPerInterval()), max(r.buyCostPerInterval()), r.meanSpreadPercent());
        }
        out.printf(Locale.ROOT, "buying cost: ours %+.2f%% total (mean %+.2f%%, max %+.2f%%) | S2: -52.11%% total "
                + "(mean -44.55%%, max -68.81%%)%n", change, meanChange, maxChange);
        out.printf(Locale.ROOT, "spread of stored energy: ours %+.2f points (%.2f%% -> %.2f%%) | S2: 0.32-1.06%% lower%n",
                lp.meanSpreadPercent() - conventional.meanSpreadPercent(), conventional.meanSpreadPercent(),
                lp.meanSpreadPercent());
        out.println("Wrote " + dir.resolve("s2-table.csv"));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
