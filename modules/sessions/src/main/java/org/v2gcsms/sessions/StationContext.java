package org.v2gcsms.sessions;

import java.util.Objects;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * Who sent a message: the station, the OCPP version its connection speaks and which connection it is
 * (a reconnect gets a new id, so state kept per connection is told apart).
 */
public record StationContext(String stationId, OcppVersion version, long connectionId) {
    public StationContext {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(version, "version");
    }
}
