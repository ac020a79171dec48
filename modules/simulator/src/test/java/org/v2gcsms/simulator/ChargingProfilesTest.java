package org.v2gcsms.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.v21.ChargingProfileKindEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfilePurposeEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileType;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.ChargingScheduleType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;

class ChargingProfilesTest {
    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    private static final ChargingProfiles.Transaction TX = new ChargingProfiles.Transaction("tx-1", T0);

    private static ChargingProfileType profile(int id, int stack, ChargingProfilePurposeEnumType purpose, String tx,
                                               Integer duration, ChargingSchedulePeriodType... periods) {
        ChargingScheduleType schedule = new ChargingScheduleType(1, null, T0, duration, ChargingRateUnitEnumType.W, null,
                null, null, null, null, List.of(periods), null, null, null, null, null);
        return new ChargingProfileType(id, stack, purpose, ChargingProfileKindEnumType.Absolute, null, null, null, tx, null,
                List.of(schedule), null, null, null, null, null);
    }

    private static ChargingSchedulePeriodType limit(int start, double watts) {
        return new ChargingSchedulePeriodType(start, watts, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void higherStackLevelWinsWhileItRunsThenTheLowerOneApplies() {
        ChargingProfiles p = new ChargingProfiles();
        assertEquals(Optional.empty(), p.install(0, profile(1, 0, ChargingProfilePurposeEnumType.TxDefaultProfile, null, null,
                limit(0, 11_000)), Optional.empty(), 2, true, T0));
        assertEquals(Optional.empty(), p.install(1, profile(2, 3, ChargingProfilePurposeEnumType.TxDefaultProfile, null, 600,
                limit(0, 7_000)), Optional.empty(), 2, true, T0));
        assertEquals(7_000, p.windowAt(1, Optional.of(TX), T0.plusSeconds(10), 1).maxChargeW());
        assertEquals(11_000, p.windowAt(1, Optional.of(TX), T0.plusSeconds(600), 1).maxChargeW());
        assertEquals(11_000, p.windowAt(2, Optional.of(TX), T0.plusSeconds(10), 1).maxChargeW(), "EVSE 2 has only the default");
        assertEquals(T0.plusSeconds(600), p.nextChangeAfter(1, Optional.of(TX), T0.plusSeconds(10)));
    }

    @Test
    void aTxProfileBeatsDefaultsAndTheStationMaximumCapsItSharedByChargingEvses() {
        ChargingProfiles p = new ChargingProfiles();
        p.install(0, profile(1, 0, ChargingProfilePurposeEnumType.ChargingStationMaxProfile, null, null, limit(0, 30_000)),
                Optional.empty(), 2, true, T0);
        p.install(0, profile(2, 5, ChargingProfilePurposeEnumType.TxDefaultProfile, null, null, limit(0, 5_000)),
                Optional.empty(), 2, true, T0);
        p.install(1, profile(3, 0, ChargingProfilePurposeEnumType.TxProfile, "tx-1", null, limit(0, 22_000)),
                Optional.of(TX), 2, true, T0);
        assertEquals(22_000, p.windowAt(1, Optional.of(TX), T0, 1).maxChargeW());
        assertEquals(15_000, p.windowAt(1, Optional.of(TX), T0, 2).maxChargeW(), "two EVSEs share 30 kW");
        p.transactionEnded("tx-1");
        assertEquals(5_000, p.windowAt(1, Optional.of(TX), T0, 1).maxChargeW());
    }

    @Test
    void refusesWhatARealStationRefuses() {
        ChargingProfiles p = new ChargingProfiles();
        assertEquals(Optional.of("TxNotFound"), p.install(1, profile(1, 0, ChargingProfilePurposeEnumType.TxProfile, "other",
                null, limit(0, 1)), Optional.of(TX), 1, true, T0));
        assertEquals(Optional.of("InvalidEvse"), p.install(1, profile(1, 0,
                ChargingProfilePurposeEnumType.ChargingStationMaxProfile, null, null, limit(0, 1)), Optional.empty(), 1, true, T0));
        ChargingSchedulePeriodType discharge = new ChargingSchedulePeriodType(0, null, null, null, null, null, null, null,
                null, -5_000.0, null, null, null, null, null, null, null, null, OperationModeEnumType.CentralSetpoint, null, null, null);
        assertEquals(Optional.of("NoDischarge"), p.install(1, profile(1, 0, ChargingProfilePurposeEnumType.TxDefaultProfile,
                null, null, discharge), Optional.empty(), 1, false, T0));
        p.install(1, profile(1, 0, ChargingProfilePurposeEnumType.TxDefaultProfile, null, null, discharge), Optional.empty(), 1, true, T0);
        assertEquals(-5_000, p.windowAt(1, Optional.empty(), T0, 1).requestedW(), "unbounded discharge follows the setpoint");
        assertEquals(Optional.of("DuplicateProfile"), p.install(1, profile(9, 0, ChargingProfilePurposeEnumType.TxDefaultProfile,
                null, null, limit(0, 1)), Optional.empty(), 1, true, T0));
        assertNull(p.nextChangeAfter(1, Optional.empty(), T0.plusSeconds(5)));
    }
}
