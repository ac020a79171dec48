package org.v2gcsms.sessions.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The state machine's moves, the limit settings and the planner's figures of a session. */
class SessionRulesTest {

    @Test
    void endedIsFinalAndAuthorisationIsNotUndoneWithoutEnding() {
        for (SessionState s : SessionState.values()) {
            assertTrue(s.canMoveTo(s));
            if (s != SessionState.ENDED) {
                assertTrue(s.canMoveTo(SessionState.ENDED), s + " → ENDED");
                assertFalse(SessionState.ENDED.canMoveTo(s), "ENDED → " + s);
            }
        }
        assertTrue(SessionState.PLUGGED.canMoveTo(SessionState.CHARGING));
        assertTrue(SessionState.CHARGING.canMoveTo(SessionState.DISCHARGING));
        assertTrue(SessionState.DISCHARGING.canMoveTo(SessionState.SUSPENDED_EVSE));
        assertTrue(SessionState.IDLE.canMoveTo(SessionState.PLUGGED));
        assertFalse(SessionState.AUTHORIZED.canMoveTo(SessionState.PLUGGED));
        assertFalse(SessionState.CHARGING.canMoveTo(SessionState.PLUGGED));
    }

    @Test
    void maxSessionDurationsAreReadAsOperatorsWriteThem() {
        assertEquals(Duration.ofMinutes(40), MaxDuration.parse("40m").duration().orElseThrow());
        assertEquals(Duration.ofSeconds(90), MaxDuration.parse("90s").duration().orElseThrow());
        assertEquals(Duration.ofMinutes(90), MaxDuration.parse("1h30m").duration().orElseThrow());
        assertEquals(Duration.ofMinutes(40), MaxDuration.parse("PT40M").duration().orElseThrow());
        assertEquals(MaxDuration.OFF, MaxDuration.parse("off"));
        assertEquals("40m", MaxDuration.DEFAULT.toString());
        assertThrows(IllegalArgumentException.class, () -> MaxDuration.parse("40 minutes"));
        assertThrows(IllegalArgumentException.class, () -> MaxDuration.parse("m40"));
    }

    @Test
    void aGroupLimitWinsOverItsSiteAndTheSiteOverTheDefault() {
        SessionLimits limits = SessionLimits.defaults().withSite("SEOUL", MaxDuration.parse("30m"))
                .withGroup("TAXI", MaxDuration.parse("20m")).withStation("A", "SEOUL", null)
                .withStation("B", "SEOUL", "TAXI").withStation("C", "BUSAN", "NONE");
        assertEquals(MaxDuration.parse("30m"), limits.limitFor("A"));
        assertEquals(MaxDuration.parse("20m"), limits.limitFor("B"));
        assertEquals(MaxDuration.DEFAULT, limits.limitFor("C"));
        assertEquals(MaxDuration.DEFAULT, limits.limitFor("unplaced"));
    }

    @Test
    void theDepartureIsTheEarlierOfLimitAndEvAndTheEnergyFollowsSocOrTheEvRequest() {
        Instant t0 = Instant.parse("2026-11-21T09:00:00Z");
        Session.Builder b = new Session.Builder("CS", "TX", 80, Duration.ofMinutes(40))
                .times(t0, null, null, null, null);
        Session noNeeds = b.build();
        assertEquals(t0.plusSeconds(2400), noNeeds.departureDeadline().orElseThrow());
        assertTrue(noNeeds.energyNeededWh().isEmpty());
        assertFalse(noNeeds.socKnown());

        EvNeeds needs = new EvNeeds(t0, t0.plusSeconds(1500), "DC", null, null, null, 20_000.0, null, null, null, null,
                null, null, null, null, null);
        Session withNeeds = b.energy(5_000.0, 1_000.0).needs(needs, 1_000.0).build();
        assertEquals(t0.plusSeconds(1500), withNeeds.departureDeadline().orElseThrow());
        assertEquals(17_000.0, withNeeds.energyNeededWh().orElseThrow(), "20 kWh asked, 3 kWh net since");

        Session withSoc = b.soc(30.0, t0, 50.0, t0).battery(null, null, 60_000.0).build();
        assertEquals(18_000.0, withSoc.energyNeededWh().orElseThrow(), 1e-9, "50% → 80% of 60 kWh");
        assertEquals(0.0, b.targetSoc(40).build().energyNeededWh().orElseThrow(), "above target needs nothing");
    }
}
