package org.v2gcsms.gridsafety.guard;

/**
 * What limits one EVSE's power now, kW (all ≥ 0) and percent.
 *
 * @param chargeRatingKw     the EVSE's charge rating
 * @param dischargeRatingKw  the EVSE's discharge rating (0: charge only)
 * @param evMaxChargeKw      the EV's maximum charge power (infinite when not reported)
 * @param evMaxDischargeKw   the EV's maximum discharge power (infinite when not reported)
 * @param evMinDischargeKw   below this the EV cannot discharge (0 when not reported)
 * @param socPercent         the EV's SoC; NaN when unknown
 * @param v2x                the station speaks OCPP 2.1 with V2X enabled and the EV allows discharge
 */
public record EvseLimits(double chargeRatingKw, double dischargeRatingKw, double evMaxChargeKw,
                         double evMaxDischargeKw, double evMinDischargeKw, double socPercent, boolean v2x) {

    public EvseLimits {
        if (!(chargeRatingKw >= 0) || !(dischargeRatingKw >= 0) || !(evMaxChargeKw >= 0) || !(evMaxDischargeKw >= 0)
                || !(evMinDischargeKw >= 0)) {
            throw new IllegalArgumentException("EVSE and EV limits are >= 0 kW");
        }
    }

    /** A V2X EVSE with an EV that reported nothing but its SoC. */
    public static EvseLimits v2x(double chargeKw, double dischargeKw, double socPercent) {
        return new EvseLimits(chargeKw, dischargeKw, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0,
                socPercent, true);
    }
}
