package org.v2gcsms.sessions.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a session is, as the CSMS sees it. The moves allowed between states are listed here and nowhere else
 * ({@link #canMoveTo}); an event asking for any other move is an illegal transition: logged, counted, ignored.
 * ENDED is final.
 */
public enum SessionState {
    /** The EV is connected; nobody has been authorised yet. */
    PLUGGED,
    /** Authorised and connected, no energy flowing. */
    AUTHORIZED,
    /** Energy flows to the EV. */
    CHARGING,
    /** Energy flows from the EV to the grid (V2G). */
    DISCHARGING,
    /** The EV does not take energy (full, or waiting). */
    SUSPENDED_EV,
    /** The EVSE does not give energy (limited to zero by a profile, or a fault). */
    SUSPENDED_EVSE,
    /** The transaction runs but no EV is connected (unplugged before the station's stop point). */
    IDLE,
    ENDED;

    private static final Set<SessionState> FLOWING = EnumSet.of(CHARGING, DISCHARGING, SUSPENDED_EV, SUSPENDED_EVSE);

    /** Whether the move {@code this → next} is allowed; staying is always allowed. */
    public boolean canMoveTo(SessionState next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case PLUGGED -> true;
            case AUTHORIZED -> next != PLUGGED;
            case CHARGING, DISCHARGING, SUSPENDED_EV, SUSPENDED_EVSE ->
                    FLOWING.contains(next) || next == AUTHORIZED || next == IDLE || next == ENDED;
            case IDLE -> true;
            case ENDED -> false;
        };
    }

    /** The wire name used by the API and the database, e.g. {@code SuspendedEV}. */
    public String wire() {
        return switch (this) {
            case PLUGGED -> "Plugged";
            case AUTHORIZED -> "Authorized";
            case CHARGING -> "Charging";
            case DISCHARGING -> "Discharging";
            case SUSPENDED_EV -> "SuspendedEV";
            case SUSPENDED_EVSE -> "SuspendedEVSE";
            case IDLE -> "Idle";
            case ENDED -> "Ended";
        };
    }
}
