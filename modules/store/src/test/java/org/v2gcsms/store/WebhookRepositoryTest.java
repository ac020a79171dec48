package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.v2gcsms.sessions.backoffice.Webhook;
import org.v2gcsms.sessions.backoffice.WebhookDelivery;
import org.v2gcsms.sessions.backoffice.WebhookRepository;

class WebhookRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static WebhookRepository withHooks(Store store, String... ids) {
        WebhookRepository repo = store.backOffice().webhooks();
        for (String id : ids) {
            repo.save(new Webhook(id, "https://bo.example/" + id, "0123456789abcdef", List.of(), T0));
        }
        return repo;
    }

    @DatabaseTest
    void oneEventIsQueuedForEachWebhookAndDueAtOnce(Store store) {
        WebhookRepository repo = withHooks(store, "A", "B");
        List<Long> ids = repo.enqueue(List.of("A", "B"), "StationBooted", "{\"n\":1}", T0);

        assertEquals(2, ids.size());
        assertEquals(ids, repo.due(T0, 10).stream().map(WebhookDelivery::id).toList());
        WebhookDelivery a = repo.deliveries("A", 10).get(0);
        assertEquals(ids.get(0), a.id());
        assertEquals(WebhookDelivery.State.PENDING, a.state());
        assertEquals("{\"n\":1}", a.payload());
        assertEquals(0, a.attempts());
        assertEquals(ids.get(1), repo.deliveries("B", 10).get(0).id());
    }

    @DatabaseTest
    void concurrentEnqueuesAreAllCommittedWhenTheyReturn(Store store) throws Exception {
        WebhookRepository repo = withHooks(store, "A");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Long>>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String payload = "{\"n\":" + i + "}";
                writes.add(() -> repo.enqueue(List.of("A"), "E", payload, T0));
            }
            long distinct = threads.invokeAll(writes).stream().map(WebhookRepositoryTest::join)
                    .flatMap(List::stream).distinct().count();
            assertEquals(400, distinct);
        } finally {
            threads.shutdown();
        }
        assertEquals(400, repo.deliveries("A", 1000).size());
    }

    @DatabaseTest
    void anAttemptThatFailsIsDueAgainLaterAndDeletingTheWebhookAbandonsIt(Store store) {
        WebhookRepository repo = withHooks(store, "A");
        long id = repo.enqueue(List.of("A"), "E", "{}", T0).get(0);
        repo.attempted(id, WebhookDelivery.State.PENDING, 503, null, T0.plusSeconds(10), T0);

        assertTrue(repo.due(T0.plusSeconds(9), 10).isEmpty());
        assertEquals(1, repo.due(T0.plusSeconds(10), 10).get(0).attempts());
        assertTrue(repo.delete("A", T0.plusSeconds(11)));
        WebhookDelivery abandoned = repo.deliveries("A", 10).get(0);
        assertEquals(WebhookDelivery.State.FAILED, abandoned.state());
        assertTrue(repo.due(T0.plusSeconds(20), 10).isEmpty());
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
