package org.v2gcsms.ocpp;

import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Optional;

/**
 * The message catalogue of one OCPP version: every action, its payload types, validation against the
 * official JSON schema (with the OCPP-J error code each violation calls for), and the Gson binding
 * between payload JSON and the generated records. Thread-safe; build once per version and share.
 */
public interface OcppMessages {

    static OcppMessages of(OcppVersion version) {
        throw new IllegalStateException("OcppMessages implementation not generated yet"); // replaced by the catalogue
    }

    OcppVersion version();

    Collection<Action<?, ?>> actions();

    /** The action with this exact (case-sensitive) wire name. */
    Optional<Action<?, ?>> action(String name);

    /** The action whose request payload is of this type. */
    <Q> Action<Q, ?> actionOf(Class<Q> requestType);

    /** Checks a request payload against the action's schema; throws with the code OCPP-J prescribes. */
    void validateRequest(Action<?, ?> action, JsonObject payload) throws OcppError;

    /** Checks a response payload against the action's schema. */
    void validateResponse(Action<?, ?> action, JsonObject payload) throws OcppError;

    /** Binds an already validated payload to its record type. */
    <T> T decode(JsonObject payload, Class<T> type) throws OcppError;

    /** Writes a message record as a payload: optional fields left out, never null. */
    JsonObject encode(Object message);
}
