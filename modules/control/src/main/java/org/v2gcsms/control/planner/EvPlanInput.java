package org.v2gcsms.control.planner;

import java.time.Instant;
import java.util.Objects;

/**
 * What the planner needs to know about one plugged-in EV, in kW, kWh and percent. Built from a session at the
 * edge ({@code SessionPlanInputs}), so the planner depends on nothing but these values.
 *
 * @param evseKey            stable id of the EVSE the EV is at, e.g. {@code CS-1/1}
 * @param energyNeededKwh    energy still to deliver to reach the target SoC (S1 (3)); 0 or less: nothing needed
 * @param deadline           when the EV will be gone: min(plug-in + maximum duration, EV departure)
 * @param socPercent         current SoC; NaN when unknown (then no SoC window and no discharge)
 * @param capacityKwh        battery capacity; NaN when unknown
 * @param socMinPercent      lowest SoC discharge may reach (default 20, S1's KEPCO testbed)
 * @param socMaxPercent      highest SoC charging may reach (default 100)
 * @param maxChargeKw        min(EV, EVSE) charge power (S1 (2))
 * @param maxDischargeKw     min(EV, EVSE) discharge power, ≥ 0
 * @param dischargeAllowed   the EVSE speaks OCPP 2.1 with V2X and the EV allows discharge
 * @param dischargeCapKwh    battery-care cap on discharge left for today; infinite when none
 */
public record EvPlanInput(String evseKey, double energyNeededKwh, Instant deadline, double socPercent,
                          double capacityKwh, double socMinPercent, double socMaxPercent, double maxChargeKw,
                          double maxDischargeKw, boolean dischargeAllowed, double dischargeCapKwh) {

    public EvPlanInput {
        Objects.requireNonNull(evseKey, "evseKey");
        Objects.requireNonNull(deadline, "deadline");
        if (!(maxChargeKw >= 0) || !(maxDischargeKw >= 0)) {
            throw new IllegalArgumentException(evseKey + ": power limits must be >= 0");
        }
        if (!(socMinPercent <= socMaxPercent)) {
            throw new IllegalArgumentException(evseKey + ": SoC window min > max");
        }
    }

    /** A charge-only EV with an energy need and a deadline, no SoC known. */
    public static EvPlanInput chargeOnly(String evseKey, double energyNeededKwh, Instant deadline, double maxChargeKw) {
        return new EvPlanInput(evseKey, energyNeededKwh, deadline, Double.NaN, Double.NaN, 20, 100, maxChargeKw, 0,
                false, Double.POSITIVE_INFINITY);
    }

    public boolean socKnown() {
        return !Double.isNaN(socPercent) && !Double.isNaN(capacityKwh) && capacityKwh > 0;
    }

    /** Discharge is planned only where it is allowed and the SoC window can be kept (SoC known). */
    public boolean mayDischarge() {
        return dischargeAllowed && maxDischargeKw > 0 && socKnown() && dischargeCapKwh > 0;
    }

    public EvPlanInput withEnergyNeeded(double kwh) {
        return new EvPlanInput(evseKey, kwh, deadline, socPercent, capacityKwh, socMinPercent, socMaxPercent,
                maxChargeKw, maxDischargeKw, dischargeAllowed, dischargeCapKwh);
    }
}
