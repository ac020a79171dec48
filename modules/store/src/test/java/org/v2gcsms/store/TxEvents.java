package org.v2gcsms.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.EVSEType;
import org.v2gcsms.ocpp.v21.IdTokenType;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.MeterValueType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.SampledValueType;
import org.v2gcsms.ocpp.v21.TransactionEventEnumType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TransactionType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.ocpp.v21.UnitOfMeasureType;

/** TransactionEvent requests as a station sends them: {@code TxEvents.started("tx", 0, t).soc(30).build()}. */
final class TxEvents {
    private final String tx;
    private final TransactionEventEnumType type;
    private final int seqNo;
    private final Instant at;
    private TriggerReasonEnumType trigger = TriggerReasonEnumType.MeterValuePeriodic;
    private ChargingStateEnumType state;
    private ReasonEnumType stoppedReason;
    private IdTokenType idToken;
    private final List<SampledValueType> values = new ArrayList<>();

    private TxEvents(String tx, TransactionEventEnumType type, int seqNo, Instant at) {
        this.tx = tx;
        this.type = type;
        this.seqNo = seqNo;
        this.at = at;
    }

    static TxEvents started(String tx, int seqNo, Instant at) {
        return new TxEvents(tx, TransactionEventEnumType.Started, seqNo, at)
                .trigger(TriggerReasonEnumType.CablePluggedIn).state(ChargingStateEnumType.EVConnected);
    }

    static TxEvents updated(String tx, int seqNo, Instant at) {
        return new TxEvents(tx, TransactionEventEnumType.Updated, seqNo, at);
    }

    static TxEvents ended(String tx, int seqNo, Instant at, ReasonEnumType reason) {
        TxEvents e = new TxEvents(tx, TransactionEventEnumType.Ended, seqNo, at)
                .trigger(reason == ReasonEnumType.Remote ? TriggerReasonEnumType.RemoteStop
                        : TriggerReasonEnumType.EVDeparted).state(ChargingStateEnumType.EVConnected);
        e.stoppedReason = reason;
        return e;
    }

    TxEvents trigger(TriggerReasonEnumType t) {
        trigger = t;
        return this;
    }

    TxEvents state(ChargingStateEnumType s) {
        state = s;
        return this;
    }

    TxEvents token(String token) {
        idToken = new IdTokenType(null, token, "ISO14443", null);
        return this;
    }

    TxEvents soc(double percent) {
        values.add(value(percent, MeasurandEnumType.SoC, LocationEnumType.EV, "Percent"));
        return this;
    }

    TxEvents energy(double importWh, double exportWh) {
        values.add(value(importWh, MeasurandEnumType.Energy_Active_Import_Register, LocationEnumType.Outlet, "Wh"));
        values.add(value(exportWh, MeasurandEnumType.Energy_Active_Export_Register, LocationEnumType.Outlet, "Wh"));
        return this;
    }

    /** Net power: positive charging, negative discharging. */
    TxEvents power(double watts) {
        values.add(value(Math.max(0, watts), MeasurandEnumType.Power_Active_Import, LocationEnumType.Outlet, "W"));
        values.add(value(Math.max(0, -watts), MeasurandEnumType.Power_Active_Export, LocationEnumType.Outlet, "W"));
        return this;
    }

    TransactionEventRequest build() {
        TransactionType info = new TransactionType(tx, state, null, stoppedReason, null, null, null, null, null);
        List<MeterValueType> meter = values.isEmpty() ? null : List.of(new MeterValueType(values, at, null));
        return new TransactionEventRequest(null, type, meter, at, trigger, seqNo, null, null, null, null, null, null,
                info, type == TransactionEventEnumType.Started ? new EVSEType(1, 1, null) : null, idToken, null);
    }

    private static SampledValueType value(double v, MeasurandEnumType m, LocationEnumType location, String unit) {
        return new SampledValueType(v, m, null, null, location, null, new UnitOfMeasureType(unit, null, null), null);
    }
}
