package org.v2gcsms.sessions.transactions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;

/**
 * The cost of a transaction from its meter readings: each rise of the import register between two readings
 * times the import price, less each rise of the export register times the export credit. The energy of an
 * interval is spread evenly over it (the meter says nothing finer), so an interval that crosses a price change
 * is priced in parts. Readings are taken by their own timestamps, whatever order they arrived in; energy before
 * a register's first reading is not known and not billed (as for {@link Transaction#importedWh()}). The total
 * is rounded to the currency's minor unit ({@link Cost#of}).
 */
public final class EnergyCost {
    private static final double WH_PER_KWH = 1000;

    private EnergyCost() {
    }

    public static Cost of(List<MeterSample> samples, EnergyPrices prices) {
        double imported = registerCost(readings(samples, MeasurandEnumType.Energy_Active_Import_Register), prices,
                PricePeriod::importPerKwh);
        double exported = registerCost(readings(samples, MeasurandEnumType.Energy_Active_Export_Register), prices,
                PricePeriod::exportPerKwh);
        return Cost.of(BigDecimal.valueOf(imported - exported), prices.currency());
    }

    /**
     * A cost summed reading by reading: what {@link #of} gives for the readings so far, extended by later readings
     * without reading the earlier ones again (a running cost on every metered event would otherwise read the whole
     * history every time). A reading not later than the last one taken (an offline event arriving late) cannot
     * extend it: {@link #extend} is empty then, and the caller costs the history afresh.
     */
    public static final class Tally {
        private final Reading lastImport;
        private final Reading lastExport;
        private final double imported;
        private final double exported;
        private final String currency;

        private Tally(Reading lastImport, Reading lastExport, double imported, double exported, String currency) {
            this.lastImport = lastImport;
            this.lastExport = lastExport;
            this.imported = imported;
            this.exported = exported;
            this.currency = currency;
        }

        public static Tally of(List<MeterSample> samples, EnergyPrices prices) {
            return new Tally(null, null, 0, 0, prices.currency()).extendBy(
                    readings(samples, MeasurandEnumType.Energy_Active_Import_Register),
                    readings(samples, MeasurandEnumType.Energy_Active_Export_Register), prices);
        }

        /** This tally with later readings added; empty when one of them is not later than the last taken. */
        public java.util.Optional<Tally> extend(List<MeterSample> later, EnergyPrices prices) {
            List<Reading> imports = readings(later, MeasurandEnumType.Energy_Active_Import_Register);
            List<Reading> exports = readings(later, MeasurandEnumType.Energy_Active_Export_Register);
            if (!currency.equals(prices.currency()) || !after(lastImport, imports) || !after(lastExport, exports)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(extendBy(imports, exports, prices));
        }

        private Tally extendBy(List<Reading> imports, List<Reading> exports, EnergyPrices prices) {
            return new Tally(last(lastImport, imports), last(lastExport, exports),
                    imported + registerCost(from(lastImport, imports), prices, PricePeriod::importPerKwh),
                    exported + registerCost(from(lastExport, exports), prices, PricePeriod::exportPerKwh), currency);
        }

        public Cost cost() {
            return Cost.of(BigDecimal.valueOf(imported - exported), currency);
        }

        private static boolean after(Reading last, List<Reading> later) {
            return last == null || later.isEmpty() || later.get(0).at().isAfter(last.at());
        }

        private static List<Reading> from(Reading last, List<Reading> later) {
            if (last == null) {
                return later;
            }
            List<Reading> all = new java.util.ArrayList<>(later.size() + 1);
            all.add(last);
            all.addAll(later);
            return all;
        }

        private static Reading last(Reading before, List<Reading> later) {
            return later.isEmpty() ? before : later.get(later.size() - 1);
        }
    }

    private record Reading(Instant at, double wh) {}

    private static List<Reading> readings(List<MeterSample> samples, MeasurandEnumType register) {
        return samples.stream()
                .filter(s -> s.isTotal(register) && s.wattHours().filter(Double::isFinite).isPresent())
                .map(s -> new Reading(s.timestamp(), s.wattHours().get()))
                // Two readings at one instant (Transaction.Begin and a periodic sample): a register only rises.
                .sorted(Comparator.comparing(Reading::at).thenComparingDouble(Reading::wh))
                .toList();
    }

    private static double registerCost(List<Reading> readings, EnergyPrices prices,
                                       ToDoubleFunction<PricePeriod> price) {
        double total = 0;
        for (int i = 1; i < readings.size(); i++) {
            Reading from = readings.get(i - 1);
            Reading to = readings.get(i);
            double wh = to.wh() - from.wh();
            // A register that went back was reset or replaced: the gap bills nothing rather than a refund.
            if (wh > 0) {
                total += intervalCost(from.at(), to.at(), wh, prices, price);
            }
        }
        return total;
    }

    private static double intervalCost(Instant from, Instant to, double wh, EnergyPrices prices,
                                       ToDoubleFunction<PricePeriod> price) {
        if (from.equals(to)) {
            return wh / WH_PER_KWH * price.applyAsDouble(prices.periodAt(from));
        }
        double span = seconds(from, to);
        double cost = 0;
        Instant at = from;
        while (at.isBefore(to)) {
            PricePeriod period = prices.periodAt(at);
            if (!period.end().isAfter(at)) {
                throw new IllegalStateException("the price period at " + at + " ends at " + period.end());
            }
            Instant end = period.end().isBefore(to) ? period.end() : to;
            cost += wh * (seconds(at, end) / span) / WH_PER_KWH * price.applyAsDouble(period);
            at = end;
        }
        return cost;
    }

    private static double seconds(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
