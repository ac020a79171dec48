package org.v2gcsms.sessions.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.NotifyEVChargingScheduleRequest;

/**
 * The schedule an ISO 15118 EV chose within the limits it was given (NotifyEVChargingSchedule), as reported.
 *
 * @param receivedAt the CSMS's time of the report
 * @param timeBase   periods start this long after it
 * @param rateUnit   {@code W} or {@code A} (per phase)
 * @param durationS  how long the schedule lasts from {@code timeBase}; null: until the EV says otherwise
 */
public record EvChargingSchedule(Instant receivedAt, int evseId, Instant timeBase, String rateUnit, Integer durationS,
                                 List<Period> periods) {

    public EvChargingSchedule {
        Objects.requireNonNull(timeBase, "timeBase");
        Objects.requireNonNull(rateUnit, "rateUnit");
        periods = List.copyOf(periods);
    }

    /**
     * One period: from {@code startS} after the time base, the EV takes at most {@code limit} (in the rate unit;
     * negative: discharge) and gives back at most {@code dischargeLimit} (negative; null: not said).
     */
    public record Period(int startS, double limit, Double dischargeLimit, Integer numberPhases) {}

    public static EvChargingSchedule of(NotifyEVChargingScheduleRequest r, Instant receivedAt) {
        var s = r.chargingSchedule();
        List<Period> periods = s.chargingSchedulePeriod().stream().map(EvChargingSchedule::period).toList();
        return new EvChargingSchedule(receivedAt, r.evseId(), r.timeBase(), s.chargingRateUnit().value(), s.duration(),
                periods);
    }

    private static Period period(ChargingSchedulePeriodType p) {
        // A 2.1 EV in a setpoint mode reports setpoints; the limit is then the most it will draw.
        double limit = p.limit() != null ? p.limit() : p.setpoint() != null ? p.setpoint() : 0;
        return new Period(p.startPeriod(), limit, p.dischargeLimit(), p.numberPhases());
    }

    /** When period {@code i} ends: the next one's start, else the schedule's duration, else never (null). */
    public Instant end(int i) {
        if (i + 1 < periods.size()) {
            return timeBase.plusSeconds(periods.get(i + 1).startS());
        }
        return durationS == null ? null : timeBase.plusSeconds(durationS);
    }

    public Instant start(int i) {
        return timeBase.plusSeconds(periods.get(i).startS());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("EVSE " + evseId + " from " + timeBase + " in " + rateUnit + ":");
        for (Period p : periods) {
            b.append(" +").append(p.startS()).append("s ").append(p.limit());
        }
        return durationS == null ? b.toString() : b.append(" for ").append(durationS).append(" s").toString();
    }
}
