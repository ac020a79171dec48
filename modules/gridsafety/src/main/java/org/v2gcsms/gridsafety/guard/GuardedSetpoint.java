package org.v2gcsms.gridsafety.guard;

import java.util.List;

/** What the guard lets out for one request: the setpoint to send and every clamp it took to get there. */
public record GuardedSetpoint(SetpointRequest request, double kw, List<ClampReason> clamps) {

    public GuardedSetpoint {
        clamps = List.copyOf(clamps);
    }

    public boolean clamped() {
        return !clamps.isEmpty();
    }
}
