package org.v2gcsms.simulator;

import java.time.Instant;

/** A protocol error a station saw: what the {@code simulate} command reports and fails on. */
public record Problem(String stationId, Instant at, Kind kind, String detail) {

    public enum Kind {
        /** The CSMS answered one of our CALLs with a CALLERROR. */
        CALL_ERROR,
        /** A CSMS payload (answer or CALL) broke its schema, or a frame was not OCPP-J. */
        INVALID_MESSAGE,
        /** No answer within the call timeout. */
        NO_ANSWER,
        /** The connection closed or failed without the simulation asking for it. */
        UNEXPECTED_DISCONNECT,
        /** The CSMS did not accept the station's BootNotification. */
        NOT_ACCEPTED,
        /** The simulator built a message its own schema check refused: a simulator bug, never sent. */
        OWN_MESSAGE_INVALID
    }

    @Override
    public String toString() {
        return stationId + " " + kind + ": " + detail;
    }
}
