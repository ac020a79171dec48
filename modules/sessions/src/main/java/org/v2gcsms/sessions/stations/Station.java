package org.v2gcsms.sessions.stations;

import java.time.Instant;
import java.util.Objects;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * A charging station as the CSMS knows it. Identity fields are null until its first BootNotification;
 * {@code protocolVersion} and {@code lastSeen} until it first connected.
 */
public record Station(String id, String vendor, String model, String serialNumber, String firmwareVersion,
                      OcppVersion protocolVersion, RegistrationStatus registrationStatus, Instant lastBootAt,
                      Instant lastSeen, boolean online) {
    public Station {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registrationStatus, "registrationStatus");
    }
}
