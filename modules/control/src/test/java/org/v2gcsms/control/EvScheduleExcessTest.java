package org.v2gcsms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.control.dispatch.EvseSchedule;
import org.v2gcsms.sessions.session.EvChargingSchedule;
import org.v2gcsms.sessions.session.EvChargingSchedule.Period;

class EvScheduleExcessTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    /** Sent: 22 kW for 10 minutes, then 5 kW, then −10 kW (discharge), for 30 minutes in all. */
    static final EvseSchedule SENT = new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {22, 5, -10});

    static EvChargingSchedule ev(String unit, Integer duration, Period... periods) {
        return new EvChargingSchedule(T0, 1, T0, unit, duration, List.of(periods));
    }

    @Test
    void withinTheSentLimitsIsNoExcess() {
        assertTrue(EvScheduleExcess.first(ev("W", 1200, new Period(0, 22_000, null, null),
                new Period(600, 5_000, null, null)), SENT, 230, 3).isEmpty());
    }

    @Test
    void aPeriodOverlappingALowerStepExceedsIt() {
        // 11 kW for the first 20 minutes: fine in the 22 kW step, beyond the 5 kW one.
        var excess = EvScheduleExcess.first(ev("W", 1200, new Period(0, 11_000, null, null)), SENT, 230, 3);
        assertTrue(excess.isPresent());
        assertTrue(excess.get().contains("11.0 kW, 5.0 kW allowed"), excess.get());
    }

    @Test
    void ampsCountOnThePhasesAtTheNominalVoltage() {
        // 32 A × 3 × 230 V = 22.08 kW: within the 0.1 kW tolerance of 22 kW; 33 A is not.
        assertTrue(EvScheduleExcess.first(ev("A", 600, new Period(0, 32, null, null)), SENT, 230, 3).isEmpty());
        assertTrue(EvScheduleExcess.first(ev("A", 600, new Period(0, 33, null, 3)), SENT, 230, 1).isPresent());
    }

    @Test
    void dischargeBeyondTheSentSetpointExceedsIt() {
        Period discharge = new Period(1200, -10_000, -15_000.0, null);
        var excess = EvScheduleExcess.first(ev("W", 1800, new Period(0, 0, null, null), discharge), SENT, 230, 3);
        assertEquals(true, excess.isPresent());
        assertTrue(excess.get().contains("discharges 15.0 kW"), excess.get());
    }

    @Test
    void onlyTheSpanOfTheSentScheduleCounts() {
        // 50 kW from 30 minutes on, when the sent profile no longer applies.
        assertTrue(EvScheduleExcess.first(ev("W", null, new Period(0, 0, null, null),
                new Period(1800, 50_000, null, null)), SENT, 230, 3).isEmpty());
    }
}
