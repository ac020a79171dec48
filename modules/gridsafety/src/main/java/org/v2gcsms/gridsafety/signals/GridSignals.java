package org.v2gcsms.gridsafety.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.v2gcsms.gridsafety.lom.GridSignal;
import org.v2gcsms.ocpp.v21.EventDataType;
import org.v2gcsms.ocpp.v21.MeterValueType;
import org.v2gcsms.ocpp.v21.MeterValuesRequest;
import org.v2gcsms.ocpp.v21.NotifyDERAlarmRequest;
import org.v2gcsms.ocpp.v21.NotifyEventRequest;
import org.v2gcsms.ocpp.v21.SampledValueType;
import org.v2gcsms.ocpp.v21.SecurityEventNotificationRequest;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;

/**
 * Reads what a station message says about the grid (OCPP 2.1 records; 2.0.1 messages arrive translated):
 * <ul>
 *   <li>MeterValues and TransactionEvent: Voltage (phase-less or L1-N, else the first phase) and Frequency
 *       samples, one reading per meter value; TransactionEvents sent {@code offline} are history and ignored;
 *   <li>NotifyDERAlarm: the alarm, or its end;
 *   <li>NotifyEvent: an event whose {@code techCode} is a grid fault (OCPP's GridEventFaultEnumType: over/under
 *       frequency or voltage, Local/RemoteEmergency, PhaseRotation, VoltageImbalance), or raised by the
 *       {@code DERCtrlr} component, or on a variable named {@code GridFault}, {@code Islanded} or
 *       {@code LossOfMains}; {@code cleared=true} ends it;
 *   <li>SecurityEventNotification of type {@code GridFault}, {@code LossOfMains} or {@code Islanding}
 *       (vendor kinds: OCPP's security-event list has no grid fault, some stations report one there).
 * </ul>
 */
public final class GridSignals {
    static final Set<String> GRID_FAULTS = Set.of("OverFrequency", "UnderFrequency", "OverVoltage", "UnderVoltage",
            "LocalEmergency", "RemoteEmergency", "PhaseRotation", "VoltageImbalance");
    static final Set<String> GRID_VARIABLES = Set.of("gridfault", "islanded", "lossofmains");
    static final Set<String> SECURITY_KINDS = Set.of("gridfault", "lossofmains", "islanding");

    private GridSignals() {}

    /** The grid signals in a station's message (none for messages that say nothing about the grid). */
    public static List<GridSignal> of(String stationId, Object v21Request) {
        return switch (v21Request) {
            case MeterValuesRequest m -> readings(stationId, m.meterValue());
            case TransactionEventRequest t -> Boolean.TRUE.equals(t.offline()) ? List.of()
                    : readings(stationId, t.meterValue());
            case NotifyDERAlarmRequest a -> List.of(new GridSignal.DerAlarm(stationId, a.controlType().value(),
                    a.gridEventFault() == null ? null : a.gridEventFault().value(),
                    Boolean.TRUE.equals(a.alarmEnded()), a.extraInfo(), a.timestamp()));
            case NotifyEventRequest e -> events(stationId, e.eventData());
            case SecurityEventNotificationRequest s -> SECURITY_KINDS.contains(s.type().toLowerCase(Locale.ROOT))
                    ? List.of(new GridSignal.StationGridFault(stationId, "SecurityEvent:" + s.type(), s.techInfo(),
                    false, s.timestamp()))
                    : List.of();
            default -> List.of();
        };
    }

    private static List<GridSignal> events(String stationId, List<EventDataType> events) {
        List<GridSignal> out = new ArrayList<>();
        for (EventDataType e : events) {
            boolean gridFault = e.techCode() != null && GRID_FAULTS.contains(e.techCode());
            boolean derComponent = "DERCtrlr".equals(e.component().name());
            boolean gridVariable = GRID_VARIABLES.contains(e.variable().name().toLowerCase(Locale.ROOT));
            if (!gridFault && !derComponent && !gridVariable) {
                continue;
            }
            String kind = e.techCode() != null ? e.techCode() : e.component().name() + "." + e.variable().name();
            boolean cleared = Boolean.TRUE.equals(e.cleared()) || "false".equalsIgnoreCase(e.actualValue());
            out.add(new GridSignal.StationGridFault(stationId, kind, e.techInfo(), cleared, e.timestamp()));
        }
        return out;
    }

    private static List<GridSignal> readings(String stationId, List<MeterValueType> values) {
        if (values == null) {
            return List.of();
        }
        List<GridSignal> out = new ArrayList<>();
        for (MeterValueType mv : values) {
            Double volts = null;
            Double hertz = null;
            boolean voltsPhaseless = false;
            for (SampledValueType s : mv.sampledValue()) {
                if (s.measurand() == null) {
                    continue;
                }
                double v = scaled(s);
                switch (s.measurand()) {
                    case Voltage -> {
                        boolean preferred = s.phase() == null || "L1-N".equals(s.phase().value());
                        if (volts == null || (preferred && !voltsPhaseless)) {
                            volts = v;
                            voltsPhaseless = preferred;
                        }
                    }
                    case Frequency -> hertz = v;
                    default -> {
                        // other measurands say nothing about the grid
                    }
                }
            }
            if (volts != null || hertz != null) {
                out.add(new GridSignal.Reading(stationId, volts, hertz, mv.timestamp()));
            }
        }
        return out;
    }

    private static double scaled(SampledValueType s) {
        Integer multiplier = s.unitOfMeasure() == null ? null : s.unitOfMeasure().multiplier();
        return multiplier == null ? s.value() : s.value() * Math.pow(10, multiplier);
    }
}
