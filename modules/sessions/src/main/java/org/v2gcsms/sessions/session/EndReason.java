package org.v2gcsms.sessions.session;

import org.v2gcsms.ocpp.v21.ReasonEnumType;

/**
 * Why a session ended. {@link #MAX_DURATION_REACHED} when the CSMS stopped it at the maximum session duration
 * (whatever stoppedReason the station then reported); otherwise taken from the station's stoppedReason.
 */
public enum EndReason {
    MAX_DURATION_REACHED("MaxDurationReached"),
    EV_DISCONNECTED("EVDisconnected"),
    STOPPED_BY_EV("StoppedByEV"),
    LOCAL_STOP("Local"),
    REMOTE_STOP("Remote"),
    DEAUTHORIZED("DeAuthorized"),
    STATION_LIMIT_REACHED("StationLimitReached"),
    FAULT("Fault"),
    STATION_RESET("StationReset"),
    /** The CSMS gave up waiting for the Ended event (stale-transaction policy). */
    CLOSED_BY_CSMS("ClosedByCsms"),
    OTHER("Other");

    private final String wire;

    EndReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The end reason a station's stoppedReason means; null (not reported) is OTHER. */
    public static EndReason of(ReasonEnumType stoppedReason) {
        if (stoppedReason == null) {
            return OTHER;
        }
        return switch (stoppedReason) {
            case EVDisconnected -> EV_DISCONNECTED;
            case StoppedByEV -> STOPPED_BY_EV;
            case Local, MasterPass -> LOCAL_STOP;
            case Remote -> REMOTE_STOP;
            case DeAuthorized, LocalOutOfCredit, ReqEnergyTransferRejected -> DEAUTHORIZED;
            case EnergyLimitReached, SOCLimitReached, TimeLimitReached -> STATION_LIMIT_REACHED;
            case EmergencyStop, GroundFault, OvercurrentFault, PowerLoss, PowerQuality -> FAULT;
            case ImmediateReset, Reboot -> STATION_RESET;
            case Other, Timeout -> OTHER;
        };
    }

    public static EndReason parse(String wire) {
        for (EndReason r : values()) {
            if (r.wire.equals(wire)) {
                return r;
            }
        }
        throw new IllegalArgumentException(wire + " is not an end reason");
    }
}
