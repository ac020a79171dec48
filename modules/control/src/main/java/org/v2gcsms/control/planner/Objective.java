package org.v2gcsms.control.planner;

/**
 * What the planner minimises: a weighted mix of (a) the site's peak of base + EV load (S1 (5)) and (b) the
 * energy cost under the site's tariff, export credited. Each term is normalised to about [0, 1] before
 * weighting, so the weights are comparable.
 */
public record Objective(double peakWeight, double costWeight) {

    public static final Objective PEAK = new Objective(1, 0);
    public static final Objective COST = new Objective(0, 1);

    public Objective {
        if (!(peakWeight >= 0) || !(costWeight >= 0) || peakWeight + costWeight == 0) {
            throw new IllegalArgumentException("objective weights must be >= 0 and not both 0");
        }
    }

    /** {@code peak}, {@code cost} or {@code mix:<peak weight>,<cost weight>}. */
    public static Objective parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("peak")) {
            return PEAK;
        }
        if (t.equals("cost")) {
            return COST;
        }
        if (t.startsWith("mix:")) {
            String[] w = t.substring(4).split(",");
            if (w.length == 2) {
                return new Objective(Double.parseDouble(w[0].trim()), Double.parseDouble(w[1].trim()));
            }
        }
        throw new IllegalArgumentException("objective must be peak, cost or mix:<peak>,<cost>, not '" + text + "'");
    }
}
