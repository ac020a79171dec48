package org.v2gcsms.sessions.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process event bus. {@link #publish} hands the event to every subscriber on the publisher's thread
 * (a station's message thread), so subscribers must only queue it and return; one that throws is logged and
 * the others still get the event.
 */
public final class DomainEvents {
    private static final Logger log = LoggerFactory.getLogger(DomainEvents.class);

    private final List<Consumer<DomainEvent>> subscribers = new CopyOnWriteArrayList<>();

    public void publish(DomainEvent event) {
        for (Consumer<DomainEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                log.error("Event subscriber failed on {}", event.type(), e);
            }
        }
    }

    /** Subscribes; closing the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<DomainEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
