package org.v2gcsms.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.sessions.transactions.EventType;
import org.v2gcsms.sessions.transactions.MeterSample;
import org.v2gcsms.sessions.transactions.TransactionEvent;

/** Transaction events for tests: {@code Events.of("CS1", "tx1").started(0, t).imported(1000).build()}. */
final class Events {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final String station;
    private final String tx;
    private EventType type = EventType.UPDATED;
    private int seqNo;
    private Instant at = T0;
    private TriggerReasonEnumType trigger = TriggerReasonEnumType.MeterValuePeriodic;
    private ChargingStateEnumType chargingState;
    private ReasonEnumType stoppedReason;
    private boolean offline;
    private String idToken;
    private final List<MeterSample> samples = new ArrayList<>();

    private Events(String station, String tx) {
        this.station = station;
        this.tx = tx;
    }

    static Events of(String station, String tx) {
        return new Events(station, tx);
    }

    static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    Events started(int seqNo, int minute) {
        this.type = EventType.STARTED;
        this.trigger = TriggerReasonEnumType.CablePluggedIn;
        this.chargingState = ChargingStateEnumType.EVConnected;
        return at(seqNo, minute);
    }

    Events updated(int seqNo, int minute) {
        this.type = EventType.UPDATED;
        this.chargingState = ChargingStateEnumType.Charging;
        return at(seqNo, minute);
    }

    Events ended(int seqNo, int minute) {
        this.type = EventType.ENDED;
        this.trigger = TriggerReasonEnumType.EVDeparted;
        this.chargingState = ChargingStateEnumType.Idle;
        this.stoppedReason = ReasonEnumType.EVDisconnected;
        return at(seqNo, minute);
    }

    private Events at(int seqNo, int minute) {
        this.seqNo = seqNo;
        this.at = minute(minute);
        return this;
    }

    Events offline() {
        this.offline = true;
        return this;
    }

    Events trigger(TriggerReasonEnumType t) {
        this.trigger = t;
        return this;
    }

    Events chargingState(ChargingStateEnumType s) {
        this.chargingState = s;
        return this;
    }

    Events idToken(String token) {
        this.idToken = token;
        return this;
    }

    Events imported(double wh) {
        return sample(MeasurandEnumType.Energy_Active_Import_Register, null, wh, "Wh");
    }

    Events exported(double wh) {
        return sample(MeasurandEnumType.Energy_Active_Export_Register, null, wh, "Wh");
    }

    Events soc(double percent) {
        samples.add(new MeterSample(at, MeasurandEnumType.SoC, ReadingContextEnumType.Sample_Periodic, null,
                LocationEnumType.EV, percent, "Percent", 0, null));
        return this;
    }

    Events sample(MeasurandEnumType m, PhaseEnumType phase, double value, String unit) {
        samples.add(new MeterSample(at, m, ReadingContextEnumType.Sample_Periodic, phase, LocationEnumType.Outlet,
                value, unit, 0, null));
        return this;
    }

    TransactionEvent build() {
        return new TransactionEvent(station, tx, seqNo, type, at, trigger, offline, chargingState, stoppedReason,
                null, null, null, 1, 1, idToken, idToken == null ? null : "ISO14443", null, samples,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
