package org.v2gcsms.sessions.stations;

import java.time.Instant;
import org.v2gcsms.ocpp.OcppVersion;

/** What a BootNotification says about the station. */
public record StationIdentity(String vendor, String model, String serialNumber, String firmwareVersion,
                              OcppVersion protocolVersion, String bootReason, Instant bootedAt) {}
