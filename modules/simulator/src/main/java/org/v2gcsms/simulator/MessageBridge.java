package org.v2gcsms.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * Lets one station model speak both versions. The simulator builds and reads OCPP 2.1 records only: 2.1 is
 * a superset of 2.0.1 for every message a station exchanges (same fields, wider enums, some integers widened
 * to numbers). Outbound payloads are then checked against the schema of the version actually negotiated, so
 * a 2.1-only field or value never reaches a 2.0.1 CSMS; inbound ones are checked against it before they are
 * read as 2.1 records.
 */
final class MessageBridge {
    private static final OcppMessages MODEL = OcppMessages.of(OcppVersion.V21);

    private final OcppMessages wire;

    MessageBridge(OcppVersion version) {
        this.wire = OcppMessages.of(version);
    }

    OcppVersion version() {
        return wire.version();
    }

    /** The negotiated version's action for a station-initiated request record; fails if that version lacks it. */
    Action<?, ?> actionFor(Object request) {
        String name = MODEL.actionOf(request.getClass()).name();
        return wire.action(name).orElseThrow(() -> new IllegalArgumentException(
                name + " does not exist in " + wire.version().subprotocol()));
    }

    /** A request as validated payload; throws if the simulator built something the schema refuses. */
    JsonObject request(Action<?, ?> action, Object request) throws OcppError {
        JsonObject payload = encode(request);
        wire.validateRequest(action, payload);
        return payload;
    }

    JsonObject response(Action<?, ?> action, Object response) throws OcppError {
        JsonObject payload = encode(response);
        wire.validateResponse(action, payload);
        return payload;
    }

    /** Reads the CSMS's answer to one of our CALLs as the 2.1 response record. */
    Object readResponse(Action<?, ?> action, JsonObject payload) throws OcppError {
        wire.validateResponse(action, payload);
        return MODEL.decode(payload, modelAction(action).responseType());
    }

    /** A CALL the CSMS sent: its action in the negotiated version and the request as a 2.1 record. */
    InboundCall readCall(String name, JsonObject payload) throws OcppError {
        Action<?, ?> action = wire.action(name)
                .orElseThrow(() -> new OcppError(ErrorCode.NotImplemented, "unknown action"));
        if (!action.direction().csmsMaySend()) {
            throw new OcppError(ErrorCode.NotSupported, name + " is not sent by a CSMS");
        }
        wire.validateRequest(action, payload);
        return new InboundCall(action, MODEL.decode(payload, modelAction(action).requestType()));
    }

    record InboundCall(Action<?, ?> action, Object request) {}

    private static Action<?, ?> modelAction(Action<?, ?> action) {
        return MODEL.action(action.name()).orElseThrow();
    }

    private static JsonObject encode(Object message) {
        return (JsonObject) wholeNumbers(MODEL.encode(message));
    }

    /**
     * Writes whole doubles as integers ({@code 5000} not {@code 5000.0}): 2.0.1 declares some of the
     * fields 2.1 widened to numbers as integers, and a number is never harmed by losing a ".0".
     */
    private static JsonElement wholeNumbers(JsonElement e) {
        if (e instanceof JsonObject o) {
            for (Map.Entry<String, JsonElement> field : o.entrySet()) {
                field.setValue(wholeNumbers(field.getValue()));
            }
            return o;
        }
        if (e instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, wholeNumbers(a.get(i)));
            }
            return a;
        }
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            double d = p.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return new JsonPrimitive((long) d);
            }
        }
        return e;
    }
}
