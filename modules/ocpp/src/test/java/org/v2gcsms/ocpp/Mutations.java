package org.v2gcsms.ocpp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A corpus of invalid (and a few valid) payloads made from a valid one by changing one thing at one place: every
 * required field dropped, every value replaced by the wrong JSON type or null, every bounded string made one
 * character too long, every enum given an unknown value, every date-time broken, every bounded number pushed past
 * its bound, fractions where integers belong, arrays emptied or overfilled, an unknown property added to every object.
 */
final class Mutations {
    static final String EXTRA = "unexpectedExtra";

    /** One changed payload; {@code expected} is null when it is still valid. */
    record Mutation(String kind, String path, JsonObject payload, ErrorCode expected, String secret) {
        @Override
        public String toString() {
            return kind + " at " + path;
        }
    }

    private final JsonObject original;
    private final JsonObject definitions;
    private final List<Mutation> out = new ArrayList<>();

    private Mutations(JsonObject original, JsonObject schemaFile) {
        this.original = original;
        this.definitions = schemaFile.getAsJsonObject("definitions");
    }

    static List<Mutation> of(JsonObject valid, JsonObject schemaFile) {
        Mutations m = new Mutations(valid, schemaFile);
        m.walk(schemaFile, valid, List.of());
        return m.out;
    }

    private JsonObject resolve(JsonObject schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        return definitions.getAsJsonObject(schema.get("$ref").getAsString().substring("#/definitions/".length()));
    }

    private void walk(JsonObject schemaRef, JsonElement value, List<Object> at) {
        JsonObject schema = resolve(schemaRef);
        String type = schema.has("type") ? schema.get("type").getAsString() : "any";
        switch (type) {
            case "object" -> object(schema, value.getAsJsonObject(), at);
            case "array" -> array(schema, value.getAsJsonArray(), at);
            case "string" -> string(schema, at);
            case "integer" -> {
                add("fraction for integer", at, ErrorCode.TypeConstraintViolation, new JsonPrimitive(7.5), null);
                add("integral float for integer", at, null, new JsonPrimitive(value.getAsDouble()), null);
                bounds(schema, at, 1);
            }
            case "number" -> bounds(schema, at, 0.5);
            default -> {
            }
        }
    }

    private void object(JsonObject schema, JsonObject value, List<Object> at) {
        boolean closed = schema.has("additionalProperties") && !schema.get("additionalProperties").getAsBoolean();
        change(closed ? "extra property" : "extra property in customData", append(at, EXTRA),
                closed ? ErrorCode.FormatViolation : null, null, target -> target.getAsJsonObject().addProperty(EXTRA, 1));
        if (schema.has("required")) {
            for (JsonElement r : schema.getAsJsonArray("required")) {
                String name = r.getAsString();
                change("drop required", append(at, name), ErrorCode.OccurrenceConstraintViolation, null,
                        target -> target.getAsJsonObject().remove(name));
            }
        }
        JsonObject properties = schema.getAsJsonObject("properties");
        for (Map.Entry<String, JsonElement> member : value.entrySet()) {
            JsonObject property = properties.getAsJsonObject(member.getKey());
            if (property == null) {
                continue; // a vendor property inside customData: anything goes
            }
            List<Object> here = append(at, member.getKey());
            wrongTypes(resolve(property), here);
            walk(property, member.getValue(), here);
        }
    }

    private void array(JsonObject schema, JsonArray value, List<Object> at) {
        if (schema.has("minItems") && schema.get("minItems").getAsInt() > 0) {
            add("too few items", at, ErrorCode.OccurrenceConstraintViolation, new JsonArray(), null);
        }
        if (schema.has("maxItems")) {
            JsonArray tooMany = new JsonArray();
            for (int i = 0; i <= schema.get("maxItems").getAsInt(); i++) {
                tooMany.add(value.get(0).deepCopy());
            }
            add("too many items", at, ErrorCode.OccurrenceConstraintViolation, tooMany, null);
        }
        List<Object> first = append(at, 0);
        JsonObject items = schema.getAsJsonObject("items");
        wrongTypes(resolve(items), first);
        walk(items, value.get(0), first);
    }

