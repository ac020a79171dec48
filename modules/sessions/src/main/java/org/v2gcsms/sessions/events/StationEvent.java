package org.v2gcsms.sessions.events;

import java.time.Instant;

/** What happens to stations, connectors and transactions, as the domain sees it. */
public sealed interface StationEvent extends DomainEvent {

    String stationId();

    record StationConnected(String stationId, String protocol, Instant at) implements StationEvent {}

    record StationDisconnected(String stationId, Instant at) implements StationEvent {}

    /** A BootNotification was answered with {@code registrationStatus} (Accepted, Pending, Rejected). */
    record StationBooted(String stationId, String vendor, String model, String firmwareVersion, String reason,
                         String registrationStatus, Instant at) implements StationEvent {}

    record ConnectorStatusChanged(String stationId, int evseId, int connectorId, String status, Instant at)
            implements StationEvent {}

    record TransactionStarted(String stationId, String transactionId, Integer evseId, String idToken, Instant at)
            implements StationEvent {}

    /** The transaction's Ended event arrived; energies are null until two readings of the register exist. */
    record TransactionEnded(String stationId, String transactionId, String stoppedReason, Double importedWh,
                            Double exportedWh, Instant at) implements StationEvent {}

    /**
     * Power and energy readings (totals over phases) a station reported, in a MeterValues or TransactionEvent.
     * Null where the message had no such reading. Power is split by direction: a negative import is an export.
     */
    record MeterReading(String stationId, Integer evseId, String transactionId, Double powerImportW,
                        Double powerExportW, Double energyImportWh, Double energyExportWh, Double soc, Instant at)
            implements StationEvent {}
}
