package org.v2gcsms.sessions.backoffice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    /** Stores a new key, or replaces the one with the same id. */
    void save(ApiKeyRecord key);

    Optional<ApiKeyRecord> byHash(String keyHash);

    Optional<ApiKeyRecord> find(String id);

    /** Every key, revoked ones too, oldest first. */
    List<ApiKeyRecord> all();

    /** Marks the key revoked; false when there is no such key or it was revoked already. */
    boolean revoke(String id, Instant at);
}
