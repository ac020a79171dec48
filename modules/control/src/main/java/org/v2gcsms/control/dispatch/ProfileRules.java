package org.v2gcsms.control.dispatch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.v2gcsms.ocpp.v21.ChargingProfilePurposeEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.ChargingScheduleType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;

/**
 * Checks a profile before it is sent, so the CSMS never sends what a station must reject (digest §6.2, §7.1):
 * operation modes allowed per purpose (2.1 Table 95 as libocpp quotes it), setpoint present in
 * CentralSetpoint/CentralFrequency, dischargeLimit (and a negative setpoint) only where discharge is allowed,
 * first startPeriod 0 and increasing, TxProfile with a transaction, at most PeriodsPerSchedule periods, the
 * rate unit one the station takes.
 */
public final class ProfileRules {
    private static final Set<OperationModeEnumType> CHARGING_ONLY = EnumSet.of(OperationModeEnumType.ChargingOnly);
    private static final Map<ChargingProfilePurposeEnumType, Set<OperationModeEnumType>> MODES = Map.of(
            ChargingProfilePurposeEnumType.TxProfile, EnumSet.allOf(OperationModeEnumType.class),
            ChargingProfilePurposeEnumType.TxDefaultProfile, EnumSet.allOf(OperationModeEnumType.class),
            ChargingProfilePurposeEnumType.ChargingStationExternalConstraints, EnumSet.of(
                    OperationModeEnumType.ChargingOnly, OperationModeEnumType.ExternalLimits,
                    OperationModeEnumType.ExternalSetpoint),
            ChargingProfilePurposeEnumType.LocalGeneration, EnumSet.of(OperationModeEnumType.ChargingOnly,
                    OperationModeEnumType.ExternalLimits),
            ChargingProfilePurposeEnumType.ChargingStationMaxProfile, CHARGING_ONLY,
            ChargingProfilePurposeEnumType.PriorityCharging, CHARGING_ONLY);

    private ProfileRules() {}

    /** The problems with sending {@code profile} to {@code target}; empty when it may go. */
    public static List<String> problems(ChargingProfileType profile, EvseTarget target) {
        List<String> out = new ArrayList<>();
        ChargingProfilePurposeEnumType purpose = profile.chargingProfilePurpose();
        if (purpose == ChargingProfilePurposeEnumType.TxProfile && profile.transactionId() == null) {
            out.add("TxProfile without transactionId (K01.FR.03)");
        }
        for (ChargingScheduleType s : profile.chargingSchedule()) {
            String unit = s.chargingRateUnit().value();
            if (!target.capabilities().rateUnits().isEmpty() && !target.capabilities().rateUnits().contains(unit)) {
                out.add("rate unit " + unit + " not in the station's RateUnit " + target.capabilities().rateUnits());
            }
            List<ChargingSchedulePeriodType> periods = s.chargingSchedulePeriod();
            if (periods.size() > target.maxPeriods()) {
                out.add(periods.size() + " periods, the station takes " + target.maxPeriods());
            }
            int last = -1;
            for (ChargingSchedulePeriodType p : periods) {
                if (last < 0 && p.startPeriod() != 0) {
                    out.add("first startPeriod must be 0 (K01.FR.31)");
                }
                if (p.startPeriod() <= last) {
                    out.add("startPeriod " + p.startPeriod() + " not increasing (K01.FR.35)");
                }
                last = p.startPeriod();
                period(p, purpose, target, out);
            }
        }
        return out;
    }

    private static void period(ChargingSchedulePeriodType p, ChargingProfilePurposeEnumType purpose,
                               EvseTarget target, List<String> out) {
        OperationModeEnumType mode = p.operationMode() == null ? OperationModeEnumType.ChargingOnly : p.operationMode();
        if (!MODES.getOrDefault(purpose, CHARGING_ONLY).contains(mode)) {
            out.add("operationMode " + mode + " not allowed in " + purpose);
        }
        if (mode != OperationModeEnumType.ChargingOnly && !target.v2x()) {
            out.add("operationMode " + mode + " sent to a station without V2X");
        }
        if ((mode == OperationModeEnumType.CentralSetpoint || mode == OperationModeEnumType.CentralFrequency)
                && p.setpoint() == null) {
            out.add(mode + " needs a setpoint");
        }
        if (mode == OperationModeEnumType.ChargingOnly && p.limit() == null) {
            out.add("ChargingOnly needs a limit");
        }
        boolean discharge = (p.dischargeLimit() != null) || (p.setpoint() != null && p.setpoint() < 0)
                || (p.limit() != null && p.limit() < 0);
        if (discharge && !target.dischargeAllowed()) {
            out.add("discharge (dischargeLimit or negative setpoint) where discharge is not allowed");
        }
        if (p.dischargeLimit() != null && p.dischargeLimit() > 0) {
            out.add("dischargeLimit must be <= 0");
        }
        if (p.setpoint() != null && p.limit() != null && p.setpoint() > p.limit()) {
            out.add("setpoint above limit");
        }
        if (p.setpoint() != null && p.dischargeLimit() != null && p.setpoint() < p.dischargeLimit()) {
            out.add("setpoint below dischargeLimit");
        }
    }
}
