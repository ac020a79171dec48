package org.v2gcsms.simulator;

/**
 * What the charging profiles allow on one EVSE at one instant, in watts at the grid connection.
 *
 * @param maxChargeW    largest import; may be infinite when nothing limits it
 * @param maxDischargeW largest export, as a positive number; zero when discharging is not allowed
 * @param setpointW     the power to follow (+ charge, − discharge) in CentralSetpoint mode, or null when
 *                      the EV draws what it wants up to {@code maxChargeW}
 */
record PowerWindow(double maxChargeW, double maxDischargeW, Double setpointW) {
    static final PowerWindow CHARGE_FREELY = new PowerWindow(Double.POSITIVE_INFINITY, 0, null);

    PowerWindow capped(double chargeCapW, double dischargeCapW) {
        return new PowerWindow(Math.min(maxChargeW, chargeCapW), Math.min(maxDischargeW, dischargeCapW), setpointW);
    }

    /** The power asked of the EVSE: the setpoint inside the window, or the full charge limit. */
    double requestedW() {
        if (setpointW == null) {
            return maxChargeW;
        }
        return Math.max(-maxDischargeW, Math.min(maxChargeW, setpointW));
    }
}
