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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
import org.v2gcsms.sessions.outbound.OutboundUrls;

/**
 * Delivers events to registered webhooks, at least once: each event is written to the database for every webhook
 * that wants it before the event bus call returns, then POSTed with its HMAC-SHA256 signature
 * ({@code X-CSMS-Signature: sha256=<hex>}) until the receiver answers 2xx, retrying with exponential back-off
 * ({@link WebhookPolicy}). Deliveries left pending by a stop or a crash are sent after the next start. Receivers
 * de-duplicate by {@code X-CSMS-Delivery}. Only targets {@link OutboundUrls} allows are called.
 */
public final class Webhooks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final int BATCH = 100;
    /** How often the queue is looked at when nothing wakes the sender earlier (for retries falling due). */
    private static final Duration IDLE_LOOK = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final WebhookRepository repository;
    private final WebhookPolicy policy;
    private final OutboundUrls targets;
    private final Clock clock;
    private final HttpClient http;
    /** Released when a delivery is queued: the sender looks at once instead of at its next idle look. */
    private final Semaphore queued = new Semaphore(0);
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread sender;
    private final AutoCloseable subscription;
    private volatile List<Webhook> hooks;
    private volatile boolean running = true;

    public Webhooks(WebhookRepository repository, DomainEvents events, WebhookPolicy policy, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.targets = new OutboundUrls(policy.allowPrivateTargets(), "webhook-allow-private");
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(policy.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.hooks = repository.all();
        this.subscription = events.subscribe(this::accept);
        this.sender = Thread.ofPlatform().daemon().name("webhooks").start(this::send);
    }

    /** Reloads the registered webhooks (after one is added or removed). */
    void reload() {
        hooks = repository.all();
    }

    /** The rule for webhook URLs, for registration to apply the same one as sending. */
    OutboundUrls targets() {
        return targets;
    }

    /**
     * On the publisher's thread: the deliveries are committed before the event bus call returns, so an event
     * the CSMS acted on cannot be lost to a crash (the repository shares commits between concurrent events).
     */
    private void accept(DomainEvent event) {
        List<String> wanting = hooks.stream().filter(h -> h.wants(event.type())).map(Webhook::id).toList();
        if (wanting.isEmpty()) {
            return;
        }
        repository.enqueue(wanting, event.type(), ApiJson.text(EventJson.of(event)), clock.instant());
        queued.release();
    }

    private void send() {
        while (running) {
            try {
                if (deliverDue() < BATCH) {
                    queued.tryAcquire(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
                    queued.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Webhook sending failed; trying again", e);
            }
        }
    }

    /** Attempts the deliveries due now (at most {@link #BATCH}); returns how many. */
    private int deliverDue() throws InterruptedException {
        List<WebhookDelivery> due = repository.due(clock.instant(), BATCH);
        List<Future<?>> inFlight = due.stream().<Future<?>>map(d -> attempts.submit(() -> attempt(d))).toList();
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (ExecutionException e) {
                log.error("Webhook delivery attempt failed", e.getCause());
            }
        }
        return due.size();
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
            URI target = targets.check(hook.url());
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target)
                    .timeout(policy.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-CSMS-Event", d.eventType())
                    .header("X-CSMS-Delivery", Long.toString(d.id()))
                    .header("X-CSMS-Signature", "sha256=" + sign(hook.secret(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (OutboundUrls.Refused e) {
            log.warn("Webhook {} refused at delivery {}: {}", hook.url(), d.id(), e.getMessage());
            repository.attempted(d.id(), WebhookDelivery.State.FAILED, null, "refused: " + e.getMessage(), null,
                    clock.instant());
            return;
        } catch (java.io.IOException | IllegalArgumentException e) {
            if (!running) {
                return; // aborted by close(): stays PENDING, sent after the next start
            }
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

    /** Stops sending; deliveries not yet sent stay queued in the database for the next start. */
    @Override
    public void close() {
        running = false;
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("Could not unsubscribe webhooks", e);
        }
        // No thread is interrupted: one inside an H2 call would close the database file under every other user.
        // Waking the sender ends its loop; aborting the HTTP exchanges ends the attempts (left PENDING).
        queued.release();
        attempts.shutdown();
        http.shutdownNow();
        try {
            sender.join(STOP_WAIT.toMillis());
            if (!attempts.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Webhook attempts still running after {}", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
