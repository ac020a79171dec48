package org.v2gcsms.server;

/** Where a CSMS-initiated CALL joins the station's outbound queue. */
public enum CallPriority {
    /** Behind every call already waiting. */
    NORMAL,
    /**
     * Ahead of every NORMAL call waiting (behind earlier HIGH ones). It still waits for the one call
     * in flight: OCPP allows only one outstanding CALL per direction.
     */
    HIGH
}
