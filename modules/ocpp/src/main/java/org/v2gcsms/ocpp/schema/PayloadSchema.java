package org.v2gcsms.ocpp.schema;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;

/**
 * One payload's JSON schema, compiled once into checks over Gson's tree; {@link #validate} interprets no schema.
 * Thread-safe and immutable.
 *
 * <p>Error codes: a missing required field or an array outside its minItems/maxItems (OCPP's cardinality) is an
 * {@link ErrorCode#OccurrenceConstraintViolation}; a value of the wrong JSON type, including {@code null} and a
 * number with a fraction where an integer belongs, a {@link ErrorCode#TypeConstraintViolation}; a string too long or
 * short, a value outside the enum, a number outside minimum/maximum or the 32-bit integer range, or a malformed
 * date-time a {@link ErrorCode#PropertyConstraintViolation}; a property the schema does not allow
 * (additionalProperties false) a {@link ErrorCode#FormatViolation}, because it is the payload's shape, not a field's
 * value, that is wrong. The description names the path ({@code chargingStation.model: required}) and never repeats
 * the offending value.
 */
public final class PayloadSchema {
    private final String name;
    private final Rule.ObjectRule root;

    private PayloadSchema(String name, Rule.ObjectRule root) {
        this.name = name;
        this.root = root;
    }

    public static PayloadSchema compile(String name, JsonObject schema) {
        return new PayloadSchema(name, SchemaCompiler.compile(schema));
    }

    /** Reads and compiles a schema file from the class path; a missing or broken file is a build error. */
    public static PayloadSchema load(String resource) {
        try (InputStream in = PayloadSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Schema " + resource + " is not on the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                String file = resource.substring(resource.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
                return compile(file, JsonParser.parseReader(reader).getAsJsonObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's name, e.g. {@code BootNotificationRequest}. */
    public String name() {
        return name;
    }

    public void validate(JsonObject payload) throws OcppError {
        if (payload == null) {
            throw new OcppError(ErrorCode.FormatViolation, "payload must be a JSON object");
        }
        try {
            root.check(payload);
        } catch (Violation v) {
            throw v.toOcppError();
        }
    }
}
