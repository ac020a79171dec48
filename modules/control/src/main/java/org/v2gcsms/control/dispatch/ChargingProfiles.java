package org.v2gcsms.control.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.v21.ChargingProfileKindEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfilePurposeEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileType;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.ChargingScheduleType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;

/**
 * Builds the charging profiles the dispatcher sends, as OCPP 2.1 records (StationCommands turns them into
 * 2.0.1 for 2.0.1 stations, which only ever get 2.0.1 fields: limit and numberPhases).
 * <ul>
 *   <li>V2X stations: periods in CentralSetpoint with {@code setpoint} (negative = discharge), {@code limit} = the
 *       charge rating and, only where discharge is allowed, {@code dischargeLimit} = −rating; always in W.</li>
 *   <li>Others: charge-only {@code limit} = max(0, power), in W or (when the station takes only A) in A per
 *       phase.</li>
 * </ul>
 * Equal neighbouring steps become one period; the schedule is cut to the station's PeriodsPerSchedule.
 */
public final class ChargingProfiles {
    /** Stack levels: the CSMS's own Tx and site profiles sit at level 1 (0 stays free for the station's). */
    static final int STACK_LEVEL = 1;
    private static final int SITE_PROFILE_ID = 900_000;

    private ChargingProfiles() {}

    /** Profile id of an EVSE's TxProfile: stable per EVSE so a new one replaces the old (K01.FR.05). */
    static int txProfileId(int evseId) {
        return 1_000 + evseId;
    }

    public static ChargingProfileType txProfile(EvseTarget target, EvseSchedule schedule) {
        boolean v2x = target.v2x();
        boolean watts = v2x || target.inWatts();
        List<ChargingSchedulePeriodType> periods = new ArrayList<>();
        double previous = Double.NaN;
        int max = target.maxPeriods();
        for (int i = 0; i < schedule.kw().length && periods.size() < max; i++) {
            double kw = v2x ? schedule.kw()[i] : Math.max(0, schedule.kw()[i]);
            if (kw == previous) {
                continue;
            }
            previous = kw;
            int start = (int) schedule.step().multipliedBy(i).toSeconds();
            periods.add(v2x ? setpointPeriod(start, kw, target) : limitPeriod(start, kw, target, watts));
        }
        ChargingScheduleType cs = schedule(target.evseId(), schedule, watts, periods);
        return new ChargingProfileType(txProfileId(target.evseId()), STACK_LEVEL,
                ChargingProfilePurposeEnumType.TxProfile, ChargingProfileKindEnumType.Absolute, null, null, null,
                target.transactionId(), null, List.of(cs), null, null, null, null, null);
    }

    /** The safe fallback after a rejected or unanswered setpoint profile: charge only, at most the planned charge. */
    public static ChargingProfileType chargeOnlyFallback(EvseTarget target, EvseSchedule schedule) {
        double kw = Math.max(0, schedule.kw().length == 0 ? 0 : schedule.kw()[0]);
        boolean watts = target.inWatts();
        ChargingScheduleType cs = schedule(target.evseId(), new EvseSchedule(schedule.start(), schedule.step(),
                new double[] {kw}), watts, List.of(limitPeriod(0, kw, target, watts)));
        return new ChargingProfileType(txProfileId(target.evseId()), STACK_LEVEL,
                ChargingProfilePurposeEnumType.TxProfile, ChargingProfileKindEnumType.Absolute, null, null, null,
                target.transactionId(), null, List.of(cs), null, null, null, null, null);
    }

    /**
     * Site limits for a station without an active plan: a ChargingStationMaxProfile (evseId 0) capping the
     * station at {@code stationKw}, or a TxDefaultProfile giving each new transaction {@code stationKw}; charge only.
     */
    public static ChargingProfileType siteProfile(EvseTarget station, ChargingProfilePurposeEnumType purpose,
                                                  double stationKw, java.time.Instant from) {
        boolean watts = station.inWatts();
        EvseSchedule one = new EvseSchedule(from, Duration.ofDays(1), new double[] {stationKw});
        ChargingScheduleType cs = schedule(0, one, watts, List.of(limitPeriod(0, stationKw, station, watts)));
        int id = SITE_PROFILE_ID + (purpose == ChargingProfilePurposeEnumType.TxDefaultProfile ? 1 : 0);
        return new ChargingProfileType(id, 0, purpose, ChargingProfileKindEnumType.Absolute, null, null, null, null,
                null, List.of(new ChargingScheduleType(cs.id(), null, from, null, cs.chargingRateUnit(), null, null,
                        null, null, null, cs.chargingSchedulePeriod(), null, null, null, null, null)),
                null, null, null, null, null);
    }

    private static ChargingScheduleType schedule(int evseId, EvseSchedule s, boolean watts,
                                                 List<ChargingSchedulePeriodType> periods) {
        return new ChargingScheduleType(evseId + 1, null, s.start(), (int) s.step().multipliedBy(s.kw().length)
                .toSeconds(), watts ? ChargingRateUnitEnumType.W : ChargingRateUnitEnumType.A, null, null, null,
                null, null, periods, null, null, null, null, null);
    }

    private static ChargingSchedulePeriodType setpointPeriod(int start, double kw, EvseTarget t) {
        Double dischargeLimit = t.dischargeAllowed() ? -t.dischargeKw() * 1000 : null;
        double setpoint = t.dischargeAllowed() ? kw : Math.max(0, kw);
        return new ChargingSchedulePeriodType(start, t.chargeKw() * 1000, null, null, null, null, dischargeLimit,
                null, null, round(setpoint * 1000), null, null, null, null, null, null, null, null,
                OperationModeEnumType.CentralSetpoint, null, null, null);
    }

    private static ChargingSchedulePeriodType limitPeriod(int start, double kw, EvseTarget t, boolean watts) {
        double limit = watts ? kw * 1000 : kw * 1000 / (t.voltageV() * Math.max(1, t.phases()));
        return new ChargingSchedulePeriodType(start, round(limit), null, null, t.phases() > 0 ? t.phases() : null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
