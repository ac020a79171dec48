package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.sessions.transactions.EventType;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionEvent;

/**
 * Folds one newly stored TransactionEvent into its session. Like the transaction fold it is order-proof:
 * readings and times are placed by their timestamps (earliest plug-in, latest SoC), the state moves only on
 * an event newer (by seqNo) than every one applied before, and ENDED is final. Identity and energy come from
 * the folded {@link Transaction}, which already orders them.
 */
final class SessionFold {
    private static final Set<ChargingStateEnumType> EV_CONNECTED = EnumSet.of(ChargingStateEnumType.EVConnected,
            ChargingStateEnumType.Charging, ChargingStateEnumType.SuspendedEV, ChargingStateEnumType.SuspendedEVSE);
    private static final Set<TriggerReasonEnumType> PLUG_TRIGGERS = EnumSet.of(TriggerReasonEnumType.CablePluggedIn,
            TriggerReasonEnumType.EVDetected);
    private static final Set<TriggerReasonEnumType> AUTH_TRIGGERS = EnumSet.of(TriggerReasonEnumType.Authorized,
            TriggerReasonEnumType.RemoteStart);
    private static final Set<TriggerReasonEnumType> COMPLETE_TRIGGERS = EnumSet.of(
            TriggerReasonEnumType.EnergyLimitReached, TriggerReasonEnumType.SoCLimitReached);

    private SessionFold() {
    }

    /**
     * @param current      the session so far; null for the transaction's first event
     * @param targetSoc    target SoC of a new session
     * @param maxDuration  limit of a new session (null: none)
     */
    static Session apply(Session current, TransactionEvent e, Transaction t, double targetSoc, Duration maxDuration) {
        Session.Builder b = current != null ? current.toBuilder()
                : new Session.Builder(t.stationId(), t.transactionId(), targetSoc, maxDuration);
        boolean newest = current == null || e.seqNo() > current.lastSeqNo();
        Readings r = Readings.of(e.samples());

        b.evse(t.evseId(), t.connectorId()).idToken(t.idToken());
        b.energy(delta(t.energyImport().firstWh(), t.importedWh().orElse(null)),
                delta(t.energyExport().firstWh(), t.exportedWh().orElse(null)));
        readings(b, r);

        Instant at = e.timestamp();
        boolean started = e.eventType() == EventType.STARTED;
        boolean ended = e.eventType() == EventType.ENDED;
        boolean connected = (e.chargingState() != null && EV_CONNECTED.contains(e.chargingState()))
                || PLUG_TRIGGERS.contains(e.triggerReason()) || (started && e.chargingState() == null);
        boolean authorized = e.idToken() != null || AUTH_TRIGGERS.contains(e.triggerReason());
        boolean energy = e.chargingState() == ChargingStateEnumType.Charging
                || (r.powerW() != null && Math.abs(r.powerW()) > 0);
        boolean completed = COMPLETE_TRIGGERS.contains(e.triggerReason())
                || (e.chargingState() == ChargingStateEnumType.SuspendedEV && b.firstEnergyAt != null);
        boolean released = e.triggerReason() == TriggerReasonEnumType.EVDeparted
                || (ended && e.stoppedReason() == ReasonEnumType.EVDisconnected);
        b.times(connected ? earliest(b.pluggedInAt, at) : b.pluggedInAt,
                authorized ? earliest(b.authorizedAt, at) : b.authorizedAt,
                energy ? earliest(b.firstEnergyAt, at) : b.firstEnergyAt,
                completed ? earliest(b.chargeCompletedAt, at) : b.chargeCompletedAt,
                released ? earliest(b.releasedAt, at) : b.releasedAt);

        if (ended && b.state != SessionState.ENDED) {
            EndReason reason = b.limitReachedAt != null ? EndReason.MAX_DURATION_REACHED : EndReason.of(e.stoppedReason());
            String stationReason = e.stoppedReason() == null ? null : e.stoppedReason().value();
            b.ended(reason, stationReason, at);
        } else if (newest) {
            SessionState next = stateAfter(b, e, r);
            if (!b.state.canMoveTo(next)) {
                b.illegalTransition();
            } else {
                b.state(next);
            }
        }
        if (newest) {
            b.lastSeqNo(e.seqNo());
        }
        return b.build();
    }

    /** The state this event reports, given what is known of the session. */
    private static SessionState stateAfter(Session.Builder b, TransactionEvent e, Readings r) {
        boolean authorized = b.authorizedAt != null || b.firstEnergyAt != null;
        if (e.chargingState() == null) {
            return b.state == SessionState.PLUGGED && authorized ? SessionState.AUTHORIZED : b.state;
        }
        return switch (e.chargingState()) {
            case EVConnected -> authorized ? SessionState.AUTHORIZED : SessionState.PLUGGED;
            case Charging -> r.powerW() != null ? (r.powerW() < 0 ? SessionState.DISCHARGING : SessionState.CHARGING)
                    : b.state == SessionState.DISCHARGING ? SessionState.DISCHARGING : SessionState.CHARGING;
            case SuspendedEV -> SessionState.SUSPENDED_EV;
            case SuspendedEVSE -> SessionState.SUSPENDED_EVSE;
            case Idle -> SessionState.IDLE;
        };
    }

    /** Places a message's readings by their timestamps. */
    static void readings(Session.Builder b, Readings r) {
        if (r.soc() != null && (b.socAt == null || !r.socAt().isBefore(b.socAt))) {
            b.soc = r.soc();
            b.socAt = r.socAt();
        }
        if (r.firstSoc() != null && (b.socAtArrivalAt == null || r.firstSocAt().isBefore(b.socAtArrivalAt))) {
            b.socAtArrival = r.firstSoc();
            b.socAtArrivalAt = r.firstSocAt();
        }
        if (r.powerW() != null && (b.powerAt == null || !r.powerAt().isBefore(b.powerAt))) {
            b.power(r.powerW(), r.powerAt());
            b.battery(r.voltageV() != null ? r.voltageV() : b.batteryVoltageV,
                    r.currentA() != null ? r.currentA() : b.batteryCurrentA, b.batteryCapacityWh);
        }
        if (r.capacityWh() != null) {
            b.battery(b.batteryVoltageV, b.batteryCurrentA, r.capacityWh());
        }
    }

    /** Energy over the session: the register's delta, zero after its first reading, null before any. */
    private static Double delta(Double firstReading, Double delta) {
        return delta != null ? delta : firstReading != null ? 0.0 : null;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
