package org.v2gcsms.sessions.session;

import java.util.List;
import java.util.Optional;

/** Durable sessions. Every method has committed when it returns. */
public interface SessionRepository {

    /** Creates or replaces the session. */
    void save(Session session);

    Optional<Session> find(SessionKey key);

    /** Every session not ENDED, by plug-in time. */
    List<Session> active();

    /** Sessions matching the filter, newest plug-in first. */
    List<Session> history(SessionFilter filter);
}
