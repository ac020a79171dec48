package org.v2gcsms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.sessions.session.EvNeeds;
import org.v2gcsms.sessions.session.Session;

class SessionPlanInputsTest {

    static EvNeeds ac(String mode, Double maxCurrentA) {
        return new EvNeeds(Instant.EPOCH, null, mode, List.of(), null, null, 20_000.0, 6.0, maxCurrentA, 400.0, null,
                null, null, null, null, null);
    }

    @Test
    void anAcEvTakesItsMaximumCurrentOnThePhasesItUses() {
        assertEquals(22.08, SessionPlanInputs.evChargeKw(ac("AC_three_phase", 32.0), 230), 1e-9);
        assertEquals(7.36, SessionPlanInputs.evChargeKw(ac("AC_single_phase", 32.0), 230), 1e-9);
        assertEquals(14.72, SessionPlanInputs.evChargeKw(ac("AC_two_phase", 32.0), 230), 1e-9);
    }

    @Test
    void withoutAnyLimitTheEvseRatingDecides() {
        assertEquals(Double.POSITIVE_INFINITY, SessionPlanInputs.evChargeKw(ac("AC_three_phase", null), 230));
        assertEquals(Double.POSITIVE_INFINITY, SessionPlanInputs.evChargeKw(ac("DC", 100.0), 230));
        assertEquals(Double.POSITIVE_INFINITY, SessionPlanInputs.evChargeKw(null, 230));
    }

    static EvNeeds v2x(Double evTargetSoc) {
        return new EvNeeds(Instant.EPOCH, null, "DC_BPT", List.of(), null, null, null, null, null, null, null,
                null, null, null, null, new EvNeeds.V2x(null, 11_000.0, null, 11_000.0, null, null, null, null, null,
                null, 0.0, -10_000.0, 40_000.0, null, null, evTargetSoc));
    }

    static Session session(double socPercent, EvNeeds needs) {
        return new Session.Builder("CS", "TX", 80, null).soc(socPercent, Instant.EPOCH, socPercent, Instant.EPOCH)
                .battery(null, null, 60_000.0).needs(needs, 0.0).build();
    }

    @Test
    void aV2xEvAboveTheTargetItDeclaredOffersTheSurplusBack() {
        assertEquals(-6.0, SessionPlanInputs.energyNeededKwh(session(90, v2x(80.0)), 99), 1e-9);
        assertEquals(6.0, SessionPlanInputs.energyNeededKwh(session(70, v2x(80.0)), 99), 1e-9);
    }

    @Test
    void aTargetTheEvDidNotDeclareNeverTakesEnergyOut() {
        assertEquals(0.0, SessionPlanInputs.energyNeededKwh(session(90, v2x(null)), 99), 1e-9);
        assertEquals(0.0, SessionPlanInputs.energyNeededKwh(session(90, null), 99), 1e-9);
    }
}
