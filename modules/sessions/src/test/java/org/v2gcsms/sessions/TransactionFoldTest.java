package org.v2gcsms.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.sessions.transactions.EventType;
import org.v2gcsms.sessions.transactions.MeterSample;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionEvent;
import org.v2gcsms.sessions.transactions.TransactionFold;
import org.v2gcsms.sessions.transactions.TransactionState;

class TransactionFoldTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static TransactionEvent event(EventType type, int seq, int minute, ChargingStateEnumType state,
                                          double importWh) {
        Instant at = T0.plusSeconds(60L * minute);
        return new TransactionEvent("CS", "TX", seq, type, at, TriggerReasonEnumType.MeterValuePeriodic, false, state,
                type == EventType.ENDED ? ReasonEnumType.Local : null, null, null, null, 1, 1, null, null, null,
                List.of(new MeterSample(at, MeasurandEnumType.Energy_Active_Import_Register,
                        ReadingContextEnumType.Sample_Periodic, null, LocationEnumType.Outlet, importWh, "Wh", 0,
                        null)), at);
    }

    @Test
    void anOlderEventAfterEndedAddsReadingsButNeitherReopensNorOverridesTheCurrentState() {
        Transaction t = TransactionFold.apply(null, event(EventType.STARTED, 0, 0, ChargingStateEnumType.EVConnected, 0));
        t = TransactionFold.apply(t, event(EventType.ENDED, 2, 20, ChargingStateEnumType.Idle, 900));
        t = TransactionFold.apply(t, event(EventType.UPDATED, 1, 10, ChargingStateEnumType.Charging, 400));

        assertEquals(TransactionState.ENDED, t.state());
        assertEquals(ChargingStateEnumType.Idle, t.chargingState());
        assertEquals(ReasonEnumType.Local, t.stoppedReason());
        assertEquals(900.0, t.importedWh().orElseThrow());
        assertTrue(t.complete());
    }

    @Test
    void withoutItsStartedEventATransactionIsIncompleteAndStartsAtItsEarliestEvent() {
        Transaction t = TransactionFold.apply(null, event(EventType.UPDATED, 4, 10, ChargingStateEnumType.Charging, 50));
        t = TransactionFold.apply(t, event(EventType.UPDATED, 3, 5, ChargingStateEnumType.Charging, 40));

        assertFalse(t.complete());
        assertEquals(T0.plusSeconds(300), t.startedAt());
        assertEquals(ChargingStateEnumType.Charging, t.chargingState());
        assertEquals(0, t.missingSeqNos());
    }
}
