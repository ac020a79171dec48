package org.v2gcsms.sessions.commands;

import java.time.Instant;

/**
 * One CALL the CSMS sent and how it ended. {@code status} is the response's {@code status} field when it has
 * one; {@code response} the whole response as JSON; {@code error} why there was no response. Both null while
 * the call is outstanding.
 */
public record CommandRecord(long id, String stationId, String action, String request, Instant sentAt,
                            String status, String response, String error, Instant finishedAt) {}
