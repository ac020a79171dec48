package org.v2gcsms.ocpp;

/**
 * One OCPP action of one protocol version: its wire name, who initiates it and the Java types of its
 * payloads. {@code responseType} is null for SEND-only messages (NotifyPeriodicEventStream in 2.1).
 */
public record Action<Q, R>(OcppVersion version, String name, Direction direction, Class<Q> requestType,
                           Class<R> responseType) {

    public boolean isSendOnly() {
        return responseType == null;
    }
}
