package org.v2gcsms.sessions.stations;

/**
 * Where a station stands with this CSMS. NEW: it connected but never booted (the unknown-station policy
 * decides at its first BootNotification). Only an ACCEPTED station is served beyond booting.
 */
public enum RegistrationStatus {
    NEW,
    PENDING,
    ACCEPTED,
    REJECTED
}
