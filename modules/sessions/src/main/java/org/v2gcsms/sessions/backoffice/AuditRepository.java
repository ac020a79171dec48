package org.v2gcsms.sessions.backoffice;

import java.time.Instant;
import java.util.List;

public interface AuditRepository {

    void append(AuditEntry entry);

    /** Entries at or after {@code since} (null: any time), of one actor (null: any), newest first. */
    List<AuditEntry> find(String actor, Instant since, int limit);
}
