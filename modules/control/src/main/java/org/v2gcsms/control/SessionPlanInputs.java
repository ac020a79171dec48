package org.v2gcsms.control;

import java.time.Duration;
import java.time.Instant;
import org.v2gcsms.control.dispatch.EvseTarget;
import org.v2gcsms.control.planner.EvPlanInput;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.sessions.session.EvNeeds;
import org.v2gcsms.sessions.session.Session;

/** Turns a session (the session manager's record) into the planner's input: the one place that knows both. */
final class SessionPlanInputs {
    /** Horizon for a session without any deadline (no limit, no departure time). */
    static final Duration NO_DEADLINE = Duration.ofHours(8);

    private SessionPlanInputs() {}

    static EvPlanInput of(Session s, EvseTarget target, Site site, Instant now, double dischargedTodayKwh) {
        Instant deadline = s.departureDeadline().filter(d -> d.isAfter(now)).orElse(now.plus(NO_DEADLINE));
        double chargeKw = Math.min(target.chargeKw(), evChargeKw(s.needs(), target.voltageV()));
        double dischargeKw = Math.min(target.dischargeKw(), evDischargeKw(s.needs()));
        double hours = Duration.between(now, deadline).toMillis() / 3_600_000.0;
        // Without SoC or an energy request the EV gets what it can take until it leaves.
        double needKwh = energyNeededKwh(s, chargeKw * hours);
        double soc = s.soc() == null ? Double.NaN : s.soc();
        double capacity = s.batteryCapacityWh() == null ? Double.NaN : s.batteryCapacityWh() / 1000;
        return new EvPlanInput(target.key(), needKwh, deadline, soc, capacity, site.socMinPercent(),
                site.socMaxPercent(), chargeKw, dischargeKw, target.dischargeAllowed(),
                Math.max(0, site.dischargeCapKwhPerDay() - dischargedTodayKwh));
    }

    /**
     * Energy the plan is to deliver by the deadline, kWh. Negative where a bidirectional EV is above the target SoC
     * it declared itself (2.1 V2X targetSoC): it offered that surplus, which may go back to the grid before it
     * leaves. A target the EV did not declare (the CSMS's default, an operator's) never takes energy out of it.
     */
    static double energyNeededKwh(Session s, double withoutAnyKwh) {
        EvNeeds needs = s.needs();
        Double evTarget = needs == null || needs.v2x() == null ? null : needs.v2x().targetSoc();
        if (evTarget != null && s.soc() != null && s.batteryCapacityWh() != null && s.soc() > evTarget) {
            return (evTarget - s.soc()) / 100 * s.batteryCapacityWh() / 1000;
        }
        return s.energyNeededWh().map(wh -> wh / 1000).orElse(withoutAnyKwh);
    }

    /** The EV allows discharge when its 2.1 V2X parameters offer discharge power or it asked for a BPT mode. */
    static boolean evAllowsDischarge(EvNeeds needs) {
        if (needs == null) {
            return false;
        }
        if (needs.v2x() != null && needs.v2x().maxDischargePowerW() != null && needs.v2x().maxDischargePowerW() > 0) {
            return true;
        }
        return needs.requestedEnergyTransfer() != null && needs.requestedEnergyTransfer().contains("BPT");
    }

    /** The most the EV takes: its V2X or DC power, else (AC) its maximum current on the phases it uses. */
    static double evChargeKw(EvNeeds n, double phaseVoltageV) {
        if (n == null) {
            return Double.POSITIVE_INFINITY;
        }
        if (n.v2x() != null && n.v2x().maxChargePowerW() != null) {
            return n.v2x().maxChargePowerW() / 1000;
        }
        if (n.evMaxPowerW() != null) {
            return n.evMaxPowerW() / 1000;
        }
        int acPhases = acPhases(n.requestedEnergyTransfer());
        return acPhases > 0 && n.evMaxCurrentA() != null ? n.evMaxCurrentA() * acPhases * phaseVoltageV / 1000
                : Double.POSITIVE_INFINITY;
    }

    /** Phases of an AC energy transfer mode (ISO 15118: AC_single_phase, AC_two_phase, AC_three_phase); 0 if DC. */
    private static int acPhases(String mode) {
        if (mode == null || !mode.startsWith("AC")) {
            return 0;
        }
        return mode.contains("single") ? 1 : mode.contains("two") ? 2 : 3;
    }

    private static double evDischargeKw(EvNeeds n) {
        if (n == null || n.v2x() == null || n.v2x().maxDischargePowerW() == null) {
            return Double.POSITIVE_INFINITY;
        }
        return n.v2x().maxDischargePowerW() / 1000;
    }
}
