package org.v2gcsms.sessions.backoffice;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A URL that gets events POSTed, signed with {@code secret} (HMAC-SHA256). {@code eventTypes} empty: every
 * event.
 */
public record Webhook(String id, String url, String secret, List<String> eventTypes, Instant createdAt) {
    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        eventTypes = List.copyOf(eventTypes);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean wants(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
