package org.v2gcsms.gridsafety.guard;

/** Who asked for a setpoint; the guard treats all alike and records it with each clamp. */
public enum Requester { PLANNER, API, OPERATOR, FREQUENCY_RESPONSE, SCENARIO,
    /** The trip path's fallback for a station that refused the DER discharge cap. */
    LOSS_OF_MAINS }
