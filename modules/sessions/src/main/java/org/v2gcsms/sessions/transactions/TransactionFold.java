package org.v2gcsms.sessions.transactions;

import java.time.Instant;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;

/**
 * Folds one new (never before applied) event into its transaction. Events may come in any order: offline
 * queues, re-sends and an Ended overtaking Updated events all end in the same transaction, because
 * <ul>
 *   <li>ENDED is final: an older event arriving after it adds its readings but does not reopen it;</li>
 *   <li>the "current" fields (charging state, trigger, EVSE, operation mode) come from the highest seqNo seen;</li>
 *   <li>meter readings are placed by their own timestamps, start and end times by the events' timestamps.</li>
 * </ul>
 */
public final class TransactionFold {
    private TransactionFold() {
    }

    public static Transaction apply(Transaction current, TransactionEvent e) {
        Transaction t = current != null ? current : opened(e);
        boolean newest = current == null || e.seqNo() >= t.lastSeqNo();
        boolean started = e.eventType() == EventType.STARTED;
        boolean ended = e.eventType() == EventType.ENDED;

        TransactionState state = ended ? TransactionState.ENDED : t.state();
        // Until Started arrives, the earliest event we have stands in for the start.
        Instant startedAt = started ? e.timestamp()
                : t.startSeen() ? t.startedAt() : earliest(t.startedAt(), e.timestamp());
        Instant endedAt = ended ? e.timestamp() : t.endedAt();

        EnergyRegister imported = t.energyImport();
        EnergyRegister exported = t.energyExport();
        Double soc = t.lastSoc();
        Instant socAt = t.lastSocAt();
        for (MeterSample s : e.samples()) {
            if (s.isTotal(MeasurandEnumType.Energy_Active_Import_Register) && s.wattHours().isPresent()) {
                imported = imported.with(s.wattHours().get(), s.timestamp());
            } else if (s.isTotal(MeasurandEnumType.Energy_Active_Export_Register) && s.wattHours().isPresent()) {
                exported = exported.with(s.wattHours().get(), s.timestamp());
            } else if (s.measurand() == MeasurandEnumType.SoC && (socAt == null || !s.timestamp().isBefore(socAt))) {
                soc = s.scaledValue();
                socAt = s.timestamp();
            }
        }

        int first = current == null ? e.seqNo() : Math.min(t.firstSeqNo(), e.seqNo());
        int last = current == null ? e.seqNo() : Math.max(t.lastSeqNo(), e.seqNo());
        int count = current == null ? 1 : t.eventCount() + 1;
        boolean startSeen = t.startSeen() || started;
        boolean complete = startSeen && last - first + 1 == count;

        return new Transaction(t.stationId(), t.transactionId(), state,
                pick(newest, e.evseId(), t.evseId()), pick(newest, e.connectorId(), t.connectorId()),
                pick(newest, e.idToken(), t.idToken()), pick(newest, e.idTokenType(), t.idTokenType()),
                firstNonNull(t.remoteStartId(), e.remoteStartId()), firstNonNull(t.reservationId(), e.reservationId()),
                startedAt, endedAt,
                pick(newest, e.chargingState(), t.chargingState()),
                newest ? e.triggerReason() : t.lastTriggerReason(),
                ended ? e.stoppedReason() : t.stoppedReason(),
                pick(newest, e.operationMode(), t.operationMode()),
                startSeen, first, last, count, imported, exported, soc, socAt,
                t.awaitingQueuedEvents() && !complete, t.eventsMissing() && !complete, t.closedByCsms(),
                latest(t.lastEventAt(), e.timestamp()), e.receivedAt(), t.cost());
    }

    private static Transaction opened(TransactionEvent e) {
        return new Transaction(e.stationId(), e.transactionId(), TransactionState.OPEN, null, null, null, null, null,
                null, e.timestamp(), null, null, e.triggerReason(), null, null, false, e.seqNo(), e.seqNo(), 0,
                EnergyRegister.EMPTY, EnergyRegister.EMPTY, null, null, false, false, false, e.timestamp(),
                e.receivedAt(), null);
    }

    private static <T> T pick(boolean newest, T fromEvent, T known) {
        return fromEvent != null && (newest || known == null) ? fromEvent : known;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
