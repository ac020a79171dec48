package org.v2gcsms.sessions.backoffice;

import java.time.Instant;

/**
 * One write through the back-office API: who (the key's name and id), what (method, path, a summary of the
 * request), when, and the HTTP status it was answered with. {@code id} is assigned when stored.
 */
public record AuditEntry(long id, Instant at, String actor, String keyId, String method, String path, String detail,
                         int status) {}
