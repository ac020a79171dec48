package org.v2gcsms.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * One admitted WebSocket connection of a station, as handlers and listeners see it.
 *
 * @param stationId      the identity from the URL path (percent-decoded)
 * @param connectionId   unique per connection, so a replaced connection is told apart from its successor
 * @param version        the negotiated OCPP version
 * @param securityProfile the profile the station was admitted under (for an auto-registered station:
 *                       what its transport offers)
 * @param autoRegistered true when the registry did not know the station and the auto-registration
 *                       policy let it in; see {@link StationRegistry#autoRegistration()}
 */
public record ConnectedStation(String stationId, long connectionId, OcppVersion version,
                               SecurityProfile securityProfile, boolean autoRegistered,
                               InetSocketAddress remoteAddress, Instant connectedAt) {}
