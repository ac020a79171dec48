package org.v2gcsms.sessions.session;

import java.time.Instant;
import java.util.List;
import org.v2gcsms.ocpp.v21.ACChargingParametersType;
import org.v2gcsms.ocpp.v21.ChargingNeedsType;
import org.v2gcsms.ocpp.v21.DCChargingParametersType;
import org.v2gcsms.ocpp.v21.EnergyTransferModeEnumType;
import org.v2gcsms.ocpp.v21.V2XChargingParametersType;
import org.v2gcsms.sessions.WireEnums;

/**
 * What the EV said it needs (NotifyEVChargingNeeds), in W, A, V, Wh and percent. Null where the EV did not
 * say. AC and DC parameters are merged: {@code energyAmountWh} is the AC or DC energy amount.
 *
 * @param receivedAt              when the needs were reported (the station's timestamp when it gave one)
 * @param requestedEnergyTransfer e.g. {@code DC}, {@code AC_three_phase}, {@code DC_BPT}
 * @param evSoc                   the SoC the EV reported with its needs (DC parameters)
 * @param fullSoc                 SoC at which the EV considers itself full
 * @param bulkSoc                 SoC up to which the EV charges fast
 * @param v2x                     OCPP 2.1 bidirectional parameters; null for 2.0.1 or a charge-only EV
 */
public record EvNeeds(Instant receivedAt, Instant departureTime, String requestedEnergyTransfer,
                      List<String> availableEnergyTransfer, String controlMode, String mobilityNeedsMode,
                      Double energyAmountWh, Double evMinCurrentA, Double evMaxCurrentA, Double evMaxVoltageV,
                      Double evMaxPowerW, Double evEnergyCapacityWh, Double evSoc, Double fullSoc, Double bulkSoc,
                      V2x v2x) {

    public EvNeeds {
        availableEnergyTransfer = availableEnergyTransfer == null ? List.of() : List.copyOf(availableEnergyTransfer);
    }

    /**
     * OCPP 2.1 V2X parameters (ISO 15118-20). Powers are totals (L1); "min" means max(EV, EVSE) and "max" means
     * min(EV, EVSE), as the specification defines them. The V2X energy requests are Wh to the lower and upper
     * edge of the window the EV allows cycling in (negative: the EV may give that much).
     */
    public record V2x(Double minChargePowerW, Double maxChargePowerW, Double minDischargePowerW,
                      Double maxDischargePowerW, Double minChargeCurrentA, Double maxChargeCurrentA,
                      Double minDischargeCurrentA, Double maxDischargeCurrentA, Double minVoltageV,
                      Double maxVoltageV, Double evTargetEnergyRequestWh, Double evMinEnergyRequestWh,
                      Double evMaxEnergyRequestWh, Double evMinV2XEnergyRequestWh, Double evMaxV2XEnergyRequestWh,
                      Double targetSoc) {

        static V2x of(V2XChargingParametersType p) {
            return new V2x(p.minChargePower(), p.maxChargePower(), p.minDischargePower(), p.maxDischargePower(),
                    p.minChargeCurrent(), p.maxChargeCurrent(), p.minDischargeCurrent(), p.maxDischargeCurrent(),
                    p.minVoltage(), p.maxVoltage(), p.evTargetEnergyRequest(), p.evMinEnergyRequest(),
                    p.evMaxEnergyRequest(), p.evMinV2XEnergyRequest(), p.evMaxV2XEnergyRequest(),
                    p.targetSoC() == null ? null : p.targetSoC().doubleValue());
        }
    }

    /** The needs as reported; {@code at} is when they were reported. */
    public static EvNeeds of(ChargingNeedsType n, Instant at) {
        ACChargingParametersType ac = n.acChargingParameters();
        DCChargingParametersType dc = n.dcChargingParameters();
        return new EvNeeds(at, n.departureTime(), WireEnums.wire(n.requestedEnergyTransfer()),
                n.availableEnergyTransfer() == null ? List.of()
                        : n.availableEnergyTransfer().stream().map(EnergyTransferModeEnumType::value).toList(),
                WireEnums.wire(n.controlMode()), WireEnums.wire(n.mobilityNeedsMode()),
                ac != null ? ac.energyAmount() : dc != null ? dc.energyAmount() : null,
                ac != null ? ac.evMinCurrent() : null,
                ac != null ? ac.evMaxCurrent() : dc != null ? dc.evMaxCurrent() : null,
                ac != null ? ac.evMaxVoltage() : dc != null ? dc.evMaxVoltage() : null,
                dc != null ? dc.evMaxPower() : null,
                dc != null ? dc.evEnergyCapacity() : null,
                dc != null && dc.stateOfCharge() != null ? dc.stateOfCharge().doubleValue() : null,
                dc != null && dc.fullSoC() != null ? dc.fullSoC().doubleValue() : null,
                dc != null && dc.bulkSoC() != null ? dc.bulkSoC().doubleValue() : null,
                n.v2xChargingParameters() == null ? null : V2x.of(n.v2xChargingParameters()));
    }

    /** The energy the EV asked for, Wh: its V2X target request, else its AC/DC energy amount; null if neither. */
    public Double energyRequestWh() {
        if (v2x != null && v2x.evTargetEnergyRequestWh() != null) {
            return v2x.evTargetEnergyRequestWh();
        }
        return energyAmountWh;
    }
}
