package org.v2gcsms.control.dispatch;

import java.time.Instant;

/** What happened to one schedule the dispatcher handled. */
public record DispatchRecord(Instant at, String evseKey, String transactionId, Outcome outcome, String detail) {

    public enum Outcome {
        /** Accepted by the station. */
        SENT,
        /** Within the deadband of what the station already has: nothing sent. */
        UNCHANGED,
        /** The bidirectional profile was rejected or unanswered after every attempt (or failed our own checks);
         *  the charge-only fallback was accepted instead. */
        FALLBACK,
        /** Nothing the station accepted (offline, or the fallback failed too). */
        FAILED
    }
}
