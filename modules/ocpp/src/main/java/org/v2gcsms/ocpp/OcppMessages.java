package org.v2gcsms.ocpp;

import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Optional;

/**
 * The message catalogue of one OCPP version: every action, its payload types, validation against the
 * official JSON schema (with the OCPP-J error code each violation calls for), and the binding
 * between payload JSON and the generated records. Thread-safe; build once per version and share.
 *
 * <p>Which error code a CALL from a station earns before its payload is even looked at:
 * <ul>
 *   <li>an action name this version does not have: {@link ErrorCode#NotImplemented} ({@link #action} is empty);
 *   <li>an action this version has but a CSMS does not receive, because the CSMS initiates it (a station sending
 *       {@code Reset}) or because it is SEND-only (NotifyPeriodicEventStream as a CALL):
 *       {@link ErrorCode#NotSupported}. The frame and the name are fine, so it is not a ProtocolError; the action
 *       is simply not supported in that direction. {@link #callFromStation} applies both rules.
 * </ul>
 * A SEND is never answered (OCPP 2.1), so {@link #sendFromStation} throws the same codes for the caller to log.
 *
 * <p>Payload codes ({@link #validateRequest}, {@link #validateResponse}): a missing required field or an array
 * outside minItems/maxItems is an OccurrenceConstraintViolation; a wrong JSON type (also null, and a fraction where
 * an integer belongs) a TypeConstraintViolation; a too long string, a value outside the enum or the numeric range, a
 * malformed date-time a PropertyConstraintViolation; a property the schema does not define a FormatViolation (the
 * payload's shape is wrong for the action, not a field's value); a payload that is not an object also a
 * FormatViolation (see {@code FrameCodec}). Descriptions name the field path and never echo the input.
 */
public interface OcppMessages {

    /** The shared catalogue of this version (one instance per version, built on first use). */
    static OcppMessages of(OcppVersion version) {
        return MessageCatalogue.of(version);
    }

    OcppVersion version();

    /** Every action of this version, sorted by name. */
    Collection<Action<?, ?>> actions();

    /** The action with this exact (case-sensitive) wire name. */
    Optional<Action<?, ?>> action(String name);

    /** The action whose request payload is of this type. */
    <Q> Action<Q, ?> actionOf(Class<Q> requestType);

    /**
     * The action of a CALL a charging station sent: NotImplemented when the name is unknown, NotSupported when
     * the CSMS initiates that action or it is SEND-only.
     */
    Action<?, ?> callFromStation(String name) throws OcppError;

    /** The action of a SEND (2.1) a charging station sent: as {@link #callFromStation}, for SEND-only actions. */
    Action<?, ?> sendFromStation(String name) throws OcppError;

    /** Checks a request payload against the action's schema; throws with the code OCPP-J prescribes. */
    void validateRequest(Action<?, ?> action, JsonObject payload) throws OcppError;

    /** Checks a response payload against the action's schema. */
    void validateResponse(Action<?, ?> action, JsonObject payload) throws OcppError;

    /** Binds an already validated payload to its record type. */
    <T> T decode(JsonObject payload, Class<T> type) throws OcppError;

    /** Writes a message record as a payload: optional fields left out, never null. */
    JsonObject encode(Object message);
}
