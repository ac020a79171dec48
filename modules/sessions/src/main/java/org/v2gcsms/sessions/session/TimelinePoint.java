package org.v2gcsms.sessions.session;

import java.time.Instant;

/**
 * One moment of a session's timeline: what the station measured at {@code at}. Null where it measured no
 * such value then. Energies are since the session's first register reading.
 *
 * @param powerW positive charging, negative discharging
 */
public record TimelinePoint(Instant at, Double soc, Double powerW, Double importedWh, Double exportedWh) {}
