package org.v2gcsms.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.v2gcsms.ocpp.v21.DERControlEnumType;
import org.v2gcsms.ocpp.v21.EnterServiceType;
import org.v2gcsms.ocpp.v21.LimitMaxDischargeType;
import org.v2gcsms.ocpp.v21.SetDERControlRequest;

/**
 * The OCPP 2.1 DER controls a V2X station accepts: LimitMaxDischarge (caps export at a percentage of the
 * EVSE's discharge rating, within its start time and duration) and EnterService (the window and delay after
 * which export resumes following a trip). A newer control of the same type and default-ness supersedes the
 * older ones. Other control types are answered NotSupported. Not thread-safe: owned by the station.
 */
final class DerControls {
    /** One accepted control, default or scheduled. */
    record Control(String id, boolean isDefault, DERControlEnumType type, SetDERControlRequest request) {}

    private final List<Control> controls = new ArrayList<>();

    static boolean supports(DERControlEnumType type) {
        return type == DERControlEnumType.LimitMaxDischarge || type == DERControlEnumType.EnterService;
    }

    /** Stores the control; returns the ids it superseded. */
    List<String> set(SetDERControlRequest request) {
        boolean isDefault = Boolean.TRUE.equals(request.isDefault());
        List<String> superseded = controls.stream()
                .filter(c -> c.type() == request.controlType() && c.isDefault() == isDefault
                        && !c.id().equals(request.controlId()))
                .map(Control::id).toList();
        controls.removeIf(c -> c.id().equals(request.controlId()) || superseded.contains(c.id()));
        controls.add(new Control(request.controlId(), isDefault, request.controlType(), request));
        return superseded;
    }

    List<Control> matching(Predicate<Control> which) {
        return controls.stream().filter(which).toList();
    }

    int clear(Predicate<Control> which) {
        int before = controls.size();
        controls.removeIf(which);
        return before - controls.size();
    }

    /** The export cap at {@code t} for an EVSE rated {@code ratingW}; infinite when no control limits it. */
    double dischargeCapW(double ratingW, Instant t) {
        return controls.stream().filter(c -> c.type() == DERControlEnumType.LimitMaxDischarge)
                .map(c -> c.request().limitMaxDischarge())
                .filter(l -> l != null && l.pctMaxDischargePower() != null && inForce(l, t))
                .max(Comparator.comparingInt(l -> l.priority() == null ? 0 : -l.priority())) // 0 is the highest priority
                .map(l -> ratingW * l.pctMaxDischargePower() / 100)
                .orElse(Double.POSITIVE_INFINITY);
    }

    /** The instants after {@code t} at which a LimitMaxDischarge control starts or stops. */
    Instant nextChangeAfter(Instant t) {
        Instant next = null;
        for (Control c : controls) {
            LimitMaxDischargeType l = c.request().limitMaxDischarge();
            if (l == null || l.startTime() == null) {
                continue;
            }
            List<Instant> edges = new ArrayList<>(List.of(l.startTime()));
            if (l.duration() != null) {
                edges.add(l.startTime().plusMillis((long) (l.duration() * 1000)));
            }
            for (Instant e : edges) {
                if (e.isAfter(t) && (next == null || e.isBefore(next))) {
                    next = e;
                }
            }
        }
        return next;
    }

    /** The enter-service settings of the most recent EnterService control, if any. */
    Optional<GridProtection.EnterService> enterService() {
        return controls.stream().filter(c -> c.type() == DERControlEnumType.EnterService)
                .map(c -> c.request().enterService()).filter(e -> e != null).reduce((a, b) -> b)
                .map(DerControls::settings);
    }

    private static GridProtection.EnterService settings(EnterServiceType e) {
        return new GridProtection.EnterService(e.lowVoltage(), e.highVoltage(), e.lowFreq(), e.highFreq(),
                Duration.ofMillis((long) ((e.delay() == null ? 300 : e.delay()) * 1000)));
    }

    private static boolean inForce(LimitMaxDischargeType l, Instant t) {
        if (l.startTime() == null) {
            return true;
        }
        if (t.isBefore(l.startTime())) {
            return false;
        }
        return l.duration() == null || t.isBefore(l.startTime().plusMillis((long) (l.duration() * 1000)));
    }
}
