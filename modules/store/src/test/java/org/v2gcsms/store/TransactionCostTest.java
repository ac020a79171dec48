package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.BootReasonEnumType;
import org.v2gcsms.ocpp.v21.ChargingStationType;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.DomainSettings;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.stations.UnknownStationPolicy;
import org.v2gcsms.sessions.transactions.Cost;
import org.v2gcsms.sessions.transactions.EnergyPrices;
import org.v2gcsms.sessions.transactions.PricePeriod;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;
import org.v2gcsms.sessions.transactions.Transaction;

/** Transactions costed at their station's tariff, over a real store: answers, the kept final cost, restarts. */
class TransactionCostTest {
    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant TEN = NINE.plusSeconds(3600);
    private static final String PRICED = "CS-PRICED";
    private static final String UNPRICED = "CS-UNPRICED";

    /** EUR per kWh, in UTC hours: 0.10 before 10:00, 0.20 from then on. */
    private static final EnergyPrices PEAK_FROM_TEN = new EnergyPrices() {
        @Override
        public String currency() {
            return "EUR";
        }

        @Override
        public PricePeriod periodAt(Instant at) {
            return new PricePeriod(at.isBefore(TEN) ? 0.10 : 0.20, 0.05, at.truncatedTo(ChronoUnit.HOURS)
                    .plusSeconds(3600));
        }
    };

    private final ManualClock clock = new ManualClock(NINE);

    private CsmsDomain domain(Store store) throws Exception {
        CsmsDomain domain = new CsmsDomain(store.repositories(), new FakeStation(), new DomainSettings(
                StationSettings.of(Duration.ofSeconds(300), UnknownStationPolicy.ACCEPT), UnknownTokenPolicy.ACCEPT,
                StaleTransactionPolicy.defaults()).withTariffs(id -> id.equals(PRICED) ? Optional.of(PEAK_FROM_TEN)
                : Optional.empty()), clock);
        for (String id : new String[] {PRICED, UNPRICED}) {
            domain.connected(ctx(id));
            domain.messages().answer(ctx(id), new BootNotificationRequest(new ChargingStationType("M", "V"),
                    BootReasonEnumType.PowerUp));
        }
        return domain;
    }

    private static StationContext ctx(String id) {
        return new StationContext(id, OcppVersion.V201, 1);
    }

    /** The totalCost of the answer, as a 2.0.1 station gets it. */
    private static Double totalCost(CsmsDomain d, String station, TransactionEventRequest r) throws Exception {
        return ((org.v2gcsms.ocpp.v201.TransactionEventResponse) d.messages().answer(ctx(station), r)).totalCost();
    }

    @DatabaseTest
    void runningCostOnMeteredUpdatesFinalCostOnEndedKeptAcrossARestart(Store store, DatabaseConfig config)
            throws Exception {
        CsmsDomain d = domain(store);
        assertNull(totalCost(d, PRICED, TxEvents.started("TX-1", 0, NINE.plusSeconds(1800)).energy(1000, 0)
                .build()), "no cost on Started");
        // 09:30-10:00: 2 kWh at 0.10.
        assertEquals(0.20, totalCost(d, PRICED, TxEvents.updated("TX-1", 1, TEN).energy(3000, 0).build()));
        assertNull(totalCost(d, PRICED, TxEvents.updated("TX-1", 2, TEN.plusSeconds(60))
                .state(ChargingStateEnumType.SuspendedEV).build()), "no meter values: no running cost");
        // 10:00-10:30: 3 kWh at 0.20, less 1 kWh fed back at 0.05.
        assertEquals(0.75, totalCost(d, PRICED, TxEvents.ended("TX-1", 3, TEN.plusSeconds(1800),
                ReasonEnumType.EVDisconnected).energy(6000, 1000).build()));
        assertEquals(0.75, totalCost(d, PRICED, TxEvents.ended("TX-1", 3, TEN.plusSeconds(1800),
                ReasonEnumType.EVDisconnected).energy(6000, 1000).build()), "a re-sent Ended: the same cost");
        d.close();
        store.close();

        try (Store reopened = Store.open(config)) {
            Transaction t = reopened.repositories().transactions().find(PRICED, "TX-1").orElseThrow();
            assertEquals(new Cost(new BigDecimal("0.75"), "EUR"), t.cost());
        }
    }

    @DatabaseTest
    void aLateEventAfterEndedRecostsTheTransaction(Store store) throws Exception {
        CsmsDomain d = domain(store);
        totalCost(d, PRICED, TxEvents.started("TX-2", 0, NINE).energy(0, 0).build());
        // Read at 09:00 and 11:00 only: 4 kWh spread evenly, 2 at 0.10 and 2 at 0.20.
        assertEquals(0.60, totalCost(d, PRICED, TxEvents.ended("TX-2", 2, TEN.plusSeconds(3600),
                ReasonEnumType.Local).energy(4000, 0).build()));
        // The station's offline queue delivers a 10:00 reading: 3 kWh came before ten.
        totalCost(d, PRICED, TxEvents.updated("TX-2", 1, TEN).energy(3000, 0).build());
        assertEquals(new Cost(new BigDecimal("0.50"), "EUR"),
                store.repositories().transactions().find(PRICED, "TX-2").orElseThrow().cost());
        d.close();
    }

    @DatabaseTest
    void withoutATariffAtTheStationNoCostIsToldOrKept(Store store) throws Exception {
        CsmsDomain d = domain(store);
        totalCost(d, UNPRICED, TxEvents.started("TX-3", 0, NINE).energy(0, 0).build());
        assertNull(totalCost(d, UNPRICED, TxEvents.updated("TX-3", 1, TEN).energy(3000, 0).build()));
        assertNull(totalCost(d, UNPRICED, TxEvents.ended("TX-3", 2, TEN.plusSeconds(60), ReasonEnumType.Local)
                .energy(3100, 0).build()), "omitted, never 0: 0 would tell the driver it was free");
        assertNull(store.repositories().transactions().find(UNPRICED, "TX-3").orElseThrow().cost());
        d.close();
    }
}
