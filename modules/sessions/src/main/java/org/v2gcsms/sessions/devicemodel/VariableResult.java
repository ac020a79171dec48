package org.v2gcsms.sessions.devicemodel;

import java.time.Instant;

/**
 * The station's answer for one variable of a GetVariables or SetVariables. {@code value} is the value read
 * (Get) or the value asked to be set (Set); {@code reason} the station's reasonCode, if any.
 */
public record VariableResult(String stationId, VariableKey key, Operation operation, String value, String status,
                             String reason, Instant at) {
    public enum Operation { GET, SET }
}
