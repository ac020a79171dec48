package org.v2gcsms.ocpp.frame;

import org.v2gcsms.ocpp.ErrorCode;

/**
 * A text frame that is not a valid OCPP-J RPC frame. {@link #messageId()} is the id to answer
 * with ("-1" when none could be read); {@link #ignore()} marks frames OCPP 2.1 says to drop silently.
 */
public final class FrameException extends Exception {
    public static final String UNKNOWN_ID = "-1";

    private final String messageId;
    private final ErrorCode code;
    private final boolean ignore;

    FrameException(String messageId, ErrorCode code, String description, boolean ignore) {
        super(description, null, false, false);
        this.messageId = messageId;
        this.code = code;
        this.ignore = ignore;
    }

    public String messageId() {
        return messageId;
    }

    public ErrorCode code() {
        return code;
    }

    public boolean ignore() {
        return ignore;
    }
}
