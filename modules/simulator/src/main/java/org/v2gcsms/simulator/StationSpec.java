package org.v2gcsms.simulator;

import java.util.Objects;
import java.util.Optional;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * What a simulated charging station is.
 *
 * @param id               its identity, the last path segment of its URL
 * @param evses            how many EVSEs (each with one connector)
 * @param chargeKw         each EVSE's charge rating
 * @param dischargeKw      each EVSE's discharge rating (ignored unless {@code v2x})
 * @param v2x              bidirectional: only on OCPP 2.1 (2.0.1 stations are charge-only)
 * @param securityProfile  1 (ws:// + Basic auth) or 2 (wss:// + Basic auth)
 * @param password         the Basic-auth password, if the CSMS asks for one
 * @param nominalVolts     per phase
 * @param nominalHertz     grid frequency (60 Hz in Korea)
 */
public record StationSpec(String id, OcppVersion version, int evses, double chargeKw, double dischargeKw,
                          boolean v2x, int securityProfile, Optional<String> password, double nominalVolts,
                          double nominalHertz) {

    public StationSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(password, "password");
        if (id.isBlank() || id.length() > 48) {
            throw new IllegalArgumentException("station id must be 1..48 characters");
        }
        if (evses < 1) {
            throw new IllegalArgumentException("a station needs at least one EVSE");
        }
        if (!(chargeKw > 0) || !(dischargeKw >= 0)) {
            throw new IllegalArgumentException("ratings must be positive");
        }
        if (v2x && version == OcppVersion.V201) {
            throw new IllegalArgumentException("V2X needs OCPP 2.1; an OCPP 2.0.1 station is charge-only");
        }
        if (securityProfile != 1 && securityProfile != 2) {
            throw new IllegalArgumentException("security profile must be 1 or 2, was " + securityProfile);
        }
    }

    /** A 50 kW fast charger (S1), bidirectional on 2.1, on a 230 V / 60 Hz grid. */
    public static StationSpec fastCharger(String id, OcppVersion version, int evses) {
        return new StationSpec(id, version, evses, 50, 50, version == OcppVersion.V21, 1, Optional.empty(), 230, 60);
    }

    public StationSpec withPassword(String p) {
        return new StationSpec(id, version, evses, chargeKw, dischargeKw, v2x, securityProfile, Optional.ofNullable(p),
                nominalVolts, nominalHertz);
    }

    public StationSpec withSecurityProfile(int profile) {
        return new StationSpec(id, version, evses, chargeKw, dischargeKw, v2x, profile, password, nominalVolts,
                nominalHertz);
    }

    public StationSpec withV2x(boolean on) {
        return new StationSpec(id, version, evses, chargeKw, dischargeKw, on, securityProfile, password, nominalVolts,
                nominalHertz);
    }

    public double chargeW() {
        return chargeKw * 1000;
    }

    public double dischargeW() {
        return v2x ? dischargeKw * 1000 : 0;
    }
}
