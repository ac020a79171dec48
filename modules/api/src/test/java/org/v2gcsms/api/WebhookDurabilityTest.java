package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.v2gcsms.sessions.backoffice.Webhook;
import org.v2gcsms.sessions.backoffice.WebhookDelivery;
import org.v2gcsms.sessions.backoffice.WebhookRepository;
import org.v2gcsms.sessions.events.DomainEvents;
import org.v2gcsms.sessions.events.StationEvent;
import org.v2gcsms.store.DatabaseConfig;
import org.v2gcsms.store.Store;

/**
 * Webhooks on the H2 file database as the app keeps it: a delivery is in the database when the event bus call
 * returns, survives a stop right after it, and is sent by the next start; a URL that turns private after
 * registration is refused when sending.
 */
class WebhookDurabilityTest {
    private static final WebhookPolicy FAST_RETRIES = new WebhookPolicy(Duration.ofMillis(100),
            Duration.ofMillis(400), 5, Duration.ofSeconds(5), true);

    record Received(String delivery, String body) {}

    private Path dir;
    private HttpServer receiver;
    /** The receiver answers 503 until this is set, then 204. */
    private final AtomicBoolean accepting = new AtomicBoolean();
    private final List<Received> taken = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Received> firstTaken = new CompletableFuture<>();

    @BeforeEach
    void receiver() throws Exception {
        dir = Files.createTempDirectory("csms-webhooks-");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Received r = new Received(exchange.getRequestHeaders().getFirst("X-CSMS-Delivery"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean take = accepting.get();
            exchange.sendResponseHeaders(take ? 204 : 503, -1);
            exchange.close();
            if (take) {
                taken.add(r);
                firstTaken.complete(r);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static Webhook hook(String id, String url) {
        return new Webhook(id, url, "0123456789abcdef-secret", List.of("StationBooted"), Instant.now());
    }

    private static StationEvent.StationBooted booted(String stationId) {
        return new StationEvent.StationBooted(stationId, "Acme", "V2G-11", "1.0", "PowerUp", "Accepted",
                Instant.now());
    }

    @Test
    void everyDeliveryIsInTheDatabaseWhenPublishReturns() {
        try (Store store = Store.open(DatabaseConfig.h2(dir))) {
            WebhookRepository repository = store.backOffice().webhooks();
            repository.save(hook("H-1", url()));
            repository.save(hook("H-2", url()));
            DomainEvents events = new DomainEvents();
            try (Webhooks webhooks = new Webhooks(repository, events, FAST_RETRIES, Clock.systemUTC())) {
                for (int i = 0; i < 200; i++) {
                    events.publish(booted("CS-" + i));
                }
                // No waiting: publish has returned, so each event is queued for both webhooks.
                assertEquals(200, repository.deliveries("H-1", 1000).size());
                List<WebhookDelivery> second = repository.deliveries("H-2", 1000);
                assertEquals(200, second.size());
                assertTrue(second.get(0).payload().contains("\"stationId\":\"CS-199\""), second.get(0).payload());
            }
        }
    }

    @Test
    void deliveriesQueuedRightBeforeAStopAreSentAfterTheNextStart() throws Exception {
        int burst = 50;
        Set<String> queuedIds;
        try (Store store = Store.open(DatabaseConfig.h2(dir))) {
            WebhookRepository repository = store.backOffice().webhooks();
            repository.save(hook("H-1", url()));
            DomainEvents events = new DomainEvents();
            try (Webhooks webhooks = new Webhooks(repository, events, FAST_RETRIES, Clock.systemUTC())) {
                for (int i = 0; i < burst; i++) {
                    events.publish(booted("CS-RESTART-" + i));
                }
            }
            List<WebhookDelivery> log = repository.deliveries("H-1", 1000);
            assertEquals(burst, log.size());
            assertTrue(log.stream().allMatch(d -> d.state() == WebhookDelivery.State.PENDING),
                    "the receiver has taken none yet");
            queuedIds = log.stream().map(d -> Long.toString(d.id())).collect(Collectors.toSet());
        }
        accepting.set(true);

        try (Store store = Store.open(DatabaseConfig.h2(dir));
             Webhooks webhooks = new Webhooks(store.backOffice().webhooks(), new DomainEvents(), FAST_RETRIES,
                     Clock.systemUTC())) {
            Received first = firstTaken.get(20, TimeUnit.SECONDS);
            assertTrue(first.body().contains("\"stationId\":\"CS-RESTART-"), first.body());
            Await.until(() -> store.backOffice().webhooks().deliveries("H-1", 1000).stream()
                    .allMatch(d -> d.state() == WebhookDelivery.State.DELIVERED), Duration.ofSeconds(20),
                    "every delivery to be taken");
            assertEquals(queuedIds, taken.stream().map(Received::delivery).collect(Collectors.toSet()),
                    "each queued delivery reached the receiver after the restart");
        }
    }

    @Test
    void aTargetThatIsPrivateWhenSendingIsRefusedNotCalled() throws Exception {
        accepting.set(true);
        try (Store store = Store.open(DatabaseConfig.h2(dir))) {
            WebhookRepository repository = store.backOffice().webhooks();
            // As if its name had resolved to a public address at registration and to loopback now.
            repository.save(hook("H-REBOUND", url()));
            DomainEvents events = new DomainEvents();
            try (Webhooks webhooks = new Webhooks(repository, events, WebhookPolicy.defaults(), Clock.systemUTC())) {
                events.publish(booted("CS-REBOUND"));
                Await.until(() -> repository.deliveries("H-REBOUND", 10).get(0).state()
                        == WebhookDelivery.State.FAILED, Duration.ofSeconds(10), "the delivery to be refused");
            }
            WebhookDelivery d = repository.deliveries("H-REBOUND", 10).get(0);
            assertTrue(d.lastError().contains("127.0.0.1") && d.lastError().contains("loopback"), d.lastError());
            assertEquals(1, d.attempts(), "refused at once, not retried");
            assertTrue(taken.isEmpty(), "the receiver was never called");
        }
    }
}
