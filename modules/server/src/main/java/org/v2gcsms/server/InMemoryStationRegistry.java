package org.v2gcsms.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link StationRegistry} held in memory; thread-safe. Changes apply to the next handshake. */
public final class InMemoryStationRegistry implements StationRegistry {
    private final Map<String, StationCredentials> stations = new ConcurrentHashMap<>();
    private volatile AutoRegistration autoRegistration;

    public InMemoryStationRegistry(AutoRegistration autoRegistration) {
        this.autoRegistration = autoRegistration;
    }

    /** Registers (or re-registers) a station on profile 1 or 2; the password is kept only as a hash. */
    public void registerWithPassword(String stationId, SecurityProfile profile, String password) {
        stations.put(stationId, new StationCredentials(stationId, profile, Optional.of(PasswordHash.of(password))));
    }

    /** Registers (or re-registers) a station on profile 3: it authenticates by client certificate. */
    public void registerWithCertificate(String stationId) {
        stations.put(stationId,
                new StationCredentials(stationId, SecurityProfile.TLS_CLIENT_CERTIFICATE, Optional.empty()));
    }

    public void remove(String stationId) {
        stations.remove(stationId);
    }

    public void setAutoRegistration(AutoRegistration policy) {
        this.autoRegistration = policy;
    }

    @Override
    public void raiseProfile(String stationId, SecurityProfile profile) {
        stations.computeIfPresent(stationId, (id, c) -> new StationCredentials(id, profile, c.password()));
    }

    @Override
    public Optional<StationCredentials> find(String stationId) {
        return Optional.ofNullable(stations.get(stationId));
    }

    @Override
    public AutoRegistration autoRegistration() {
        return autoRegistration;
    }
}
