package org.v2gcsms.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;

/**
 * Moves energy between the grid and the EVs: for each EVSE, the power the profiles, DER controls, grid
 * protection, EVSE ratings and the EV allow, integrated exactly over every interval in which none of them
 * changes. Owned by the station's serial context.
 */
final class PowerFlow {
    private final ChargingProfiles profiles;
    private final DerControls der;
    private final GridProtection protection;
    private final IntSupplier charging;
    private final SimulationLog log;

    PowerFlow(ChargingProfiles profiles, DerControls der, GridProtection protection, IntSupplier charging,
              SimulationLog log) {
        this.profiles = profiles;
        this.der = der;
        this.protection = protection;
        this.charging = charging;
        this.log = log;
    }

    /** Brings the session on {@code evse} up to {@code now}: SoC, meter registers and present power. */
    void advance(Evse evse, Instant now) {
        Session s = evse.session;
        if (s == null) {
            return;
        }
        if (!s.started) {
            s.integratedUntil = now;
            return;
        }
        Instant t = s.integratedUntil;
        while (t.isBefore(now)) {
            Instant next = earliest(now, profiles.nextChangeAfter(evse.id, evse.transaction(), t),
                    der.nextChangeAfter(t), protection.nextChangeAfter(t));
            double seconds = Duration.between(t, next).toNanos() / 1e9;
            Decision d = decide(evse, s, t);
            double wh = s.battery.transfer(d.watts(), seconds, d.ceilingSoc());
            if (wh > 0) {
                evse.importedWh += wh;
                log.importedWh.add(wh);
            } else {
                evse.exportedWh -= wh;
                log.exportedWh.add(-wh);
            }
            t = next;
        }
        s.integratedUntil = now.isAfter(s.integratedUntil) ? now : s.integratedUntil;
        Decision d = decide(evse, s, now);
        s.powerW = s.battery.canMove(d.watts(), d.ceilingSoc()) ? d.watts() : 0;
        s.chargingState = d.state(s.powerW);
    }

    /** The power asked of the EV at {@code t} and how far it may charge. */
    private record Decision(double watts, double ceilingSoc, boolean evSatisfied) {
        ChargingStateEnumType state(double actualW) {
            if (actualW != 0) {
                return ChargingStateEnumType.Charging;
            }
            return evSatisfied ? ChargingStateEnumType.SuspendedEV : ChargingStateEnumType.SuspendedEVSE;
        }
    }

    private Decision decide(Evse evse, Session s, Instant t) {
        if (protection.islanded()) {
            return new Decision(0, 0, false);
        }
        PowerWindow window = profiles.windowAt(evse.id, evse.transaction(), t, Math.max(1, charging.getAsInt()));
        double dischargeCap = protection.exportAllowed(t)
                ? Math.min(Math.min(evse.dischargeRatingW, s.evMaxDischargeW()), der.dischargeCapW(evse.dischargeRatingW, t))
                : 0;
        PowerWindow physical = window.capped(Math.min(evse.chargeRatingW, s.evMaxChargeW()), dischargeCap);
        if (physical.setpointW() != null) {
            return new Decision(physical.requestedW(), 1.0, false); // a setpoint may fill the battery (S1 CASE 2)
        }
        boolean satisfied = s.battery.soc() >= s.arrival.targetSoc() - 1e-9;
        return new Decision(satisfied ? 0 : physical.maxChargeW(), s.arrival.targetSoc(), satisfied);
    }

    private static Instant earliest(Instant limit, Instant... candidates) {
        Instant best = limit;
        for (Instant c : candidates) {
            if (c != null && c.isBefore(best)) {
                best = c;
            }
        }
        return best;
    }
}
