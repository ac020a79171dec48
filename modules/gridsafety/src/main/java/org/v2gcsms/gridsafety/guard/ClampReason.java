package org.v2gcsms.gridsafety.guard;

/** Why the limit guard changed a setpoint. */
public enum ClampReason {
    EVSE_CHARGE_RATING,
    EVSE_DISCHARGE_RATING,
    EV_CHARGE_LIMIT,
    EV_DISCHARGE_LIMIT,
    /** Below the EV's minimum discharge power: 0 instead. */
    EV_MIN_DISCHARGE,
    /** OCPP 2.0.1, or a 2.1 EVSE/EV without V2X: charge only. */
    NOT_V2X,
    /** No SoC known: the SoC window cannot be kept, so no discharge. */
    SOC_UNKNOWN,
    SOC_MIN,
    SOC_MAX,
    SITE_IMPORT_LIMIT,
    /** Site export limit (the site's and the grid code's, the lower). */
    SITE_EXPORT_LIMIT,
    /** Normal-operation ramp of the grid code. */
    RAMP,
    /** The site has no grid-code preset: discharge disabled (gridcode.md §4 rule 1). */
    NO_GRID_CODE,
    LOSS_OF_MAINS_TRIPPED,
    LOSS_OF_MAINS_WAITING,
    /** Export returning after a trip, no faster than the enter-service ramp. */
    LOSS_OF_MAINS_RAMPING
}