    private void string(JsonObject schema, List<Object> at) {
        if (schema.has("maxLength")) {
            String tooLong = Samples.text(schema.get("maxLength").getAsInt() + 1);
            add("too long", at, ErrorCode.PropertyConstraintViolation, new JsonPrimitive(tooLong), tooLong);
        }
        if (schema.has("enum")) {
            add("bad enum value", at, ErrorCode.PropertyConstraintViolation, new JsonPrimitive("NotAValue"), "NotAValue");
        }
        if (schema.has("format")) {
            add("bad date-time", at, ErrorCode.PropertyConstraintViolation, new JsonPrimitive("2024-02-30T10:00:00Z"),
                    "2024-02-30");
            add("date-time without seconds", at, ErrorCode.PropertyConstraintViolation,
                    new JsonPrimitive("2024-02-03T10:00Z"), "2024-02-03");
            add("date-time with an offset", at, null, new JsonPrimitive("2024-02-03T10:00:00.5-05:30"), null);
        }
    }

    private void bounds(JsonObject schema, List<Object> at, double step) {
        if (schema.has("minimum")) {
            add("below minimum", at, ErrorCode.PropertyConstraintViolation,
                    number(schema.get("minimum").getAsDouble() - step), null);
        }
        if (schema.has("maximum")) {
            add("above maximum", at, ErrorCode.PropertyConstraintViolation,
                    number(schema.get("maximum").getAsDouble() + step), null);
        }
    }

    private static JsonPrimitive number(double d) {
        return d == Math.rint(d) ? new JsonPrimitive((long) d) : new JsonPrimitive(d);
    }

    private void wrongTypes(JsonObject schema, List<Object> at) {
        if (!schema.has("type")) {
            return; // any JSON is fine
        }
        JsonElement wrong = switch (schema.get("type").getAsString()) {
            case "string" -> new JsonPrimitive(12);
            case "integer", "number" -> new JsonPrimitive("12");
            case "boolean" -> new JsonPrimitive("true");
            case "object" -> new JsonPrimitive("x");
            case "array" -> new JsonObject();
            default -> throw new AssertionError(schema);
        };
        add("wrong type", at, ErrorCode.TypeConstraintViolation, wrong, null);
        add("null value", at, ErrorCode.TypeConstraintViolation, JsonNull.INSTANCE, null);
    }

    private void add(String kind, List<Object> at, ErrorCode expected, JsonElement replacement, String secret) {
        Object last = at.get(at.size() - 1);
        change(kind, at, expected, secret, parent -> {
            if (last instanceof Integer i) {
                parent.getAsJsonArray().set(i, replacement);
            } else {
                parent.getAsJsonObject().add((String) last, replacement);
            }
        });
    }

    /** Applies the edit to the parent of {@code at} in a copy; for object-level edits {@code at} ends in a child name. */
    private void change(String kind, List<Object> at, ErrorCode expected, String secret,
                        java.util.function.Consumer<JsonElement> edit) {
        JsonObject copy = original.deepCopy();
        JsonElement parent = copy;
        for (Object step : at.subList(0, at.size() - 1)) {
            parent = step instanceof Integer i ? parent.getAsJsonArray().get(i) : parent.getAsJsonObject().get((String) step);
        }
        edit.accept(parent);
        out.add(new Mutation(kind, path(at), copy, expected, secret));
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> longer = new ArrayList<>(at);
        longer.add(step);
        return longer;
    }

    /** The path as our descriptions write it: "meterValue[0].sampledValue". */
    static String path(List<Object> at) {
        StringBuilder s = new StringBuilder();
        for (Object step : at) {
            if (step instanceof Integer i) {
                s.append('[').append(i).append(']');
            } else {
                s.append(s.isEmpty() ? "" : ".").append(step);
            }
        }
        return s.toString();
    }
}
