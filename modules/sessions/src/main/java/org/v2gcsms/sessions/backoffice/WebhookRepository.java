package org.v2gcsms.sessions.backoffice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered webhooks and the durable queue and log of their deliveries. */
public interface WebhookRepository {

    void save(Webhook webhook);

    Optional<Webhook> find(String id);

    List<Webhook> all();

    /** Removes the webhook; its pending deliveries are abandoned (FAILED). False when there is no such webhook. */
    boolean delete(String id, Instant at);

    /**
     * Queues an event for each of the webhooks, due at once, and returns only once the deliveries are committed
     * (so a crash after it cannot lose them); returns their ids, in the order of {@code webhookIds}.
     */
    List<Long> enqueue(List<String> webhookIds, String eventType, String payload, Instant at);

    /** PENDING deliveries due at {@code now}, oldest first. */
    List<WebhookDelivery> due(Instant now, int limit);

    /** Records one attempt: its outcome, and when to try next if still PENDING. */
    void attempted(long deliveryId, WebhookDelivery.State state, Integer status, String error, Instant nextAttemptAt,
                   Instant at);

    /** A webhook's deliveries, newest first. */
    List<WebhookDelivery> deliveries(String webhookId, int limit);
}
