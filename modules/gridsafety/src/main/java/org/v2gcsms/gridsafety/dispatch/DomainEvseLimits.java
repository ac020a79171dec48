package org.v2gcsms.gridsafety.dispatch;

import java.util.Optional;
import org.v2gcsms.gridsafety.guard.EvseLimits;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.devicemodel.ChargingCapabilities;
import org.v2gcsms.sessions.session.EvNeeds;
import org.v2gcsms.sessions.session.Session;

/**
 * EVSE limits from what the domain knows: the discharge rating and V2X flag from the station's device model
 * (V2XChargingCtrlr.Enabled, EVSE.DischargePower), the EV's power limits and SoC from its session. Unknowns
 * are conservative: no reported discharge rating means no discharge, no SoC means no discharge, and an EV
 * below its V2X cycling window (evMinV2XEnergyRequest > 0) may not discharge.
 */
public final class DomainEvseLimits implements EvseLimitsLookup {
    private final CsmsDomain domain;
    private final java.util.function.Function<String, Optional<OcppVersion>> versions;

    public DomainEvseLimits(CsmsDomain domain, java.util.function.Function<String, Optional<OcppVersion>> versions) {
        this.domain = domain;
        this.versions = versions;
    }

    @Override
    public EvseLimits limits(String stationId, int evseId) {
        ChargingCapabilities caps = domain.deviceModel().capabilities(stationId);
        boolean v21 = versions.apply(stationId).map(v -> v == OcppVersion.V21).orElse(false);
        double dischargeRatingKw = caps.dischargePowerW().getOrDefault(evseId, 0.0) / 1000;
        Optional<Session> session = domain.sessions().activeAt(stationId).stream()
                .filter(s -> s.evseId() != null && s.evseId() == evseId).findFirst();
        double soc = session.map(Session::soc).orElse(null) == null ? Double.NaN : session.get().soc();
        EvNeeds.V2x v2x = session.map(Session::needs).map(EvNeeds::v2x).orElse(null);
        double evMaxCharge = kw(v2x == null ? null : v2x.maxChargePowerW(), Double.POSITIVE_INFINITY);
        double evMaxDischarge = kw(v2x == null ? null : v2x.maxDischargePowerW(), Double.POSITIVE_INFINITY);
        double evMinDischarge = kw(v2x == null ? null : v2x.minDischargePowerW(), 0);
        if (v2x != null && v2x.evMinV2XEnergyRequestWh() != null && v2x.evMinV2XEnergyRequestWh() > 0) {
            evMaxDischarge = 0;
        }
        double chargeRatingKw = caps.chargePowerW().containsKey(evseId) ? caps.chargePowerW().get(evseId) / 1000
                : Double.POSITIVE_INFINITY;
        return new EvseLimits(chargeRatingKw, dischargeRatingKw, evMaxCharge, evMaxDischarge, evMinDischarge, soc,
                v21 && caps.v2xEnabled() && dischargeRatingKw > 0);
    }

    private static double kw(Double watts, double fallback) {
        return watts == null ? fallback : Math.abs(watts) / 1000;
    }
}
