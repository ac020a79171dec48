package org.v2gcsms.sessions.stations;

import java.util.Objects;
import java.util.Optional;

/**
 * How a station authenticates: its security profile (1..3) and, for profiles 1 and 2, its password as an
 * encoded salted hash (never the password itself).
 */
public record StationSecret(String stationId, int securityProfile, Optional<String> passwordHash) {
    public StationSecret {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (securityProfile < 1 || securityProfile > 3) {
            throw new IllegalArgumentException("security profile must be 1..3, was " + securityProfile);
        }
        if (securityProfile < 3 && passwordHash.isEmpty()) {
            throw new IllegalArgumentException("security profile " + securityProfile + " needs a password hash");
        }
    }
}
