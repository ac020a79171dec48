package org.v2gcsms.simulator;

/** What the station measures at its grid connection. */
public record GridReading(double volts, double hertz, boolean islanded) {

    public static GridReading nominal(double volts, double hertz) {
        return new GridReading(volts, hertz, false);
    }
}
