package org.v2gcsms.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The station's loss-of-mains and grid-code protection (S3/S4: never feed a faulted or de-energised grid).
 * Export trips at once when voltage or frequency leave the must-trip window or the site is islanded; it
 * comes back only after the readings have been inside the enter-service window for the enter-service delay.
 * An islanded station stops all power flow. The windows follow IEEE 1547-2018 defaults scaled to the
 * nominal values (must-trip 0.88..1.10 pu and ±1.0 Hz; enter service 0.917..1.05 pu, −0.5..+0.1 Hz after
 * 300 s) unless a 2.1 EnterService DER control sets its own. Not thread-safe: owned by the station.
 */
final class GridProtection {
    private final double nominalVolts;
    private final double nominalHertz;
    private GridReading reading;
    private EnterService enterService;
    private boolean tripped;
    private Instant exportFrom = Instant.MIN;

    /** The enter-service window and delay. */
    record EnterService(double lowVolts, double highVolts, double lowHertz, double highHertz, Duration delay) {}

    GridProtection(double nominalVolts, double nominalHertz) {
        this.nominalVolts = nominalVolts;
        this.nominalHertz = nominalHertz;
        this.reading = GridReading.nominal(nominalVolts, nominalHertz);
        this.enterService = defaultEnterService();
    }

    EnterService defaultEnterService() {
        return new EnterService(0.917 * nominalVolts, 1.05 * nominalVolts, nominalHertz - 0.5, nominalHertz + 0.1,
                Duration.ofSeconds(300));
    }

    void enterService(EnterService settings) {
        this.enterService = settings;
    }

    GridReading reading() {
        return reading;
    }

    GridReading nominal() {
        return GridReading.nominal(nominalVolts, nominalHertz);
    }

    /** A new measurement; returns true when it tripped the protection. */
    boolean measure(GridReading r, Instant now) {
        this.reading = r;
        if (mustTrip(r)) {
            boolean newly = !tripped;
            tripped = true;
            return newly;
        }
        if (tripped && insideEnterService(r)) {
            tripped = false;
            exportFrom = now.plus(enterService.delay());
        }
        return false;
    }

    boolean islanded() {
        return reading.islanded();
    }

    boolean exportAllowed(Instant t) {
        return !tripped && !reading.islanded() && !t.isBefore(exportFrom);
    }

    /** The instant export comes back, if that is still ahead of {@code t}. */
    Instant nextChangeAfter(Instant t) {
        return !tripped && exportFrom.isAfter(t) ? exportFrom : null;
    }

    boolean mustTrip(GridReading r) {
        return r.islanded() || r.volts() < 0.88 * nominalVolts || r.volts() > 1.10 * nominalVolts
                || Math.abs(r.hertz() - nominalHertz) > 1.0;
    }

    private boolean insideEnterService(GridReading r) {
        return r.volts() >= enterService.lowVolts() && r.volts() <= enterService.highVolts()
                && r.hertz() >= enterService.lowHertz() && r.hertz() <= enterService.highHertz();
    }
}
