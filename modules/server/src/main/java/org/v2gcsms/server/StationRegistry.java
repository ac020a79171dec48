package org.v2gcsms.server;

import java.util.Optional;

/**
 * Which stations may connect and how they authenticate. The server asks it once per handshake,
 * off the Netty event loop, so implementations may block (a database lookup).
 */
public interface StationRegistry {

    Optional<StationCredentials> find(String stationId);

    /** The policy for stations that {@link #find} does not know. */
    AutoRegistration autoRegistration();
}
