package org.v2gcsms.sessions.notices;

import java.time.Instant;
import java.util.List;

public interface NoticeRepository {

    /** Stores the notices (ids are assigned, the given ones ignored). */
    void add(List<StationNotice> notices);

    /** A station's notices of one kind (null: every kind) received at or after {@code since}, newest first. */
    List<StationNotice> find(String stationId, NoticeKind kind, Instant since, int limit);
}
