package org.v2gcsms.control.planner;

/**
 * The planned power of one EV per step, kW (+ charge, − discharge), and the energy it will still lack at its
 * deadline (0 when the plan delivers everything it needs).
 */
public record EvSchedule(String evseKey, double[] powerKw, double shortfallKwh) {

    /** Power in step {@code t}; 0 beyond the planned steps. */
    public double powerAt(int t) {
        return t < powerKw.length ? powerKw[t] : 0;
    }

    public boolean discharges() {
        for (double p : powerKw) {
            if (p < -1e-6) {
                return true;
            }
        }
        return false;
    }
}
