package org.v2gcsms.gridsafety.lom;

import java.time.Instant;

/**
 * Where a site's loss-of-mains supervision stands: NORMAL → TRIPPED → WAITING_TO_REENTER → RAMPING → NORMAL,
 * and any sign of a faulted grid goes back to TRIPPED from every state.
 */
public sealed interface LomState {

    /** When the site entered this state. */
    Instant since();

    /** The state's name as stored and shown: NORMAL, TRIPPED, WAITING_TO_REENTER, RAMPING. */
    String name();

    /** Export allowed without a loss-of-mains cap. */
    record Normal(Instant since) implements LomState {
        public String name() {
            return "NORMAL";
        }
    }

    /** Latched after a grid fault: no discharge at all, whatever the grid does next, until it is back in window. */
    record Tripped(Instant since, String cause) implements LomState {
        public String name() {
            return "TRIPPED";
        }
    }

    /**
     * The grid is back; export stays blocked until V and f have stayed inside the enter-service window for the
     * preset's delay. {@code insideSince} is when the current unbroken stretch inside began (null: outside now).
     */
    record WaitingToReenter(Instant since, Instant insideSince) implements LomState {
        public String name() {
            return "WAITING_TO_REENTER";
        }
    }

    /** Export returning from 0 at the preset's enter-service ramp, counted from {@code since}. */
    record Ramping(Instant since) implements LomState {
        public String name() {
            return "RAMPING";
        }
    }
}
