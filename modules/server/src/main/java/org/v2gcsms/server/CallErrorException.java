package org.v2gcsms.server;

import com.google.gson.JsonObject;
import org.v2gcsms.ocpp.ErrorCode;

/** The station answered with a CALLERROR. */
public final class CallErrorException extends CallFailedException {
    private final ErrorCode code;
    private final String description;
    private final JsonObject details;

    public CallErrorException(String stationId, String action, ErrorCode code, String description, JsonObject details) {
        super(stationId, action, stationId + " answered " + action + " with " + code
                + (description.isEmpty() ? "" : ": " + description), null);
        this.code = code;
        this.description = description;
        this.details = details.deepCopy();
    }

    public ErrorCode code() {
        return code;
    }

    public String description() {
        return description;
    }

    public JsonObject details() {
        return details.deepCopy();
    }
}
