package org.v2gcsms.server;

import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;

/**
 * The station's CALLRESULT broke the response schema. On OCPP 2.1 the station has also been sent a
 * CALLRESULTERROR with {@link #code()}.
 */
public final class InvalidResponseException extends CallFailedException {
    private final ErrorCode code;

    public InvalidResponseException(String stationId, String action, OcppError error) {
        super(stationId, action, stationId + " sent an invalid " + action + " response: " + error, error);
        this.code = error.code();
    }

    public ErrorCode code() {
        return code;
    }
}
