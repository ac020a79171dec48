package org.v2gcsms.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.server.RouteRequest;
import org.v2gcsms.sessions.backoffice.ApiKeyRecord;
import org.v2gcsms.sessions.backoffice.ApiKeyRepository;

/**
 * Issues and checks API keys. A key is 32 random bytes, so a plain SHA-256 of it is what the database keeps:
 * unlike a password it cannot be guessed, and checking it must stay cheap on every request.
 */
public final class ApiKeys {
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    /** Shortest key accepted from the operator at start: anything shorter could be guessed. */
    public static final int MIN_GIVEN_KEY_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final Clock clock;

    /** A key just issued: the plain key is shown this once and never again. */
    public record Issued(ApiKeyRecord record, String key) {}

    public ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A fresh random key (256 bits), as issued; the demo makes its admin key with it. */
    public static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "csms_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public Issued issue(String name, Role role, String createdBy) {
        String key = newKey();
        ApiKeyRecord record = new ApiKeyRecord(UUID.randomUUID().toString(), name, role.wire(), hash(key),
                clock.instant(), createdBy, null);
        keys.save(record);
        return new Issued(record, key);
    }

    /**
     * Makes the key given at start ({@code --admin-api-key}) an admin key, unless it is known already. A key
     * revoked through the API stays revoked even if it is given again.
     */
    public void ensureAdmin(String key) {
        if (key.length() < MIN_GIVEN_KEY_LENGTH) {
            throw new IllegalArgumentException("admin-api-key must be at least " + MIN_GIVEN_KEY_LENGTH + " characters");
        }
        Optional<ApiKeyRecord> known = keys.byHash(hash(key));
        if (known.isEmpty()) {
            keys.save(new ApiKeyRecord(UUID.randomUUID().toString(), "admin (from startup settings)", Role.ADMIN.wire(),
                    hash(key), clock.instant(), "startup", null));
            log.info("Admin API key from the startup settings registered");
        } else if (known.get().revokedAt() != null) {
            log.warn("The admin API key given at startup was revoked on {}; it stays revoked", known.get().revokedAt());
        }
    }

    /** Who sent the request, from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. */
    public Optional<Caller> authenticate(RouteRequest request) {
        Optional<String> key = request.header("x-api-key")
                .or(() -> request.header("authorization")
                        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(h -> h.substring(7).trim()));
        return key.filter(k -> !k.isEmpty())
                .flatMap(k -> keys.byHash(hash(k)))
                .filter(r -> r.revokedAt() == null)
                .flatMap(r -> Role.parse(r.role()).map(role -> new Caller(r.id(), r.name(), role)));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
