package org.v2gcsms.simulator;

import java.time.Instant;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.IdTokenType;

/**
 * One EV plugged into one EVSE, and the transaction it runs. Not thread-safe: owned by the station.
 *
 * @see Evse
 */
final class Session {
    final Arrival arrival;
    final Battery battery;
    final String transactionId;
    final IdTokenType idToken;
    final Integer remoteStartId;
    final Instant pluggedIn;
    /** When the EV leaves on its own or the session limit ends it, whichever is first. */
    final Instant leavesAt;
    final boolean endsByLimit;
    private int seqNo;
    /** False until the driver is authorised and the transaction has started. */
    boolean started;
    Instant integratedUntil;
    ChargingStateEnumType chargingState = ChargingStateEnumType.EVConnected;
    /** Grid power at the last integration step, W (+ import, − export). */
    double powerW;

    Session(Arrival arrival, String transactionId, IdTokenType idToken, Integer remoteStartId, Instant pluggedIn,
            java.time.Duration limit) {
        this.arrival = arrival;
        this.battery = new Battery(arrival.model().batteryKwh(), arrival.socAtArrival());
        this.transactionId = transactionId;
        this.idToken = idToken;
        this.remoteStartId = remoteStartId;
        this.pluggedIn = pluggedIn;
        this.endsByLimit = arrival.stay().compareTo(limit) >= 0;
        this.leavesAt = pluggedIn.plus(endsByLimit ? limit : arrival.stay());
        this.integratedUntil = pluggedIn;
    }

    int nextSeqNo() {
        return seqNo++;
    }

    ChargingProfiles.Transaction transaction() {
        return new ChargingProfiles.Transaction(transactionId, pluggedIn);
    }

    double evMaxChargeW() {
        return arrival.model().maxChargeKw() * 1000;
    }

    double evMaxDischargeW() {
        return arrival.model().maxDischargeKw() * 1000;
    }
}
