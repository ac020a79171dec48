package org.v2gcsms.sessions.transactions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;

/**
 * One sampled value with the OCPP defaults filled in (measurand Energy.Active.Import.Register, context
 * Sample.Periodic, location Outlet, unit Wh, multiplier 0). {@code phase} is null for a value over all phases;
 * {@code signedMeterData} is null when the station did not sign it.
 */
public record MeterSample(Instant timestamp, MeasurandEnumType measurand, ReadingContextEnumType context,
                          PhaseEnumType phase, LocationEnumType location, double value, String unit, int multiplier,
                          String signedMeterData) {
    public MeterSample {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(measurand, "measurand");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(unit, "unit");
    }

    /** The value in its unit with the power-of-ten multiplier applied. */
    public double scaledValue() {
        return value * Math.pow(10, multiplier);
    }

    /** The value in Wh, when it is an energy reading in Wh or kWh. */
    public Optional<Double> wattHours() {
        return switch (unit) {
            case "Wh" -> Optional.of(scaledValue());
            case "kWh" -> Optional.of(scaledValue() * 1000);
            default -> Optional.empty();
        };
    }

    /** A total-over-phases reading of this measurand. */
    boolean isTotal(MeasurandEnumType m) {
        return measurand == m && phase == null;
    }
}
