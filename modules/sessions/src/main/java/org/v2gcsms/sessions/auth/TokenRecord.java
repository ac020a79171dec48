package org.v2gcsms.sessions.auth;

import java.time.Instant;
import java.util.Objects;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;

/**
 * An id token the CSMS knows. {@code type} is the OCPP IdTokenType (ISO14443, eMAID, ...); {@code expiresAt}
 * and {@code groupId} are null when not set. An expired token authorizes as Expired whatever its status.
 */
public record TokenRecord(String idToken, String type, AuthorizationStatusEnumType status, Instant expiresAt,
                          String groupId) {
    public TokenRecord {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }
}
