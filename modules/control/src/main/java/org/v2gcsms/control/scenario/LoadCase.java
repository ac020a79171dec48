package org.v2gcsms.control.scenario;

/**
 * One case of a scenario: the district's load per planning step (kW, base + EVs) and the EVs' share of it,
 * with the figures S1's Table 4 reports, computed over hourly energies.
 */
public record LoadCase(String name, double[] loadKw, double[] evKw, int stepsPerHour) {

    /** Energy per hour, MWh. */
    public double[] hourlyMwh() {
        int hours = loadKw.length / stepsPerHour;
        double[] h = new double[hours];
        for (int i = 0; i < loadKw.length; i++) {
            h[i / stepsPerHour] += loadKw[i] / stepsPerHour / 1000;
        }
        return h;
    }

    public double totalEnergyMwh() {
        double s = 0;
        for (double v : hourlyMwh()) {
            s += v;
        }
        return s;
    }

    public double peakMwh() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : hourlyMwh()) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Population standard deviation of the hourly energies, MWh. */
    public double sd() {
        double[] h = hourlyMwh();
        double mean = totalEnergyMwh() / h.length;
        double ss = 0;
        for (double v : h) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / h.length);
    }
}
