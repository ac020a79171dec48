package org.v2gcsms.sessions.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;

class EnergyCostTest {
    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

    /** Hourly prices in UTC: import 100 and export 50 per kWh until 10:00, then 200 and 80. */
    private static EnergyPrices peakFromTen(String currency) {
        return new EnergyPrices() {
            @Override
            public String currency() {
                return currency;
            }

            @Override
            public PricePeriod periodAt(Instant at) {
                boolean peak = !at.isBefore(TEN);
                return new PricePeriod(peak ? 200 : 100, peak ? 80 : 50,
                        at.truncatedTo(ChronoUnit.HOURS).plusSeconds(3600));
            }
        };
    }

    private static MeterSample register(MeasurandEnumType measurand, Instant at, double value, String unit) {
        return new MeterSample(at, measurand, ReadingContextEnumType.Sample_Periodic, null, LocationEnumType.Outlet,
                value, unit, 0, null);
    }

    private static MeterSample imported(Instant at, double wh) {
        return register(MeasurandEnumType.Energy_Active_Import_Register, at, wh, "Wh");
    }

    private static MeterSample exported(Instant at, double wh) {
        return register(MeasurandEnumType.Energy_Active_Export_Register, at, wh, "Wh");
    }

    private static BigDecimal cost(List<MeterSample> samples, String currency) {
        Cost c = EnergyCost.of(samples, peakFromTen(currency));
        assertEquals(currency, c.currency());
        return c.amount();
    }

    @Test
    void energyOfAnIntervalAcrossAPriceChangeIsPricedInPartsByTime() {
        // 10 kWh evenly from 09:30 to 10:30: 5 kWh at 100, 5 kWh at 200.
        assertEquals(new BigDecimal("1500.00"), cost(List.of(imported(NINE.plusSeconds(1800), 2000),
                imported(TEN.plusSeconds(1800), 12000)), "EUR"));
        // The same energy read every 15 minutes; the 09:45-10:15 interval straddles the change.
        List<MeterSample> quarterly = new ArrayList<>();
        for (int q = 0; q <= 4; q++) {
            quarterly.add(imported(NINE.plusSeconds(1800 + 900L * q), 2000 + 2500 * q));
        }
        assertEquals(new BigDecimal("1500.00"), cost(quarterly, "EUR"));
    }

    @Test
    void exportIsCreditedAtTheExportPriceAndMayOutweighImport() {
        // 09:00-10:00: 2 kWh in at 100 = 200; 6 kWh out at 50 = 300 credit.
        assertEquals(new BigDecimal("-100.00"), cost(List.of(imported(NINE, 1000), exported(NINE, 500),
                imported(TEN, 3000), exported(TEN, 6500)), "EUR"));
        // 10:00-10:30 discharging only: 4 kWh at 80.
        assertEquals(new BigDecimal("-320.00"), cost(List.of(exported(TEN, 0), exported(TEN.plusSeconds(1800),
                4000)), "EUR"));
    }

    @Test
    void withoutTwoReadingsOfARegisterNothingIsCosted() {
        assertEquals(new BigDecimal("0.00"), cost(List.of(), "EUR"));
        assertEquals(new BigDecimal("0.00"), cost(List.of(imported(TEN, 6000)), "EUR"));
        MeterSample soc = new MeterSample(TEN.plusSeconds(60), MeasurandEnumType.SoC,
                ReadingContextEnumType.Sample_Periodic, null, LocationEnumType.EV, 80, "Percent", 0, null);
        assertEquals(new BigDecimal("0.00"), cost(List.of(imported(TEN, 6000), soc), "EUR"));
    }

