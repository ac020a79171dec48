package org.v2gcsms.sessions.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.ChargingScheduleType;
import org.v2gcsms.ocpp.v21.NotifyEVChargingScheduleRequest;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;

class EvChargingScheduleTest {
    static final Instant BASE = Instant.parse("2026-03-01T08:00:00Z");

    static ChargingSchedulePeriodType limit(int start, double limit) {
        return new ChargingSchedulePeriodType(start, limit, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    static NotifyEVChargingScheduleRequest request(Integer duration, ChargingSchedulePeriodType... periods) {
        ChargingScheduleType s = new ChargingScheduleType(1, null, null, duration, ChargingRateUnitEnumType.W, null,
                null, null, null, null, List.of(periods), null, null, null, null, null);
        return new NotifyEVChargingScheduleRequest(BASE, s, 2);
    }

    @Test
    void periodsEndAtTheNextStartThenAtTheDuration() {
        EvChargingSchedule s = EvChargingSchedule.of(request(3600, limit(0, 11_000), limit(1800, 7_000)), BASE);
        assertEquals(2, s.evseId());
        assertEquals("W", s.rateUnit());
        assertEquals(BASE, s.start(0));
        assertEquals(BASE.plusSeconds(1800), s.end(0));
        assertEquals(BASE.plusSeconds(3600), s.end(1));
        assertEquals(7_000, s.periods().get(1).limit());
    }

    @Test
    void withoutDurationTheLastPeriodNeverEnds() {
        EvChargingSchedule s = EvChargingSchedule.of(request(null, limit(0, 11_000)), BASE);
        assertNull(s.end(0));
    }

    @Test
    void aSetpointPeriodCountsItsSetpoint() {
        ChargingSchedulePeriodType setpoint = new ChargingSchedulePeriodType(0, null, null, null, null, null, -5_000.0,
                null, null, -4_000.0, null, null, null, null, null, null, null, null,
                OperationModeEnumType.CentralSetpoint, null, null, null);
        EvChargingSchedule s = EvChargingSchedule.of(request(600, setpoint), BASE);
        assertEquals(-4_000, s.periods().get(0).limit());
        assertEquals(-5_000.0, s.periods().get(0).dischargeLimit());
    }
}
