package org.v2gcsms.gridsafety.lom;

import java.time.Instant;
import java.util.Objects;

/**
 * One durable step of a site's loss-of-mains state machine: from, to, why and when. A restart waiting to
 * re-enter records WAITING_TO_REENTER to itself (the enter-service timer restarted).
 */
public record LomTransition(String siteId, String from, String to, String cause, Instant at) {
    public LomTransition {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }
}