    @Test
    void readingsCountByTheirTimestampsNotTheOrderTheyArrivedIn() {
        List<MeterSample> inOrder = List.of(imported(NINE, 0), imported(NINE.plusSeconds(1800), 1000),
                imported(TEN.plusSeconds(1800), 5000));
        List<MeterSample> shuffled = List.of(inOrder.get(2), inOrder.get(0), inOrder.get(1));
        // 1 kWh at 100, then 4 kWh over 09:30-10:30: 2 at 100, 2 at 200.
        assertEquals(new BigDecimal("700.00"), cost(inOrder, "EUR"));
        assertEquals(cost(inOrder, "EUR"), cost(shuffled, "EUR"));
    }

    @Test
    void kilowattHoursAndMultipliersCountAndPerPhaseReadingsDoNot() {
        MeterSample kwh = register(MeasurandEnumType.Energy_Active_Import_Register, TEN, 3, "kWh");
        MeterSample scaled = new MeterSample(TEN.plusSeconds(1800), MeasurandEnumType.Energy_Active_Import_Register,
                ReadingContextEnumType.Sample_Periodic, null, LocationEnumType.Outlet, 4, "Wh", 3, null);
        MeterSample phase = new MeterSample(TEN.plusSeconds(900), MeasurandEnumType.Energy_Active_Import_Register,
                ReadingContextEnumType.Sample_Periodic, PhaseEnumType.L1, LocationEnumType.Outlet, 99999, "Wh", 0,
                null);
        assertEquals(new BigDecimal("200.00"), cost(List.of(kwh, phase, scaled), "EUR"));
    }

    @Test
    void aRegisterThatGoesBackBillsNothingForThatInterval() {
        assertEquals(new BigDecimal("300.00"), cost(List.of(imported(NINE, 5000), imported(NINE.plusSeconds(1200),
                100), imported(NINE.plusSeconds(2400), 3100)), "EUR"));
    }

    @Test
    void twoReadingsAtOneInstantArePricedAtThatInstant() {
        // Transaction.Begin and a periodic sample stamped alike: 5 kWh at the peak price.
        assertEquals(new BigDecimal("1000.00"), cost(List.of(imported(TEN, 6000), imported(TEN, 1000)), "EUR"));
    }

    @Test
    void theTotalIsRoundedToTheCurrencysMinorUnit() {
        List<MeterSample> oneWh = List.of(imported(NINE, 0), imported(NINE.plusSeconds(60), 1234.5));
        assertEquals(new BigDecimal("123"), cost(oneWh, "KRW"));
        assertEquals(new BigDecimal("123.45"), cost(oneWh, "EUR"));
        assertEquals(new BigDecimal("123.45"), cost(oneWh, "credits"));
    }

    /** The running cost extended event by event is the cost of all readings at once; a late reading cannot extend it. */
    @Test
    void aTallyExtendedReadingByReadingEqualsTheWholeCostAndRefusesALateReading() {
        List<MeterSample> first = List.of(imported(NINE.plusSeconds(1800), 2000), exported(NINE.plusSeconds(1800), 0));
        List<MeterSample> second = List.of(imported(TEN.plusSeconds(600), 9000), exported(TEN.plusSeconds(600), 500));
        List<MeterSample> third = List.of(imported(TEN.plusSeconds(1800), 12000), exported(TEN.plusSeconds(1800), 1500));
        List<MeterSample> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        EnergyPrices prices = peakFromTen("EUR");

        EnergyCost.Tally tally = EnergyCost.Tally.of(first, prices).extend(second, prices).orElseThrow()
                .extend(third, prices).orElseThrow();
        assertEquals(EnergyCost.of(all, prices), tally.cost());
        assertEquals(EnergyCost.Tally.of(all, prices).cost(), tally.cost());

        assertTrue(tally.extend(List.of(imported(TEN, 10000)), prices).isEmpty(), "a reading before the last one");
        assertTrue(tally.extend(List.of(imported(TEN.plusSeconds(2400), 12500)), peakFromTen("KRW")).isEmpty(),
                "another currency");
        assertEquals(tally.cost(), tally.extend(List.of(), prices).orElseThrow().cost(), "no readings: no change");
    }
}
