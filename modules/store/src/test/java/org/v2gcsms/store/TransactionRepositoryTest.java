package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.sessions.transactions.MeterSample;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionRepository;
import org.v2gcsms.sessions.transactions.TransactionState;

class TransactionRepositoryTest {

    @DatabaseTest
    void aResentEventIsStoredOnce(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        var started = Events.of("CS1", "tx1").started(0, 0).imported(1000).soc(40).build();

        assertFalse(repo.record(started).duplicate());
        TransactionRepository.Recorded again = repo.record(started);

        assertTrue(again.duplicate());
        assertEquals(1, again.transaction().eventCount());
        assertEquals(1, repo.events("CS1", "tx1").size());
        assertEquals(2, repo.samples("CS1", "tx1", null).size());
    }

    @DatabaseTest
    void aValueSentAgainInALaterEventIsListedOnceAsItsEarliestEventCarriedIt(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        repo.record(Events.of("CS1", "tx1").updated(2, 5).offline().imported(2000).soc(50).build());
        repo.record(Events.of("CS1", "tx1").started(0, 0).imported(1000).build());
        repo.record(Events.of("CS1", "tx1").updated(1, 5).offline().imported(1999).build());

        List<MeterSample> samples = repo.samples("CS1", "tx1", null);

        assertEquals(List.of(1000.0, 1999.0, 50.0), samples.stream().map(MeterSample::value).toList(),
                "time order; the minute-5 energy value from seqNo 1, not the same reading again in seqNo 2");
        assertEquals(samples, repo.samples("CS1", "tx1", 1), "all of them were sent for EVSE 1");
        assertEquals(List.of(), repo.samples("CS1", "tx1", 2));
        assertEquals(List.of(1999.0), repo.events("CS1", "tx1").get(1).samples().stream()
                .map(MeterSample::value).toList(), "each event keeps what it carried");
    }

