package org.v2gcsms.server;

/** Why a CSMS-initiated CALL produced no usable response. */
public abstract sealed class CallFailedException extends Exception
        permits StationOfflineException, CallTimeoutException, CallErrorException, InvalidResponseException,
        ConnectionLostException {
    private final String stationId;
    private final String action;

    CallFailedException(String stationId, String action, String message, Throwable cause) {
        super(message, cause, false, false); // expected outcomes: the stack trace would say nothing
        this.stationId = stationId;
        this.action = action;
    }

    public String stationId() {
        return stationId;
    }

    public String action() {
        return action;
    }
}
