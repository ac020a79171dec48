package org.v2gcsms.server;

import java.util.Optional;

/**
 * Which stations may connect and how they authenticate. The server asks it once per handshake,
 * off the Netty event loop, so implementations may block (a database lookup).
 */
public interface StationRegistry {

    Optional<StationCredentials> find(String stationId);

    /**
     * Keeps a station's higher security profile after it proved itself on it (profile upgrade, A05): from then
     * on {@link #find} reports the new profile and connections on lower ones are refused.
     */
    void raiseProfile(String stationId, SecurityProfile profile);

    /** The policy for stations that {@link #find} does not know. */
    AutoRegistration autoRegistration();
}
