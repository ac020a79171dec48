package org.v2gcsms.gridsafety.guard;

import java.util.Objects;

/** A requested setpoint for one EVSE: kW, + charge, − discharge. */
public record SetpointRequest(String stationId, int evseId, double kw, EvseLimits limits, Requester by) {

    public SetpointRequest {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(by, "by");
        if (!Double.isFinite(kw)) {
            throw new IllegalArgumentException("a setpoint is a finite number of kW, not " + kw);
        }
    }

    public EvseKey key() {
        return new EvseKey(stationId, evseId);
    }
}
