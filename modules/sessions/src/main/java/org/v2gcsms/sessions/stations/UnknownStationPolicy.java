package org.v2gcsms.sessions.stations;

/**
 * How the first BootNotification of a station the CSMS does not know is answered. PENDING makes the CSMS
 * read the station's device model and apply the provisioning variables before accepting it.
 */
public enum UnknownStationPolicy {
    ACCEPT,
    PENDING,
    REJECT
}
