package org.v2gcsms.sessions.session;

import java.time.Instant;
import java.util.List;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.sessions.transactions.MeterSample;

/**
 * What one message's meter samples say about the EV: totals over phases only, each the reading with the
 * latest timestamp (the earliest too, for SoC). Null where the message had no such reading.
 *
 * @param powerW   net power, W: import minus export (positive charging, negative discharging)
 * @param currentA net current, A: import minus export
 * @param voltageV voltage at the EV when the station reports it there, else at the outlet
 */
record Readings(Double firstSoc, Instant firstSocAt, Double soc, Instant socAt, Double powerW, Instant powerAt,
                Double voltageV, Double currentA, Double capacityWh) {

    static Readings of(List<MeterSample> samples) {
        Latest soc = new Latest();
        Instant firstSocAt = null;
        Double firstSoc = null;
        Latest importW = new Latest();
        Latest exportW = new Latest();
        Latest volts = new Latest();
        Latest evVolts = new Latest();
        Latest importA = new Latest();
        Latest exportA = new Latest();
        Latest capacity = new Latest();
        for (MeterSample s : samples) {
            if (s.phase() != null) {
                continue;
            }
            Instant at = s.timestamp();
            switch (s.measurand()) {
                case SoC, Display_PresentSOC -> {
                    soc.offer(s.scaledValue(), at);
                    if (firstSocAt == null || at.isBefore(firstSocAt)) {
                        firstSocAt = at;
                        firstSoc = s.scaledValue();
                    }
                }
                case Power_Active_Import -> importW.offer(watts(s), at);
                case Power_Active_Export -> exportW.offer(Math.abs(watts(s)), at);
                case Voltage -> (s.location() == LocationEnumType.EV ? evVolts : volts).offer(s.scaledValue(), at);
                case Current_Import -> importA.offer(s.scaledValue(), at);
                case Current_Export -> exportA.offer(Math.abs(s.scaledValue()), at);
                case Display_BatteryEnergyCapacity -> s.wattHours().ifPresent(wh -> capacity.offer(wh, at));
                default -> { }
            }
        }
        Instant powerAt = Latest.later(importW.at, exportW.at);
        Double power = powerAt == null ? null : importW.valueAt(powerAt) - exportW.valueAt(powerAt);
        Instant currentAt = Latest.later(importA.at, exportA.at);
        Double current = currentAt == null ? null : importA.valueAt(currentAt) - exportA.valueAt(currentAt);
        Latest voltage = evVolts.at != null ? evVolts : volts;
        return new Readings(firstSoc, firstSocAt, soc.value, soc.at, power, powerAt, voltage.value, current,
                capacity.value);
    }

    private static double watts(MeterSample s) {
        return "kW".equals(s.unit()) ? s.scaledValue() * 1000 : s.scaledValue();
    }

    /** The reading with the latest timestamp seen so far. */
    private static final class Latest {
        Double value;
        Instant at;

        void offer(double v, Instant t) {
            if (at == null || !t.isBefore(at)) {
                value = v;
                at = t;
            }
        }

        /** This reading if it was taken at {@code t}, else zero (not reported then). */
        double valueAt(Instant t) {
            return at != null && at.equals(t) ? value : 0;
        }

        static Instant later(Instant a, Instant b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isAfter(b) ? a : b;
        }
    }
}
