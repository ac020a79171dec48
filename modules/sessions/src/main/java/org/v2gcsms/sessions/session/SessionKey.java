package org.v2gcsms.sessions.session;

import java.util.Objects;

/** A session is one transaction at one station. */
public record SessionKey(String stationId, String transactionId) {
    public SessionKey {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    @Override
    public String toString() {
        return stationId + "/" + transactionId;
    }
}
