package org.v2gcsms.simulator;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.v2gcsms.ocpp.v21.ConnectorStatusEnumType;

/** One EVSE with its single connector, its meter and the session on it. Owned by the station. */
final class Evse {
    static final int CONNECTOR = 1;

    final int id;
    final double chargeRatingW;
    final double dischargeRatingW;
    boolean operative = true;
    /** An Inoperative ChangeAvailability waiting for the transaction to end. */
    boolean inoperativeWhenIdle;
    /** Meter registers, Wh, for the life of the station. */
    double importedWh;
    double exportedWh;
    Session session;
    ScheduledFuture<?> departure;
    ScheduledFuture<?> sampling;

    Evse(int id, double chargeRatingW, double dischargeRatingW) {
        this.id = id;
        this.chargeRatingW = chargeRatingW;
        this.dischargeRatingW = dischargeRatingW;
    }

    Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    Optional<ChargingProfiles.Transaction> transaction() {
        return session().map(Session::transaction);
    }

    boolean free() {
        return operative && session == null;
    }

    ConnectorStatusEnumType status() {
        if (!operative && session == null) {
            return ConnectorStatusEnumType.Unavailable;
        }
        return session == null ? ConnectorStatusEnumType.Available : ConnectorStatusEnumType.Occupied;
    }

    void cancelTimers() {
        if (departure != null) {
            departure.cancel(false);
            departure = null;
        }
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
        }
    }
}
