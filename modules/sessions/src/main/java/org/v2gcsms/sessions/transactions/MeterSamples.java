package org.v2gcsms.sessions.transactions;

import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.MeterValueType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.ocpp.v21.SampledValueType;

/** Flattens OCPP meter values into samples, filling in the defaults the specification gives absent fields. */
public final class MeterSamples {
    private MeterSamples() {
    }

    public static List<MeterSample> of(List<MeterValueType> meterValues) {
        if (meterValues == null) {
            return List.of();
        }
        List<MeterSample> samples = new ArrayList<>();
        for (MeterValueType mv : meterValues) {
            for (SampledValueType v : mv.sampledValue()) {
                samples.add(new MeterSample(mv.timestamp(),
                        v.measurand() != null ? v.measurand() : MeasurandEnumType.Energy_Active_Import_Register,
                        v.context() != null ? v.context() : ReadingContextEnumType.Sample_Periodic,
                        v.phase(),
                        v.location() != null ? v.location() : LocationEnumType.Outlet,
                        v.value(),
                        v.unitOfMeasure() != null && v.unitOfMeasure().unit() != null ? v.unitOfMeasure().unit() : "Wh",
                        v.unitOfMeasure() != null && v.unitOfMeasure().multiplier() != null
                                ? v.unitOfMeasure().multiplier() : 0,
                        v.signedMeterValue() != null ? v.signedMeterValue().signedMeterData() : null));
            }
        }
        return samples;
    }
}
