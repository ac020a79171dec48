package org.v2gcsms.sessions.backoffice;

import java.time.Instant;

/**
 * One event on its way to one webhook. PENDING until the receiver answers 2xx (DELIVERED) or the attempts run
 * out (FAILED). {@code lastStatus} is the receiver's last HTTP status (null: no answer, see {@code lastError}).
 */
public record WebhookDelivery(long id, String webhookId, String eventType, String payload, State state, int attempts,
                              Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                              Instant finishedAt) {

    public enum State {
        PENDING,
        DELIVERED,
        FAILED
    }
}
