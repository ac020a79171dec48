package org.v2gcsms.sessions.notices;

/** The station-side notifications the CSMS keeps. */
public enum NoticeKind {
    SECURITY_EVENT,
    EVENT,
    LOG_STATUS,
    FIRMWARE_STATUS,
    RESERVATION_STATUS
}