    @DatabaseTest
    void anUpdateRacingTheStationsEventsLosesNoneOfThem(Store store) throws Exception {
        TransactionRepository repo = store.repositories().transactions();
        repo.record(Events.of("CS1", "tx1").started(0, 0).imported(0).build());
        int events = 300;
        Thread updates = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < events; i++) {
                repo.update("CS1", "tx1", t -> t); // read, then write back what was read
            }
        });
        for (int seq = 1; seq <= events; seq++) {
            repo.record(Events.of("CS1", "tx1").updated(seq, seq).imported(seq * 10.0).build());
        }
        updates.join();

        Transaction t = repo.find("CS1", "tx1").orElseThrow();
        assertEquals(events + 1, t.eventCount(), "no event's fold was overwritten by an update that read before it");
        assertEquals(events * 10.0, t.importedWh().orElseThrow());
    }

    @DatabaseTest
    void offlineEventsAndAnEarlyEndedFoldIntoOneCompleteTransaction(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        repo.record(Events.of("CS1", "tx1").started(0, 0).imported(1000).build());
        repo.record(Events.of("CS1", "tx1").ended(3, 30).imported(5000).exported(700).soc(80).build());
        repo.record(Events.of("CS1", "tx1").updated(2, 20).offline().imported(3500).exported(200).soc(70).build());
        Transaction t = repo.record(Events.of("CS1", "tx1").updated(1, 10).offline().imported(2000).build())
                .transaction();

        assertEquals(TransactionState.ENDED, t.state());
        assertTrue(t.complete());
        assertEquals(4, t.eventCount());
        assertEquals(4000.0, t.importedWh().orElseThrow());
        assertEquals(500.0, t.exportedWh().orElseThrow());
        assertEquals(80.0, t.lastSoc());
        assertEquals(ChargingStateEnumType.Idle, t.chargingState(), "state comes from the highest seqNo");
        assertEquals(ReasonEnumType.EVDisconnected, t.stoppedReason());
        assertEquals(Events.minute(0), t.startedAt());
        assertEquals(Events.minute(30), t.endedAt());
        assertEquals(List.of(0, 1, 2, 3), repo.events("CS1", "tx1").stream().map(e -> e.seqNo()).toList());
        assertTrue(repo.events("CS1", "tx1").get(1).offline());
        assertEquals(t, repo.find("CS1", "tx1").orElseThrow(), "what was returned is what was stored");
    }

    @DatabaseTest
    void anEventOfAnUnknownTransactionIsRecordedAndMarkedIncomplete(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        Transaction t = repo.record(Events.of("CS1", "lost-start").updated(7, 5).imported(300).build()).transaction();

        assertFalse(t.startSeen());
        assertFalse(t.complete());
        assertEquals(TransactionState.OPEN, t.state());

        Transaction withStart = repo.record(Events.of("CS1", "lost-start").started(6, 1).imported(100).build())
                .transaction();
        assertTrue(withStart.complete());
        assertEquals(Events.minute(1), withStart.startedAt());
        assertEquals(200.0, withStart.importedWh().orElseThrow());
    }

    @DatabaseTest
    void aGapInSeqNosIsVisible(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        repo.record(Events.of("CS1", "tx1").started(0, 0).build());
        Transaction t = repo.record(Events.of("CS1", "tx1").updated(3, 3).build()).transaction();
        assertEquals(2, t.missingSeqNos());
        assertFalse(t.complete());
    }

    @DatabaseTest
    void energyIsReadFromTotalsInAnyUnitAndPhaseValuesAreKeptAsSamples(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        repo.record(Events.of("CS1", "tx1").started(0, 0)
                .sample(MeasurandEnumType.Energy_Active_Import_Register, null, 1.5, "kWh")
                .sample(MeasurandEnumType.Energy_Active_Import_Register, PhaseEnumType.L1, 0.5, "kWh")
                .sample(MeasurandEnumType.Voltage, PhaseEnumType.L1_N, 230.1, "V")
                .sample(MeasurandEnumType.Current_Import, PhaseEnumType.L1, 16, "A")
                .sample(MeasurandEnumType.Frequency, null, 50.01, "Hz")
                .sample(MeasurandEnumType.Power_Active_Export, null, 7400, "W").build());
        Transaction t = repo.record(Events.of("CS1", "tx1").updated(1, 10)
                .sample(MeasurandEnumType.Energy_Active_Import_Register, null, 4.0, "kWh").build()).transaction();

        assertEquals(2500.0, t.importedWh().orElseThrow(), 1e-9);
        List<MeterSample> samples = repo.samples("CS1", "tx1", 1);
        assertEquals(7, samples.size());
        assertTrue(samples.stream().anyMatch(s -> s.measurand() == MeasurandEnumType.Voltage
                && s.phase() == PhaseEnumType.L1_N && s.value() == 230.1));
        assertTrue(samples.stream().anyMatch(s -> s.measurand() == MeasurandEnumType.Power_Active_Export));
    }

    @DatabaseTest
    void meterValuesOutsideTransactionsAreStoredOnce(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        List<MeterSample> samples = List.of(
                new MeterSample(Events.T0, MeasurandEnumType.Energy_Active_Import_Register,
                        ReadingContextEnumType.Sample_Clock, null, LocationEnumType.Outlet, 123456, "Wh", 0, null),
                new MeterSample(Events.T0, MeasurandEnumType.Frequency, ReadingContextEnumType.Sample_Clock, null,
                        LocationEnumType.Inlet, 49.98, "Hz", 0, null));
        repo.recordMeterValues("CS1", 0, samples);
        repo.recordMeterValues("CS1", 0, samples);

        assertEquals(samples, repo.samples("CS1", null, 0));
        assertEquals(List.of(), repo.samples("CS1", null, 1));
    }

    @DatabaseTest
    void silentOpenTransactionsAreFoundOldestFirst(Store store) {
        TransactionRepository repo = store.repositories().transactions();
        repo.record(Events.of("CS1", "old").started(0, 0).build());
        repo.record(Events.of("CS1", "done").started(0, 0).build());
        repo.record(Events.of("CS1", "done").ended(1, 5).build());

        List<Transaction> silent = repo.silentSince(Instant.now().plusSeconds(1), 10);
        assertEquals(List.of("old"), silent.stream().map(Transaction::transactionId).toList());
        assertEquals(List.of(), repo.silentSince(Instant.now().minusSeconds(3600), 10));
    }
}
