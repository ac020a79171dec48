package org.v2gcsms.gridsafety.lom;

import java.time.Instant;

/** What stations tell the supervisor about the grid at their connection. */
public sealed interface GridSignal {

    String stationId();

    /** When it was measured or raised (the station's clock). */
    Instant at();

    /**
     * OCPP 2.1 NotifyDERAlarm: a DER control (must-trip curve, power monitoring) fired, or {@code ended} it
     * stopped firing.
     */
    record DerAlarm(String stationId, String controlType, String gridEventFault, boolean ended, String extraInfo,
                    Instant at) implements GridSignal {}

    /**
     * A station event that reports a grid fault: a NotifyEvent on a grid-related component or variable, or a
     * SecurityEventNotification of a grid kind (see docs/grid-safety.md for the list); {@code cleared} when
     * the station reports the problem gone.
     */
    record StationGridFault(String stationId, String kind, String detail, boolean cleared, Instant at)
            implements GridSignal {}

    /** A meter reading of voltage (phase, V) and/or frequency (Hz); null where the reading lacked it. */
    record Reading(String stationId, Double volts, Double hertz, Instant at) implements GridSignal {}
}
