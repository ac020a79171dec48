package org.v2gcsms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.sessions.session.EvNeeds;

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
}
