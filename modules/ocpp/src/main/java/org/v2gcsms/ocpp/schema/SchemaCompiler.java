package org.v2gcsms.ocpp.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one OCA payload schema (draft-06) into {@link Rule}s, once. Supports the subset the OCA files use:
 * local {@code $ref} to {@code definitions}, {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties} (false or absent), {@code enum}, {@code minLength}/{@code maxLength},
 * {@code minimum}/{@code maximum}, {@code items} (one schema), {@code minItems}/{@code maxItems} and
 * {@code format: date-time}. Annotations ({@code description}, {@code default}, {@code javaType}, {@code comment})
 * are skipped; any other keyword fails the compilation rather than being ignored.
 */
final class SchemaCompiler {
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "comment", "description", "javaType",
            "default", "definitions",
            // draft-06 applies additionalItems only when items is a list of schemas; the OCA files give one schema
            "additionalItems");
    private static final Set<String> CHECKED = Set.of("$ref", "type", "properties", "required",
            "additionalProperties", "enum", "minLength", "maxLength", "minimum", "maximum", "items", "minItems",
            "maxItems", "format");

    private final JsonObject definitions;
    private final Map<String, Rule> compiled = new HashMap<>();
    private final Set<String> compiling = new HashSet<>();

    private SchemaCompiler(JsonObject root) {
        this.definitions = root.has("definitions") ? root.getAsJsonObject("definitions") : new JsonObject();
    }

    static Rule.ObjectRule compile(JsonObject root) {
        if (!(new SchemaCompiler(root).node(root, null) instanceof Rule.ObjectRule rule)) {
            throw new IllegalArgumentException("A payload schema must describe an object");
        }
        return rule;
    }

    private Rule node(JsonObject schema, String definitionName) {
        for (String keyword : schema.keySet()) {
            if (!ANNOTATIONS.contains(keyword) && !CHECKED.contains(keyword)) {
                throw new IllegalArgumentException("Unsupported schema keyword " + keyword);
            }
        }
        if (schema.has("$ref")) {
            return reference(schema.get("$ref").getAsString()); // draft-06: siblings of $ref are ignored
        }
        if (!schema.has("type")) {
            if (schema.keySet().stream().anyMatch(CHECKED::contains)) {
                throw new IllegalArgumentException("Constraints without a type are not supported: " + schema.keySet());
            }
            return new Rule.AnyRule();
        }
        String type = schema.get("type").getAsString(); // a list of types would fail here, as it should
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> array(schema);
            case "string" -> string(schema, definitionName);
            case "integer" -> new Rule.IntegerRule(number(schema, "minimum", Double.NEGATIVE_INFINITY),
                    number(schema, "maximum", Double.POSITIVE_INFINITY));
            case "number" -> new Rule.NumberRule(number(schema, "minimum", Double.NEGATIVE_INFINITY),
                    number(schema, "maximum", Double.POSITIVE_INFINITY));
            case "boolean" -> new Rule.BooleanRule();
            default -> throw new IllegalArgumentException("Unsupported type " + type);
        };
    }

    private Rule reference(String ref) {
        if (!ref.startsWith("#/definitions/")) {
            throw new IllegalArgumentException("Only local definitions can be referenced: " + ref);
        }
        String name = ref.substring("#/definitions/".length());
        Rule known = compiled.get(name);
        if (known != null) {
            return known;
        }
        if (!definitions.has(name)) {
            throw new IllegalArgumentException("No definition " + name);
        }
        if (!compiling.add(name)) {
            throw new IllegalArgumentException("Recursive definition " + name + " is not supported");
        }
        Rule rule = node(definitions.getAsJsonObject(name), name);
        compiling.remove(name);
        compiled.put(name, rule);
        return rule;
    }

    private Rule object(JsonObject schema) {
        Map<String, Rule> properties = new HashMap<>();
        if (schema.has("properties")) {
            for (Map.Entry<String, JsonElement> p : schema.getAsJsonObject("properties").entrySet()) {
                properties.put(p.getKey(), node(p.getValue().getAsJsonObject(), null));
            }
        }
        Set<String> required = new LinkedHashSet<>();
        if (schema.has("required")) {
            schema.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
        }
        boolean closed = false;
        if (schema.has("additionalProperties")) {
            JsonElement additional = schema.get("additionalProperties");
            if (!additional.isJsonPrimitive() || !additional.getAsJsonPrimitive().isBoolean()) {
                throw new IllegalArgumentException("additionalProperties must be true or false");
            }
            closed = !additional.getAsBoolean();
        }
        return new Rule.ObjectRule(Map.copyOf(properties), required.toArray(String[]::new), closed);
    }

    private Rule array(JsonObject schema) {
        if (!schema.has("items") || !schema.get("items").isJsonObject()) {
            throw new IllegalArgumentException("An array needs one items schema");
        }
        Rule items = node(schema.getAsJsonObject("items"), null);
        return new Rule.ArrayRule(items, (int) number(schema, "minItems", 0),
                (int) number(schema, "maxItems", Integer.MAX_VALUE));
    }

    private Rule string(JsonObject schema, String definitionName) {
        Set<String> values = null;
        if (schema.has("enum")) {
            JsonArray e = schema.getAsJsonArray("enum");
            values = new HashSet<>();
            for (JsonElement v : e) {
                values.add(v.getAsString());
            }
            values = Set.copyOf(values);
        }
        boolean dateTime = false;
        if (schema.has("format")) {
            String format = schema.get("format").getAsString();
            if (!format.equals("date-time")) {
                throw new IllegalArgumentException("Unsupported format " + format);
            }
            dateTime = true;
        }
        return new Rule.StringRule((int) number(schema, "minLength", 0),
                (int) number(schema, "maxLength", Integer.MAX_VALUE), values,
                definitionName, dateTime);
    }

    private static double number(JsonObject schema, String keyword, double absent) {
        return schema.has(keyword) ? schema.get(keyword).getAsDouble() : absent;
    }
}
