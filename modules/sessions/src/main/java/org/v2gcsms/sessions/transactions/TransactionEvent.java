package org.v2gcsms.sessions.transactions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;

/**
 * One TransactionEvent as stored: what the station said, with its meter samples, and when it reached us.
 * (stationId, transactionId, seqNo) identifies it; a re-sent event carries the same three.
 * Optional fields are null when the station left them out.
 */
public record TransactionEvent(String stationId, String transactionId, int seqNo, EventType eventType,
                               Instant timestamp, TriggerReasonEnumType triggerReason, boolean offline,
                               ChargingStateEnumType chargingState, ReasonEnumType stoppedReason,
                               OperationModeEnumType operationMode, Integer remoteStartId, Integer reservationId,
                               Integer evseId, Integer connectorId, String idToken, String idTokenType,
                               Integer numberOfPhasesUsed, List<MeterSample> samples, Instant receivedAt) {
    public TransactionEvent {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(triggerReason, "triggerReason");
        Objects.requireNonNull(receivedAt, "receivedAt");
        samples = List.copyOf(samples);
    }
}
