package org.v2gcsms.ocpp;

import com.google.gson.JsonObject;
import java.util.stream.Stream;

/** One payload type of one version, as a test parameter named like the schema file: "V21 BootNotificationRequest". */
record Payload(OcppVersion version, Action<?, ?> action, Class<?> type) {

    static Stream<Payload> all() {
        return Stream.of(OcppVersion.values()).flatMap(v -> OcppMessages.of(v).actions().stream().flatMap(a ->
                a.isSendOnly() ? Stream.of(new Payload(v, a, a.requestType()))
                        : Stream.of(new Payload(v, a, a.requestType()), new Payload(v, a, a.responseType()))));
    }

    String name() {
        return type.getSimpleName();
    }

    boolean isRequest() {
        return type == action.requestType();
    }

    OcppMessages messages() {
        return OcppMessages.of(version);
    }

    /** Our validator, for requests or responses as fits. */
    void validate(JsonObject payload) throws OcppError {
        if (isRequest()) {
            messages().validateRequest(action, payload);
        } else {
            messages().validateResponse(action, payload);
        }
    }

    JsonObject officialSchema() {
        return OfficialSchemas.read(version, name());
    }

    @Override
    public String toString() {
        return version + " " + name();
    }
}
