package org.v2gcsms.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.ChargingNeedsType;
import org.v2gcsms.ocpp.v21.ControlModeEnumType;
import org.v2gcsms.ocpp.v21.DCChargingParametersType;
import org.v2gcsms.ocpp.v21.EVSEType;
import org.v2gcsms.ocpp.v21.EnergyTransferModeEnumType;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.MeterValueType;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsRequest;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.SampledValueType;
import org.v2gcsms.ocpp.v21.StatusNotificationRequest;
import org.v2gcsms.ocpp.v21.TransactionEventEnumType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TransactionType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.ocpp.v21.UnitOfMeasureType;
import org.v2gcsms.ocpp.v21.V2XChargingParametersType;

/** Builds the messages that report an EVSE's state, as 2.1 records valid in both versions unless noted. */
final class StationMessages {
    private StationMessages() {
    }

    static StatusNotificationRequest status(Evse evse, Instant now) {
        return new StatusNotificationRequest(now, evse.status(), evse.id, Evse.CONNECTOR, null);
    }

    /** The sampled values of an EVSE: SoC, both energy registers, power both ways, voltage, current, frequency. */
    static MeterValueType meterValue(Evse evse, GridReading grid, Instant now, ReadingContextEnumType context) {
        Session s = evse.session;
        double power = s == null ? 0 : s.powerW;
        double volts = grid.islanded() ? 0 : grid.volts();
        double amps = volts == 0 ? 0 : Math.abs(power) / (volts * ChargingProfiles.DEFAULT_PHASES);
        List<SampledValueType> values = new ArrayList<>();
        if (s != null) {
            values.add(sample(round(s.battery.soc() * 100, 2), MeasurandEnumType.SoC, context, LocationEnumType.EV, "Percent"));
        }
        values.add(sample(round(evse.importedWh, 1), MeasurandEnumType.Energy_Active_Import_Register, context, LocationEnumType.Outlet, "Wh"));
        values.add(sample(round(evse.exportedWh, 1), MeasurandEnumType.Energy_Active_Export_Register, context, LocationEnumType.Outlet, "Wh"));
        values.add(sample(round(Math.max(0, power), 1), MeasurandEnumType.Power_Active_Import, context, LocationEnumType.Outlet, "W"));
        values.add(sample(round(Math.max(0, -power), 1), MeasurandEnumType.Power_Active_Export, context, LocationEnumType.Outlet, "W"));
        values.add(sample(round(volts, 1), MeasurandEnumType.Voltage, context, LocationEnumType.Outlet, "V"));
        values.add(sample(round(power >= 0 ? amps : 0, 2), MeasurandEnumType.Current_Import, context, LocationEnumType.Outlet, "A"));
        values.add(sample(round(power < 0 ? amps : 0, 2), MeasurandEnumType.Current_Export, context, LocationEnumType.Outlet, "A"));
        values.add(sample(round(grid.hertz(), 3), MeasurandEnumType.Frequency, context, LocationEnumType.Outlet, null));
        return new MeterValueType(values, now, null);
    }

    private static SampledValueType sample(double value, MeasurandEnumType measurand, ReadingContextEnumType context,
                                           LocationEnumType location, String unit) {
        return new SampledValueType(value, measurand, context, null, location, null,
                unit == null ? null : new UnitOfMeasureType(unit, null, null), null);
    }

    /**
     * One TransactionEvent of the session on {@code evse}.
     *
     * @param offline set when the event happens while the station cannot reach the CSMS
     */
    static TransactionEventRequest transactionEvent(Evse evse, TransactionEventEnumType type, TriggerReasonEnumType trigger,
                                                    ReasonEnumType stoppedReason, GridReading grid, Instant now,
                                                    boolean offline, boolean withIdToken) {
        Session s = evse.session;
        ReadingContextEnumType context = switch (type) {
            case Started -> ReadingContextEnumType.Transaction_Begin;
            case Ended -> ReadingContextEnumType.Transaction_End;
            default -> trigger == TriggerReasonEnumType.Trigger ? ReadingContextEnumType.Trigger
                    : ReadingContextEnumType.Sample_Periodic;
        };
        TransactionType info = new TransactionType(s.transactionId, s.chargingState,
                (int) java.time.Duration.between(s.pluggedIn, now).toSeconds(), stoppedReason,
                type == TransactionEventEnumType.Started ? s.remoteStartId : null, null, null, null, null);
        return new TransactionEventRequest(null, type, List.of(meterValue(evse, grid, now, context)), now, trigger,
                s.nextSeqNo(), offline ? Boolean.TRUE : null, null, null, null, null, null, info,
                type == TransactionEventEnumType.Started ? new EVSEType(evse.id, Evse.CONNECTOR, null) : null,
                withIdToken ? s.idToken : null, null);
    }

    /**
     * The EV's needs (ISO 15118 over DC): energy to its target, SoC, capacity, departure. On 2.1 a
     * bidirectional EV at a V2X EVSE adds DC_BPT and its V2X parameters.
     */
    static NotifyEVChargingNeedsRequest chargingNeeds(Evse evse, OcppVersion version, Instant now) {
        Session s = evse.session;
        double capacityWh = s.battery.capacityWh();
        double neededWh = Math.max(0, s.arrival.targetSoc() * capacityWh - s.battery.storedWh());
        double maxPowerW = Math.min(evse.chargeRatingW, s.evMaxChargeW());
        DCChargingParametersType dc = new DCChargingParametersType(Math.rint(maxPowerW / 400), 500.0,
                Math.rint(maxPowerW), Math.rint(capacityWh), Math.rint(neededWh),
                (int) Math.round(s.battery.soc() * 100), 100, 80, null);
        boolean bidirectional = version == OcppVersion.V21 && evse.dischargeRatingW > 0
                && s.arrival.model().canDischarge();
        if (!bidirectional) {
            return new NotifyEVChargingNeedsRequest(evse.id, null,
                    new ChargingNeedsType(null, null, null, EnergyTransferModeEnumType.DC, dc, null, null, null, null,
                            s.leavesAt, null), version == OcppVersion.V21 ? now : null, null);
        }
        double maxDischargeW = Math.min(evse.dischargeRatingW, s.evMaxDischargeW());
        double floorWh = Battery.DISCHARGE_FLOOR * capacityWh;
        V2XChargingParametersType v2x = new V2XChargingParametersType(0.0, null, null, Math.rint(maxPowerW), null, null,
                0.0, null, null, Math.rint(maxDischargeW), null, null, null, null, null, null, null, null,
                Math.rint(neededWh), Math.rint(neededWh), Math.rint(capacityWh - s.battery.storedWh()),
                Math.rint(floorWh - s.battery.storedWh()), Math.rint(capacityWh - s.battery.storedWh()),
                (int) Math.round(s.arrival.targetSoc() * 100), null);
        return new NotifyEVChargingNeedsRequest(evse.id, null,
                new ChargingNeedsType(null, null, null, EnergyTransferModeEnumType.DC_BPT, dc, v2x,
                        List.of(EnergyTransferModeEnumType.DC, EnergyTransferModeEnumType.DC_BPT),
                        ControlModeEnumType.ScheduledControl, null, s.leavesAt, null), now, null);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
