package org.v2gcsms.api;

import java.util.Optional;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.server.PasswordHash;
import org.v2gcsms.server.SecurityProfile;
import org.v2gcsms.server.StationCredentials;
import org.v2gcsms.server.StationRegistry;
import org.v2gcsms.sessions.stations.StationRepository;
import org.v2gcsms.sessions.stations.StationSecret;

/**
 * The stations the back office registered (security profile, password hash), as the server's handshake sees
 * them. A profile upgrade the server detects is stored here, so it outlives restarts.
 */
public final class RegisteredStations implements StationRegistry {
    private final StationRepository stations;
    private final AutoRegistration autoRegistration;

    public RegisteredStations(StationRepository stations, AutoRegistration autoRegistration) {
        this.stations = stations;
        this.autoRegistration = autoRegistration;
    }

    @Override
    public Optional<StationCredentials> find(String stationId) {
        return stations.secret(stationId).map(s -> new StationCredentials(stationId,
                SecurityProfile.ofNumber(s.securityProfile()), s.passwordHash().map(PasswordHash::parse)));
    }

    @Override
    public void raiseProfile(String stationId, SecurityProfile profile) {
        StationSecret known = stations.secret(stationId).orElseThrow(() ->
                new IllegalStateException("station " + stationId + " is not registered"));
        if (profile.number() > known.securityProfile()) {
            stations.register(new StationSecret(stationId, profile.number(), known.passwordHash()));
        }
    }

    @Override
    public AutoRegistration autoRegistration() {
        return autoRegistration;
    }
}
