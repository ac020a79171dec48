package org.v2gcsms.api;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.server.ResponseStream;
import org.v2gcsms.server.RouteResponse;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.events.DomainEvents;

/**
 * {@code GET /api/v1/events}: domain events as Server-Sent Events ({@code event: <type>}, {@code data: <json>}),
 * optionally only some types ({@code ?types=A,B}). A comment goes out every 15 s so proxies keep the connection;
 * a client too slow to take its events is disconnected (it reconnects and reads the state through the API).
 */
final class EventStream implements EndpointGroup, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final DomainEvents events;
    private final Set<ResponseStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sse-keep-alive").factory());

    EventStream(DomainEvents events) {
        this.events = events;
        keepAlive.scheduleAtFixedRate(() -> open.forEach(s -> {
            if (!s.write(": keep-alive\n\n")) {
                s.close();
            }
        }), KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/events", Role.VIEWER, q -> {
            Set<String> types = q.query("types").map(t -> Set.of(t.split(","))).orElse(Set.of());
            return new Reply.Raw(RouteResponse.streamed("text/event-stream; charset=UTF-8",
                    Map.of("Cache-Control", "no-store", "X-Accel-Buffering", "no"), stream -> open(stream, types)));
        });
    }

    private void open(ResponseStream stream, Set<String> types) {
        open.add(stream);
        AutoCloseable subscription = events.subscribe(event -> {
            if (types.isEmpty() || types.contains(event.type())) {
                if (!stream.write(frame(event))) {
                    stream.close();
                }
            }
        });
        stream.onClose(() -> {
            open.remove(stream);
            try {
                subscription.close();
            } catch (Exception e) {
                log.warn("Could not unsubscribe a closed event stream", e);
            }
        });
        // Tells the client the stream is live (and how soon to reconnect) before any event happens.
        stream.write("retry: 3000\n: connected\n\n");
    }

    private String frame(DomainEvent event) {
        return "id: " + ids.incrementAndGet() + "\nevent: " + event.type() + "\ndata: "
                + ApiJson.text(EventJson.of(event)) + "\n\n";
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        open.forEach(ResponseStream::close);
    }
}
