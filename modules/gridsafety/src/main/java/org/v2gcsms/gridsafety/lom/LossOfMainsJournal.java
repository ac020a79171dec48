package org.v2gcsms.gridsafety.lom;

import java.util.List;
import java.util.Optional;

/**
 * Where transitions are kept so a restarted CSMS resumes each site in the state it left (the store implements
 * it on the database). {@link #append} returns once the transition is committed.
 */
public interface LossOfMainsJournal {

    void append(LomTransition transition);

    /** The site's most recent transition. */
    Optional<LomTransition> latest(String siteId);

    /** The site's transitions, newest first, at most {@code limit}. */
    List<LomTransition> history(String siteId, int limit);

    /** Kept in memory only: for tests and the scenario run, never for a CSMS that must survive a restart. */
    static LossOfMainsJournal inMemory() {
        return new LossOfMainsJournal() {
            private final List<LomTransition> all = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public void append(LomTransition t) {
                all.add(t);
            }

            @Override
            public Optional<LomTransition> latest(String siteId) {
                return history(siteId, 1).stream().findFirst();
            }

            @Override
            public List<LomTransition> history(String siteId, int limit) {
                List<LomTransition> mine = new java.util.ArrayList<>(all.stream()
                        .filter(t -> t.siteId().equals(siteId)).toList());
                java.util.Collections.reverse(mine);
                return mine.subList(0, Math.min(limit, mine.size()));
            }
        };
    }
}
