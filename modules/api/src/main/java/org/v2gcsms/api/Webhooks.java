package org.v2gcsms.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.sessions.backoffice.Webhook;
import org.v2gcsms.sessions.backoffice.WebhookDelivery;
import org.v2gcsms.sessions.backoffice.WebhookRepository;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.events.DomainEvents;

/**
 * Delivers events to registered webhooks, at least once: each event is queued in the database for every webhook
 * that wants it, then POSTed with its HMAC-SHA256 signature ({@code X-CSMS-Signature: sha256=<hex>}) until the
 * receiver answers 2xx, retrying with exponential back-off ({@link WebhookPolicy}). Deliveries left pending by
 * a stop are sent after the next start. Receivers de-duplicate by {@code X-CSMS-Delivery}.
 */
public final class Webhooks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final int BATCH = 100;
    /** How often the queue is looked at when nothing wakes the dispatcher earlier. */
    private static final Duration IDLE_LOOK = Duration.ofSeconds(1);

    private final WebhookRepository repository;
    private final WebhookPolicy policy;
    private final Clock clock;
    private final HttpClient http;
    private final BlockingQueue<DomainEvent> incoming = new LinkedBlockingQueue<>(100_000);
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread dispatcher;
    private final AutoCloseable subscription;
    private volatile List<Webhook> hooks;
    private volatile boolean running = true;

    public Webhooks(WebhookRepository repository, DomainEvents events, WebhookPolicy policy, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(policy.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.hooks = repository.all();
        this.subscription = events.subscribe(this::accept);
        this.dispatcher = Thread.ofPlatform().daemon().name("webhooks").start(this::dispatch);
    }

    /** Reloads the registered webhooks (after one is added or removed). */
    void reload() {
        hooks = repository.all();
    }

    private void accept(DomainEvent event) {
        if (hooks.stream().anyMatch(h -> h.wants(event.type())) && !incoming.offer(event)) {
            log.error("Webhook queue full; {} is not delivered", event.type());
        }
    }

    private void dispatch() {
        while (running) {
            try {
                DomainEvent event = incoming.poll(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
                while (event != null) {
                    enqueue(event);
                    event = incoming.poll();
                }
                deliverDue();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Webhook dispatch failed; trying again", e);
            }
        }
    }

    private void enqueue(DomainEvent event) {
        String payload = ApiJson.text(EventJson.of(event));
        Instant now = clock.instant();
        for (Webhook h : hooks) {
            if (h.wants(event.type())) {
                repository.enqueue(h.id(), event.type(), payload, now);
            }
        }
    }

    private void deliverDue() throws InterruptedException {
        List<WebhookDelivery> due = repository.due(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return;
        }
        List<java.util.concurrent.Future<?>> running = due.stream()
                .map(d -> attempts.submit(() -> attempt(d))).<java.util.concurrent.Future<?>>map(f -> f).toList();
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("Webhook delivery attempt failed", e.getCause());
            }
        }
    }

    private void attempt(WebhookDelivery d) {
        Webhook hook = repository.find(d.webhookId()).orElse(null);
        if (hook == null) {
            repository.attempted(d.id(), WebhookDelivery.State.FAILED, null, "webhook deleted", null, clock.instant());
            return;
        }
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(hook.url()))
                    .timeout(policy.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-CSMS-Event", d.eventType())
                    .header("X-CSMS-Delivery", Long.toString(d.id()))
                    .header("X-CSMS-Signature", "sha256=" + sign(hook.secret(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stays PENDING: sent after the next start
        }
        Instant now = clock.instant();
        int attemptsSoFar = d.attempts() + 1;
        if (status != null && status / 100 == 2) {
            repository.attempted(d.id(), WebhookDelivery.State.DELIVERED, status, null, null, now);
        } else if (attemptsSoFar >= policy.maxAttempts()) {
            log.warn("Webhook {} gave up on delivery {} after {} attempts (last: {})", hook.url(), d.id(),
                    attemptsSoFar, status != null ? "HTTP " + status : error);
            repository.attempted(d.id(), WebhookDelivery.State.FAILED, status, error, null, now);
        } else {
            repository.attempted(d.id(), WebhookDelivery.State.PENDING, status, error,
                    now.plus(policy.delayAfter(attemptsSoFar)), now);
        }
    }

    /** Hex HMAC-SHA256 of the body under the webhook's secret: what {@code X-CSMS-Signature} carries. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("Could not unsubscribe webhooks", e);
        }
        dispatcher.interrupt();
        attempts.shutdownNow();
        http.close();
    }
}
