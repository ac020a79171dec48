package org.v2gcsms.control.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** S1's Table 4 beside ours, {@code table.csv} and the load-curve plots. */
public final class S1Report {
    /** S1 Table 4: total energy (MWh), peak (MWh), standard deviation of load (×10³, S1's unit). */
    static final double[][] S1_TABLE = {
            {11_987, 626.6, 18_371}, {11_987, 625.5, 18_370}, {11_987, 623.2, 18_238}, {11_987, 622.0, 18_126},
            {11_987, 620.4, 18_003}};

    private S1Report() {}

    public static void write(List<LoadCase> cases, Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("case,total_energy_mwh,peak_mwh,sd\n");
        for (LoadCase c : cases) {
            csv.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.4f%n", c.name(), c.totalEnergyMwh(), c.peakMwh(),
                    c.sd()));
        }
        Files.writeString(dir.resolve("table.csv"), csv);
        LoadCurvePlot.write(dir.resolve("load-curves.png"), "S1 district load (base + EVs), 10-minute steps",
                cases, LoadCase::loadKw, "MW");
        LoadCurvePlot.write(dir.resolve("ev-load.png"), "S1 fast-charging EV load per case (negative: V2G)",
                cases, LoadCase::evKw, "MW");

        out.println("S1 Table 4, ours beside S1's (KIEE 2020). Hourly energies; our SD in MWh, S1's as printed (x10^3).");
        out.printf(Locale.ROOT, "%-10s %12s %10s %9s %8s | %10s %8s %9s %8s%n", "case", "total MWh", "peak MWh",
                "SD MWh", "d peak", "S1 total", "S1 peak", "S1 SD", "d peak");
        LoadCase first = cases.getFirst();
        for (int i = 0; i < cases.size(); i++) {
            LoadCase c = cases.get(i);
            double[] s1 = i < S1_TABLE.length ? S1_TABLE[i] : new double[] {Double.NaN, Double.NaN, Double.NaN};
            out.printf(Locale.ROOT, "%-10s %,12.1f %10.1f %9.2f %+8.2f | %,10.0f %8.1f %,9.0f %+8.1f%n", c.name(),
                    c.totalEnergyMwh(), c.peakMwh(), c.sd(), c.peakMwh() - first.peakMwh(), s1[0], s1[1], s1[2],
                    s1[1] - S1_TABLE[0][1]);
        }
        out.println("Wrote " + dir.resolve("table.csv") + ", load-curves.png, ev-load.png");
    }
}
