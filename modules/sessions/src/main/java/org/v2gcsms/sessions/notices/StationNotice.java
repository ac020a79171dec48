package org.v2gcsms.sessions.notices;

import java.time.Instant;

/**
 * One notification a station sent. {@code type} is what it is about (the security event type, the event's
 * component.variable and trigger, the log or firmware status); {@code payload} the whole message as JSON.
 * {@code occurredAt} is the station's timestamp, or the receive time when the message has none.
 */
public record StationNotice(long id, String stationId, NoticeKind kind, String type, Instant occurredAt,
                            String payload, Instant receivedAt) {}
