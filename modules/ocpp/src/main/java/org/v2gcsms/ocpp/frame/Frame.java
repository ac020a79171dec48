package org.v2gcsms.ocpp.frame;

import com.google.gson.JsonObject;
import org.v2gcsms.ocpp.ErrorCode;

/**
 * One OCPP-J RPC frame. The message type id is the first array element on the wire.
 * CALLRESULTERROR (5) and SEND (6) exist only in OCPP 2.1.
 */
public sealed interface Frame {

    String messageId();

    /** [2, id, action, payload] */
    record Call(String messageId, String action, JsonObject payload) implements Frame {}

    /** [3, id, payload] */
    record CallResult(String messageId, JsonObject payload) implements Frame {}

    /** [4, id, code, description, details] */
    record CallError(String messageId, ErrorCode code, String description, JsonObject details) implements Frame {}

    /** [5, id, code, description, details]: the caller could not process a CALLRESULT (2.1). */
    record CallResultError(String messageId, ErrorCode code, String description, JsonObject details) implements Frame {}

    /** [6, id, action, payload]: one-way, never answered (2.1). */
    record Send(String messageId, String action, JsonObject payload) implements Frame {}

    static int typeId(Frame frame) {
        return switch (frame) {
            case Call c -> 2;
            case CallResult r -> 3;
            case CallError e -> 4;
            case CallResultError e -> 5;
            case Send s -> 6;
        };
    }
}
