package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.time.Instant;
import org.v2gcsms.sessions.events.DomainEvent;

/**
 * What the session manager publishes on {@link org.v2gcsms.sessions.events.DomainEvents}. Each names its
 * session by station and transaction id; {@code at} is the CSMS's clock unless noted.
 */
public sealed interface SessionEvent extends DomainEvent {

    String stationId();

    /** A session began (its transaction's first event arrived); {@code limitDeadline} null without a limit. */
    record SessionStarted(String stationId, String transactionId, Integer evseId, String idToken,
                          Instant pluggedInAt, Instant limitDeadline, Instant at) implements SessionEvent {}

    /** The session's state moved (e.g. Charging → Discharging). */
    record SessionStateChanged(String stationId, String transactionId, String from, String to, Instant at)
            implements SessionEvent {}

    /** A newer SoC reading; {@code at} is the reading's time. */
    record SocUpdated(String stationId, String transactionId, Integer evseId, double soc, Instant at)
            implements SessionEvent {}

    /** The EV's needs or the session's target SoC changed; what the planner reads changed with them. */
    record NeedsUpdated(String stationId, String transactionId, Integer evseId, EvNeeds needs, double targetSoc,
                        Instant departureDeadline, Double energyNeededWh, Instant at) implements SessionEvent {}

    /** The EV reported the schedule it chose (ISO 15118, NotifyEVChargingSchedule). */
    record EvScheduleReported(String stationId, String transactionId, Integer evseId, EvChargingSchedule schedule,
                              Instant at) implements SessionEvent {}

    /** The maximum duration ends at {@code deadline}, {@code remaining} from now. */
    record LimitApproaching(String stationId, String transactionId, Integer evseId, Instant deadline,
                            Duration remaining, Instant at) implements SessionEvent {}

    /** The maximum duration was reached; the CSMS is stopping the transaction. */
    record LimitReached(String stationId, String transactionId, Integer evseId, Instant deadline, Instant at)
            implements SessionEvent {}

    /** The station did not end the transaction after {@code attempts} RequestStopTransactions: flagged. */
    record StopIgnored(String stationId, String transactionId, int attempts, Instant at) implements SessionEvent {}

    /** The session ended; energies over the session, null when not measured. {@code at}: the station's time. */
    record SessionEnded(String stationId, String transactionId, String endReason, String stoppedReason,
                        Double importedWh, Double exportedWh, Instant at) implements SessionEvent {}

    /** The station has no connection any more: its {@code activeSessions} cannot be steered. */
    record StationOffline(String stationId, int activeSessions, Instant at) implements SessionEvent {}

    /** The station is connected again (or for the first time). */
    record StationOnline(String stationId, int activeSessions, Instant at) implements SessionEvent {}
}
