package org.v2gcsms.control;

import java.time.Instant;
import java.util.Optional;
import org.v2gcsms.control.dispatch.EvseSchedule;
import org.v2gcsms.sessions.session.EvChargingSchedule;

/**
 * Finds where an EV's reported schedule (NotifyEVChargingSchedule) goes beyond what the CSMS last sent its EVSE:
 * more charge than the limit in force, or more discharge than allowed. Only the span the sent schedule covers
 * counts (after it, other profiles apply). A-rated schedules are turned into kW with the period's phases (else
 * the EVSE's) at the nominal voltage.
 */
final class EvScheduleExcess {
    /** Rounding in the profiles sent (0.1 W, 0.1 A) and in the EV's own arithmetic is not an excess. */
    static final double TOLERANCE_KW = 0.1;

    private EvScheduleExcess() {}

    /** The first period beyond the sent limits, described for the log; empty when the EV keeps within them. */
    static Optional<String> first(EvChargingSchedule ev, EvseSchedule sent, double voltageV, int phases) {
        for (int i = 0; i < ev.periods().size(); i++) {
            EvChargingSchedule.Period p = ev.periods().get(i);
            Instant from = later(ev.start(i), sent.start());
            Instant to = ev.end(i) == null || ev.end(i).isAfter(sent.end()) ? sent.end() : ev.end(i);
            if (!from.isBefore(to)) {
                continue;
            }
            double perUnit = "A".equals(ev.rateUnit())
                    ? voltageV * Math.max(1, p.numberPhases() != null ? p.numberPhases() : phases) / 1000 : 1.0 / 1000;
            double chargeKw = p.limit() * perUnit;
            Double dischargeKw = p.dischargeLimit() == null ? null : p.dischargeLimit() * perUnit;
            for (Instant t = stepStart(sent, from); t.isBefore(to); t = t.plus(sent.step())) {
                double allowed = sent.at(t);
                if (chargeKw > Math.max(0, allowed) + TOLERANCE_KW) {
                    return Optional.of(String.format("period at +%d s asks %.1f kW, %.1f kW allowed from %s",
                            p.startS(), chargeKw, Math.max(0, allowed), later(t, from)));
                }
                if (dischargeKw != null && dischargeKw < Math.min(0, allowed) - TOLERANCE_KW) {
                    return Optional.of(String.format("period at +%d s discharges %.1f kW, %.1f kW allowed from %s",
                            p.startS(), -dischargeKw, -Math.min(0, allowed), later(t, from)));
                }
            }
        }
        return Optional.empty();
    }

    /** The start of the sent step that contains {@code at}. */
    private static Instant stepStart(EvseSchedule sent, Instant at) {
        long steps = java.time.Duration.between(sent.start(), at).toMillis() / sent.step().toMillis();
        return sent.start().plus(sent.step().multipliedBy(steps));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
