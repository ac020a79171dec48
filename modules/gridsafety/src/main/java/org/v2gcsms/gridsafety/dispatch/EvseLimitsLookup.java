package org.v2gcsms.gridsafety.dispatch;

import org.v2gcsms.gridsafety.guard.EvseLimits;

/** What limits an EVSE now (ratings, the EV's limits and SoC), for the guard. */
@FunctionalInterface
public interface EvseLimitsLookup {
    EvseLimits limits(String stationId, int evseId);
}
