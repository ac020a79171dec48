package org.v2gcsms.sessions.transactions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;

/**
 * A transaction as folded from its events (see {@link TransactionFold}). Nullable fields are null until an
 * event reported them.
 *
 * @param startSeen            false while the Started event is missing (an event for a transaction we never saw start)
 * @param firstSeqNo           lowest seqNo received
 * @param lastSeqNo            highest seqNo received; its event set the "current" fields (charging state, trigger)
 * @param eventCount           distinct events received
 * @param awaitingQueuedEvents the station said it still has queued messages: missing events may come
 * @param eventsMissing        the station has nothing queued, yet seqNos are missing: those events are lost
 * @param closedByCsms         the stale-transaction policy closed it
 * @param lastEventAt          latest event timestamp (the station's clock)
 * @param lastHeardAt          when we last received an event of it (our clock)
 * @param cost                 the final cost, once the transaction is over and a tariff applies to its station
 *                             (see {@link TransactionService}); null before
 */
public record Transaction(String stationId, String transactionId, TransactionState state, Integer evseId,
                          Integer connectorId, String idToken, String idTokenType, Integer remoteStartId,
                          Integer reservationId, Instant startedAt, Instant endedAt,
                          ChargingStateEnumType chargingState, TriggerReasonEnumType lastTriggerReason,
                          ReasonEnumType stoppedReason, OperationModeEnumType operationMode, boolean startSeen,
                          int firstSeqNo, int lastSeqNo, int eventCount, EnergyRegister energyImport,
                          EnergyRegister energyExport, Double lastSoc, Instant lastSocAt,
                          boolean awaitingQueuedEvents, boolean eventsMissing, boolean closedByCsms,
                          Instant lastEventAt, Instant lastHeardAt, Cost cost) {
    public Transaction {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(energyImport, "energyImport");
        Objects.requireNonNull(energyExport, "energyExport");
    }

    /** Events known to be missing: seqNos between the lowest and highest received that never arrived. */
    public int missingSeqNos() {
        return lastSeqNo - firstSeqNo + 1 - eventCount;
    }

    /** All events from Started to the last received are here (and Ended, if the transaction ended). */
    public boolean complete() {
        return startSeen && missingSeqNos() == 0;
    }

    public Optional<Double> importedWh() {
        return energyImport.deltaWh();
    }

    public Optional<Double> exportedWh() {
        return energyExport.deltaWh();
    }

    Transaction withChecks(boolean awaitingQueuedEvents, boolean eventsMissing) {
        return new Transaction(stationId, transactionId, state, evseId, connectorId, idToken, idTokenType,
                remoteStartId, reservationId, startedAt, endedAt, chargingState, lastTriggerReason, stoppedReason,
                operationMode, startSeen, firstSeqNo, lastSeqNo, eventCount, energyImport, energyExport, lastSoc,
                lastSocAt, awaitingQueuedEvents, eventsMissing, closedByCsms, lastEventAt, lastHeardAt, cost);
    }

    Transaction closedByCsms(Instant heardAt) {
        return new Transaction(stationId, transactionId, TransactionState.CLOSED_BY_CSMS, evseId, connectorId, idToken,
                idTokenType, remoteStartId, reservationId, startedAt, lastEventAt, chargingState, lastTriggerReason,
                stoppedReason, operationMode, startSeen, firstSeqNo, lastSeqNo, eventCount, energyImport,
                energyExport, lastSoc, lastSocAt, false, eventsMissing || !complete(), true, lastEventAt, heardAt,
                cost);
    }

    Transaction heardAt(Instant at) {
        return new Transaction(stationId, transactionId, state, evseId, connectorId, idToken, idTokenType,
                remoteStartId, reservationId, startedAt, endedAt, chargingState, lastTriggerReason, stoppedReason,
                operationMode, startSeen, firstSeqNo, lastSeqNo, eventCount, energyImport, energyExport, lastSoc,
                lastSocAt, awaitingQueuedEvents, eventsMissing, closedByCsms, lastEventAt, at, cost);
    }

    Transaction withCost(Cost finalCost) {
        return new Transaction(stationId, transactionId, state, evseId, connectorId, idToken, idTokenType,
                remoteStartId, reservationId, startedAt, endedAt, chargingState, lastTriggerReason, stoppedReason,
                operationMode, startSeen, firstSeqNo, lastSeqNo, eventCount, energyImport, energyExport, lastSoc,
                lastSocAt, awaitingQueuedEvents, eventsMissing, closedByCsms, lastEventAt, lastHeardAt, finalCost);
    }
}
