package org.v2gcsms.sessions.events;

import java.time.Instant;

/**
 * Something that happened in the CSMS that others (the API's event stream and webhooks, control) react to.
 * Events are records; any module may define its own (sessions, control, grid safety) and publish them on
 * {@link DomainEvents}. The record's components are its payload on the wire.
 */
public interface DomainEvent {

    /** The event's name on the wire, e.g. {@code StationConnected}. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** When it happened (the CSMS's clock, or the station's when the event reports a station timestamp). */
    Instant at();
}
