package org.v2gcsms.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.ComponentType;
import org.v2gcsms.ocpp.v21.DERControlEnumType;
import org.v2gcsms.ocpp.v21.EventDataType;
import org.v2gcsms.ocpp.v21.EventNotificationEnumType;
import org.v2gcsms.ocpp.v21.EventTriggerEnumType;
import org.v2gcsms.ocpp.v21.GridEventFaultEnumType;
import org.v2gcsms.ocpp.v21.NotifyDERAlarmRequest;
import org.v2gcsms.ocpp.v21.NotifyEventRequest;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.ocpp.v21.VariableType;

/**
 * The faults a station plays on demand (see docs/simulator.md):
 * <ul>
 *   <li>{@link #disconnectFor}: the network drops; TransactionEvents are queued with {@code offline=true} and
 *       replayed in order when the station reconnects (without a new BootNotification);
 *   <li>{@link #rejectProfiles}: every SetChargingProfile is answered Rejected;
 *   <li>{@link #grid}: voltage/frequency excursions and islanding: outside the must-trip window export stops at
 *       once and an alarm goes out (NotifyDERAlarm on 2.1, NotifyEvent on 2.0.1); islanded, all power stops;
 *       export resumes only after the enter-service delay once the grid is back;
 *   <li>{@link #answerSlowly}: every answer to a CSMS call goes out after a real-time delay.
 * </ul>
 */
public final class StationFaults {
    private final SimulatedStation station;
    private final AtomicInteger eventIds = new AtomicInteger();
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean rejectProfiles;

    StationFaults(SimulatedStation station) {
        this.station = station;
    }

    /** Drops the connection now; the station reconnects after {@code simulated} time. */
    public void disconnectFor(Duration simulated) {
        station.executor.execute(() -> station.dropConnection(simulated));
    }

    public void rejectProfiles(boolean on) {
        rejectProfiles = on;
    }

    boolean rejectsProfiles() {
        return rejectProfiles;
    }

    /** Answers to CSMS calls wait this long (real time); zero answers at once. */
    public void answerSlowly(Duration realDelay) {
        answerDelay = realDelay;
    }

    Duration answerDelay() {
        return answerDelay;
    }

    /**
     * The grid reads {@code reading} for {@code simulated} time, then returns to nominal.
     *
     * @return completes when the reading has been applied (the alarm, if any, is queued)
     */
    public CompletableFuture<Void> grid(GridReading reading, Duration simulated) {
        return CompletableFuture.runAsync(() -> {
            station.advanceAll();
            boolean tripped = station.protection.measure(reading, station.now());
            if (tripped) {
                alarm(reading, false);
            }
            station.refreshAll(TriggerReasonEnumType.AbnormalCondition);
            station.scheduler.after(simulated, station.executor, this::gridBack);
        }, station.executor);
    }

    private void gridBack() {
        station.advanceAll();
        GridReading before = station.protection.reading();
        station.protection.measure(station.protection.nominal(), station.now());
        if (station.protection.mustTrip(before)) {
            alarm(before, true);
        }
        station.refreshAll(null);
        Instant exportBack = station.protection.nextChangeAfter(station.now());
        if (exportBack != null) {
            station.scheduler.after(Duration.between(station.now(), exportBack), station.executor,
                    () -> station.refreshAll(null));
        }
    }

    private void alarm(GridReading r, boolean ended) {
        Fault f = classify(r);
        if (!station.online()) {
            return;
        }
        if (station.version() == OcppVersion.V21) {
            station.outbox.call(new NotifyDERAlarmRequest(f.control(), f.fault(), ended ? Boolean.TRUE : null,
                    station.now(), f.text(), null));
        } else {
            EventDataType event = new EventDataType(eventIds.incrementAndGet(), station.now(), EventTriggerEnumType.Alerting,
                    null, ended ? "false" : "true", f.fault().value(), f.text(), ended, null,
                    new ComponentType(null, "ChargingStation", null, null), null,
                    EventNotificationEnumType.HardWiredNotification, new VariableType("Problem", null, null), null, null);
            station.outbox.call(new NotifyEventRequest(station.now(), null, 0, List.of(event), null));
        }
    }

    private record Fault(DERControlEnumType control, GridEventFaultEnumType fault, String text) {}

    private Fault classify(GridReading r) {
        double vn = station.spec.nominalVolts();
        double fn = station.spec.nominalHertz();
        String values = String.format("%.1f V, %.2f Hz", r.volts(), r.hertz());
        if (r.islanded()) {
            return new Fault(DERControlEnumType.PowerMonitoringMustTrip, GridEventFaultEnumType.LocalEmergency,
                    "loss of mains: islanded, " + values);
        }
        if (r.hertz() > fn + 1.0) {
            return new Fault(DERControlEnumType.HFMustTrip, GridEventFaultEnumType.OverFrequency, values);
        }
        if (r.hertz() < fn - 1.0) {
            return new Fault(DERControlEnumType.LFMustTrip, GridEventFaultEnumType.UnderFrequency, values);
        }
        if (r.volts() > 1.10 * vn) {
            return new Fault(DERControlEnumType.HVMustTrip, GridEventFaultEnumType.OverVoltage, values);
        }
        return new Fault(DERControlEnumType.LVMustTrip, GridEventFaultEnumType.UnderVoltage, values);
    }
}
