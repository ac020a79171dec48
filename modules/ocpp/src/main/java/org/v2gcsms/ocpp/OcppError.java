package org.v2gcsms.ocpp;

/**
 * A failure that the peer must hear about as a CALLERROR (or, in 2.1, CALLRESULTERROR).
 * The description is at most 255 characters on the wire; it never echoes raw invalid input.
 */
public final class OcppError extends Exception {
    private final ErrorCode code;

    public OcppError(ErrorCode code, String description) {
        super(description, null, false, false); // thrown on bad input: no stack trace needed
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String description() {
        String d = getMessage() == null ? "" : getMessage();
        return d.length() <= 255 ? d : d.substring(0, 252) + "...";
    }

    @Override
    public String toString() {
        return code + ": " + description();
    }
}
