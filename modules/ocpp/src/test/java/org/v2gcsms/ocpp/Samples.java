package org.v2gcsms.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a message record from its schema, through the record's own constructor (not through Gson): FULL fills
 * every field (strings at their maximum length, arrays with two items where allowed, first enum value), MINIMAL only
 * the required ones (short strings, minimum-size arrays, last enum value). On the way it checks that each record
 * mirrors its schema: the same property names in the same order, and the Java type each schema type calls for.
 */
final class Samples {
    static final Instant TIME = Instant.parse("2024-05-06T07:08:09.123Z");

    enum Fill { FULL, MINIMAL }

    private final JsonObject definitions;
    private final Fill fill;

    private Samples(JsonObject schemaFile, Fill fill) {
        this.definitions = schemaFile.getAsJsonObject("definitions");
        this.fill = fill;
    }

    static Object build(Payload payload, Fill fill) {
        JsonObject schema = payload.officialSchema();
        return new Samples(schema, fill).object(schema, payload.type());
    }

    private Object object(JsonObject schema, Class<?> type) {
        if (type == CustomDataType.class) {
            JsonObject extra = new JsonObject();
            extra.addProperty("note", "vendor specific");
            extra.add("counts", new JsonArray());
            extra.getAsJsonArray("counts").add(3);
            return new CustomDataType("org.v2gcsms.sample", extra);
        }
        assertTrue(type.isRecord(), type + " should be a record");
        RecordComponent[] components = type.getRecordComponents();
        JsonObject properties = schema.getAsJsonObject("properties");
        assertEquals(List.copyOf(properties.keySet()), Arrays.stream(components).map(RecordComponent::getName).toList(),
                type.getSimpleName() + " has the schema's properties, in order");
        Set<String> required = new HashSet<>();
        if (schema.has("required")) {
            schema.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (fill == Fill.FULL || required.contains(c.getName())) {
                args[i] = value(properties.getAsJsonObject(c.getName()), c.getType(), c.getGenericType());
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + type.getSimpleName(), e);
        }
    }

    private Object value(JsonObject schema, Class<?> type, Type generic) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").getAsString().substring("#/definitions/".length());
            JsonObject def = definitions.getAsJsonObject(name);
            assertEquals(name, type.getSimpleName(), "a $ref becomes the definition's type");
            if (def.has("enum")) {
                assertTrue(type.isEnum(), name + " should be an enum");
                Object[] constants = type.getEnumConstants();
                return fill == Fill.FULL ? constants[0] : constants[constants.length - 1];
            }
            return object(def, type);
        }
        if (!schema.has("type")) {
            assertSame(JsonElement.class, type, "an untyped property holds any JSON");
            JsonObject data = new JsonObject();
            data.addProperty("meterId", "m-1");
            JsonArray values = new JsonArray();
            values.add(1);
            values.add(2.5);
            values.add(true);
            data.add("values", values);
            return data;
        }
        return switch (schema.get("type").getAsString()) {
            case "array" -> {
                assertSame(List.class, type);
                Class<?> item = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
                int min = schema.has("minItems") ? schema.get("minItems").getAsInt() : 0;
                int max = schema.has("maxItems") ? schema.get("maxItems").getAsInt() : Integer.MAX_VALUE;
                int n = fill == Fill.FULL ? Math.max(min, Math.min(2, max)) : min;
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(value(schema.getAsJsonObject("items"), item, item));
                }
                yield list;
            }
            case "string" -> {
                if (schema.has("format")) {
                    assertSame(Instant.class, type);
                    yield TIME;
                }
                assertSame(String.class, type);
                int max = schema.has("maxLength") ? schema.get("maxLength").getAsInt() : 40;
                yield text(fill == Fill.FULL ? max : Math.min(max, 8));
            }
            case "integer" -> {
                assertSame(Integer.class, type);
                yield (int) clamp(schema, 7);
            }
            case "number" -> {
                assertSame(Double.class, type);
                yield clamp(schema, 12.5);
            }
            case "boolean" -> {
                assertSame(Boolean.class, type);
                yield true;
            }
            default -> throw new AssertionError("unexpected schema type in " + schema);
        };
    }

    static String text(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + i % 26));
        }
        return s.toString();
    }

    private static double clamp(JsonObject schema, double wanted) {
        double v = wanted;
        if (schema.has("maximum")) {
            v = Math.min(v, schema.get("maximum").getAsDouble());
        }
        if (schema.has("minimum")) {
            v = Math.max(v, schema.get("minimum").getAsDouble());
        }
        return v;
    }
}
