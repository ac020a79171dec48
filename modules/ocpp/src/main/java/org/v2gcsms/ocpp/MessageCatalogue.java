package org.v2gcsms.ocpp;

import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.v2gcsms.ocpp.json.PayloadJson;
import org.v2gcsms.ocpp.schema.PayloadSchema;
import org.v2gcsms.ocpp.v201.V201Actions;
import org.v2gcsms.ocpp.v21.V21Actions;

/**
 * {@link OcppMessages} over a generated action list. Each payload schema is compiled the first time a payload of
 * its type is validated, then kept.
 */
final class MessageCatalogue implements OcppMessages {
    private static final class V201 {
        static final MessageCatalogue INSTANCE = new MessageCatalogue(OcppVersion.V201, V201Actions.ALL);
    }

    private static final class V21 {
        static final MessageCatalogue INSTANCE = new MessageCatalogue(OcppVersion.V21, V21Actions.ALL);
    }

    private final OcppVersion version;
    private final List<Action<?, ?>> actions;
    private final Map<String, Action<?, ?>> byName = new HashMap<>();
    private final Map<Class<?>, Action<?, ?>> byRequestType = new HashMap<>();
    private final Map<Class<?>, PayloadSchema> schemas = new ConcurrentHashMap<>();
    private final String schemaFolder;

    private MessageCatalogue(OcppVersion version, List<Action<?, ?>> actions) {
        this.version = version;
        this.actions = actions;
        this.schemaFolder = "/org/v2gcsms/ocpp/schemas/" + version.name().toLowerCase(Locale.ROOT) + "/";
        for (Action<?, ?> a : actions) {
            byName.put(a.name(), a);
            byRequestType.put(a.requestType(), a);
        }
    }

    static MessageCatalogue of(OcppVersion version) {
        return switch (version) {
            case V201 -> V201.INSTANCE;
            case V21 -> V21.INSTANCE;
        };
    }

    @Override
    public OcppVersion version() {
        return version;
    }

    @Override
    public Collection<Action<?, ?>> actions() {
        return actions;
    }

    @Override
    public Optional<Action<?, ?>> action(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    @SuppressWarnings("unchecked") // the map pairs each request type with its own action
    public <Q> Action<Q, ?> actionOf(Class<Q> requestType) {
        Action<?, ?> action = byRequestType.get(requestType);
        if (action == null) {
            throw new IllegalArgumentException(requestType.getName() + " is not a " + version + " request type");
        }
        return (Action<Q, ?>) action;
    }

    @Override
    public Action<?, ?> callFromStation(String name) throws OcppError {
        Action<?, ?> action = known(name);
        if (!action.direction().stationMaySend() || action.isSendOnly()) {
            throw new OcppError(ErrorCode.NotSupported, notReceived(action, "CALL"));
        }
        return action;
    }

    @Override
    public Action<?, ?> sendFromStation(String name) throws OcppError {
        Action<?, ?> action = known(name);
        if (!action.direction().stationMaySend() || !action.isSendOnly()) {
            throw new OcppError(ErrorCode.NotSupported, notReceived(action, "SEND"));
        }
        return action;
    }

    @Override
    public void validateRequest(Action<?, ?> action, JsonObject payload) throws OcppError {
        schema(own(action).requestType()).validate(payload);
    }

    @Override
    public void validateResponse(Action<?, ?> action, JsonObject payload) throws OcppError {
        if (own(action).isSendOnly()) {
            throw new IllegalArgumentException(action.name() + " is SEND-only and has no response");
        }
        schema(action.responseType()).validate(payload);
    }

    @Override
    public <T> T decode(JsonObject payload, Class<T> type) throws OcppError {
        try {
            T message = PayloadJson.fromJson(payload, type);
            if (message == null) {
                throw new OcppError(ErrorCode.FormatViolation, "payload is missing");
            }
            return message;
        } catch (RuntimeException e) {
            // Only an unvalidated payload gets here (a validated one always binds): say what, not the input.
            throw new OcppError(ErrorCode.FormatViolation, "payload does not fit " + type.getSimpleName());
        }
    }

    @Override
    public JsonObject encode(Object message) {
        if (!(PayloadJson.toJson(message) instanceof JsonObject payload)) {
            throw new IllegalArgumentException(message.getClass().getName() + " is not a message record");
        }
        return payload;
    }

    private Action<?, ?> known(String name) throws OcppError {
        Action<?, ?> action = byName.get(name);
        if (action == null) {
            throw new OcppError(ErrorCode.NotImplemented, "unknown action"); // the name is input: not echoed
        }
        return action;
    }

    private static String notReceived(Action<?, ?> action, String as) {
        return action.name() + " is not accepted from a charging station as " + as;
    }

    private Action<?, ?> own(Action<?, ?> action) {
        if (action.version() != version) {
            throw new IllegalArgumentException(action.name() + " belongs to " + action.version() + ", not " + version);
        }
        return action;
    }

    private PayloadSchema schema(Class<?> payloadType) {
        return schemas.computeIfAbsent(payloadType,
                t -> PayloadSchema.load(schemaFolder + t.getSimpleName() + ".json"));
    }
}
