package org.v2gcsms.sessions.stations;

import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.v2gcsms.ocpp.OcppVersion;

/** Durable station records. Every method has committed when it returns. */
public interface StationRepository {

    Optional<Station> find(String stationId);

    List<Station> all();

    /** Creates the station (status NEW) if it is not there yet, and marks it online. */
    void connected(String stationId, OcppVersion version, Instant at);

    void disconnected(String stationId, Instant at);

    /** Records when each station was last heard from (a batch: heartbeats are flushed together). */
    void seen(Map<String, Instant> lastSeenByStation);

    /** Records the identity a BootNotification gave and the status it was answered with. */
    void booted(String stationId, StationIdentity identity, RegistrationStatus status);

    void setRegistrationStatus(String stationId, RegistrationStatus status);

    /** Creates or updates a connector (and its EVSE); a null status leaves a known status alone. */
    void connectorReported(ConnectorState state);

    List<ConnectorState> connectors(String stationId);

    Optional<StationSecret> secret(String stationId);

    /** Creates the station (status ACCEPTED if new) with these credentials, or replaces its credentials. */
    void register(StationSecret secret);
}
