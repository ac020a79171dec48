package org.v2gcsms.server;

import java.util.Objects;
import java.util.Optional;

/**
 * What the registry knows about a station for admitting it: its security profile and, for
 * profiles 1 and 2, the hash of its Basic-auth password.
 */
public record StationCredentials(String stationId, SecurityProfile profile, Optional<PasswordHash> password) {

    public StationCredentials {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(password, "password");
        if (profile != SecurityProfile.TLS_CLIENT_CERTIFICATE && password.isEmpty()) {
            throw new IllegalArgumentException("Security profile " + profile.number() + " needs a password");
        }
    }
}
