package org.v2gcsms.sessions.stations;

import java.time.Instant;
import org.v2gcsms.ocpp.v21.ConnectorStatusEnumType;

/** The last reported state of one connector of one EVSE. {@code status} is null for a connector known only from a report. */
public record ConnectorState(String stationId, int evseId, int connectorId, ConnectorStatusEnumType status,
                             Instant reportedAt) {}
