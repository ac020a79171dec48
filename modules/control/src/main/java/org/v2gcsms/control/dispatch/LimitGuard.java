package org.v2gcsms.control.dispatch;

/**
 * The last word before a schedule goes to a charger: every schedule the dispatcher sends passes here first.
 * The grid-safety module supplies the real guard (grid-code preset, loss of mains, site limits, ramps);
 * {@link RatingGuard} is the default.
 */
public interface LimitGuard {

    /** The schedule as it may be sent: each step equal to or tighter (closer to zero) than asked. */
    EvseSchedule check(EvseTarget target, EvseSchedule schedule);

    /**
     * What {@link #check} last passed for this EVSE did not reach it (within the deadband, refused, unanswered,
     * offline): the EVSE keeps doing what it did, so a guard that counts setpoints (site limits, ramps) counts the
     * earlier one again.
     */
    void notTaken(EvseTarget target);
}
