package org.v2gcsms.sessions.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.sessions.transactions.MeterSample;

/** A session's timeline from its stored meter samples: one point per sampling time. */
final class Timeline {
    private Timeline() {
    }

    static List<TimelinePoint> of(List<MeterSample> samples) {
        Map<Instant, List<MeterSample>> byTime = new TreeMap<>();
        Double firstImport = null;
        Double firstExport = null;
        for (MeterSample s : samples) {
            byTime.computeIfAbsent(s.timestamp(), t -> new ArrayList<>()).add(s);
        }
        List<TimelinePoint> points = new ArrayList<>(byTime.size());
        for (Map.Entry<Instant, List<MeterSample>> e : byTime.entrySet()) {
            Readings r = Readings.of(e.getValue());
            Double importWh = register(e.getValue(), MeasurandEnumType.Energy_Active_Import_Register);
            Double exportWh = register(e.getValue(), MeasurandEnumType.Energy_Active_Export_Register);
            firstImport = firstImport == null ? importWh : firstImport;
            firstExport = firstExport == null ? exportWh : firstExport;
            if (r.soc() == null && r.powerW() == null && importWh == null && exportWh == null) {
                continue;
            }
            points.add(new TimelinePoint(e.getKey(), r.soc(), r.powerW(),
                    importWh == null ? null : importWh - firstImport, exportWh == null ? null : exportWh - firstExport));
        }
        return points;
    }

    private static Double register(List<MeterSample> samples, MeasurandEnumType measurand) {
        for (MeterSample s : samples) {
            if (s.measurand() == measurand && s.phase() == null && s.wattHours().isPresent()) {
                return s.wattHours().get();
            }
        }
        return null;
    }
}
