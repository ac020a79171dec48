package org.v2gcsms.server;

/** The outcome of checking a station's handshake against the registry. */
sealed interface Admission {

    record Admitted(String stationId, SecurityProfile profile, boolean autoRegistered) implements Admission {}

    /** {@code reason} is for our log only; the station sees just the status. */
    record Refused(int httpStatus, String reason) implements Admission {}
}
