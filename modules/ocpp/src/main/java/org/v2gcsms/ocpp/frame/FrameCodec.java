package org.v2gcsms.ocpp.frame;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.json.StrictJson;

/**
 * Reads and writes OCPP-J frames (the outer JSON array), leaving payloads as JSON objects.
 * Which payload schema applies is decided later, by action (CALL, SEND) or by the pending call (CALLRESULT).
 */
public final class FrameCodec {
    /** OCPP-J: a message id is a string of at most 36 characters. */
    public static final int MAX_MESSAGE_ID_LENGTH = 36;

    private final OcppVersion version;

    public FrameCodec(OcppVersion version) {
        this.version = version;
    }

    public OcppVersion version() {
        return version;
    }

    public Frame parse(String text) throws FrameException {
        JsonElement root = strictJson(text);
        if (!root.isJsonArray()) {
            throw error(FrameException.UNKNOWN_ID, ErrorCode.RpcFrameworkError, "Frame is not a JSON array");
        }
        JsonArray a = root.getAsJsonArray();
        if (a.size() < 3) {
            throw error(readableId(a), ErrorCode.RpcFrameworkError, "Frame has fewer than 3 elements");
        }
        int type = typeId(a.get(0), readableId(a));
        String id = messageId(a.get(1));
        return switch (type) {
            case 2 -> {
                expectSize(a, 4, id, "CALL");
                yield new Frame.Call(id, action(a.get(2), id), payload(a.get(3), id));
            }
            case 3 -> {
                expectSize(a, 3, id, "CALLRESULT");
                yield new Frame.CallResult(id, payload(a.get(2), id));
            }
            case 4, 5 -> {
                if (type == 5 && version == OcppVersion.V201) {
                    throw unsupportedType(id, type);
                }
                if (a.size() != 5) {
                    throw error(id, ErrorCode.ProtocolError, "CALLERROR must have 5 elements");
                }
                ErrorCode code = ErrorCode.parse(string(a.get(2))).orElse(ErrorCode.GenericError);
                String description = string(a.get(3));
                JsonObject details = a.get(4).isJsonObject() ? a.get(4).getAsJsonObject() : new JsonObject();
                yield type == 4
                        ? new Frame.CallError(id, code, description == null ? "" : description, details)
                        : new Frame.CallResultError(id, code, description == null ? "" : description, details);
            }
            case 6 -> {
                if (version == OcppVersion.V201) {
                    throw unsupportedType(id, type);
                }
                expectSize(a, 4, id, "SEND");
                yield new Frame.Send(id, action(a.get(2), id), payload(a.get(3), id));
            }
            default -> throw unsupportedType(id, type);
        };
    }

    /** A frame must be real JSON (RFC 8259): one value, read strictly, with nothing after it. */
    private static JsonElement strictJson(String text) throws FrameException {
        try {
            return StrictJson.parse(text);
        } catch (StrictJson.MalformedJson e) {
            throw error(FrameException.UNKNOWN_ID, ErrorCode.RpcFrameworkError, "Frame is not valid JSON");
        }
    }

    public String write(Frame frame) {
        StringBuilder out = new StringBuilder(1024); // most frames fit: fewer copies as it grows
        out.append('[').append(Frame.typeId(frame)).append(',');
        JsonText.appendString(out, frame.messageId());
        switch (frame) {
            case Frame.Call c -> appendActionAndPayload(out, c.action(), c.payload());
            case Frame.CallResult r -> appendPayload(out, r.payload());
            case Frame.CallError e -> appendError(out, e.code(), e.description(), e.details());
            case Frame.CallResultError e -> appendError(out, e.code(), e.description(), e.details());
            case Frame.Send s -> appendActionAndPayload(out, s.action(), s.payload());
        }
        return out.append(']').toString();
    }

    private static void appendActionAndPayload(StringBuilder out, String action, JsonObject payload) {
        out.append(',');
        JsonText.appendString(out, action);
        appendPayload(out, payload);
    }

    private static void appendPayload(StringBuilder out, JsonObject payload) {
        out.append(',');
        JsonText.append(out, payload);
    }

    private static void appendError(StringBuilder out, ErrorCode code, String description, JsonObject details) {
        String d = description == null ? "" : description;
        out.append(',');
        JsonText.appendString(out, code.name());
        out.append(',');
        JsonText.appendString(out, d.length() <= 255 ? d : d.substring(0, 255));
        appendPayload(out, details == null ? new JsonObject() : details);
    }

    private FrameException unsupportedType(String id, int type) {
        // 2.0.1 answers MessageTypeNotSupported; 2.1 rewrote the fallback: the receiver ignores it.
        return new FrameException(id, ErrorCode.MessageTypeNotSupported,
                "Message type " + type + " is not supported", version == OcppVersion.V21);
    }

    private static int typeId(JsonElement e, String readableId) throws FrameException {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1000) {
                return (int) d;
            }
        }
        // Answer with the id whenever it can be read; "-1" is only for ids that cannot be.
        throw error(readableId, ErrorCode.RpcFrameworkError, "Message type id is not a number");
    }

    private static String messageId(JsonElement e) throws FrameException {
        String id = string(e);
        if (id == null || id.isEmpty() || id.length() > MAX_MESSAGE_ID_LENGTH) {
            throw error(FrameException.UNKNOWN_ID, ErrorCode.RpcFrameworkError,
                    "Message id must be a string of 1 to " + MAX_MESSAGE_ID_LENGTH + " characters");
        }
        return id;
    }

    private static String readableId(JsonArray a) {
        if (a.size() >= 2) {
            String id = string(a.get(1));
            if (id != null && !id.isEmpty() && id.length() <= MAX_MESSAGE_ID_LENGTH) {
                return id;
            }
        }
        return FrameException.UNKNOWN_ID;
    }

    private static String action(JsonElement e, String id) throws FrameException {
        String action = string(e);
        if (action == null || action.isEmpty()) {
            throw error(id, ErrorCode.ProtocolError, "Action must be a non-empty string");
        }
        return action;
    }

    private static JsonObject payload(JsonElement e, String id) throws FrameException {
        if (!e.isJsonObject()) {
            throw error(id, ErrorCode.FormatViolation, "Payload must be a JSON object");
        }
        return e.getAsJsonObject();
    }

    private static void expectSize(JsonArray a, int n, String id, String kind) throws FrameException {
        if (a.size() != n) {
            throw error(id, ErrorCode.ProtocolError, kind + " must have " + n + " elements");
        }
    }

    private static String string(JsonElement e) {
        if (e instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        return null;
    }

    private static FrameException error(String id, ErrorCode code, String description) {
        return new FrameException(id, code, description, false);
    }
}
