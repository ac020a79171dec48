package org.v2gcsms.sessions.backoffice;

import java.time.Instant;
import java.util.Objects;

/**
 * A back-office API key as stored: never the key itself, only its SHA-256 ({@code keyHash}, hex). {@code role}
 * is the API's role name; {@code revokedAt} is null while the key is valid.
 */
public record ApiKeyRecord(String id, String name, String role, String keyHash, Instant createdAt, String createdBy,
                           Instant revokedAt) {
    public ApiKeyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
