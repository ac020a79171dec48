package org.v2gcsms.ocpp.codegen;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One property of a schema object as a record component: its Java type, whether required, its description. */
record Component(String name, String type, boolean required, boolean list, String description) {

    static final String CUSTOM_DATA = "CustomDataType";

    /** The components of an object schema, in the schema's property order. */
    static List<Component> of(JsonObject objectSchema) {
        Set<String> required = new HashSet<>();
        if (objectSchema.has("required")) {
            objectSchema.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
        }
        List<Component> components = new ArrayList<>();
        for (var p : objectSchema.getAsJsonObject("properties").entrySet()) {
            JsonObject property = p.getValue().getAsJsonObject();
            boolean list = "array".equals(string(property, "type"));
            String type = list ? "List<" + javaType(property.getAsJsonObject("items")) + ">" : javaType(property);
            components.add(new Component(p.getKey(), type, required.contains(p.getKey()), list,
                    Javadoc.text(string(property, "description"))));
        }
        if (!objectSchema.getAsJsonObject("properties").keySet().containsAll(required)) {
            throw new IllegalStateException("required names a property that does not exist: " + required);
        }
        return components;
    }

    /** The Java type of a non-array property schema. */
    static String javaType(JsonObject schema) {
        String ref = string(schema, "$ref");
        if (ref != null) {
            if (!ref.startsWith("#/definitions/")) {
                throw new IllegalStateException("Unsupported $ref " + ref);
            }
            return ref.substring("#/definitions/".length());
        }
        String type = string(schema, "type");
        if (type == null) {
            return "JsonElement"; // DataTransfer.data: any JSON value, format agreed between the parties
        }
        return switch (type) {
            case "string" -> "date-time".equals(string(schema, "format")) ? "Instant" : "String";
            case "integer" -> "Integer";
            case "number" -> "Double";
            case "boolean" -> "Boolean";
            default -> throw new IllegalStateException("Unsupported property schema " + schema);
        };
    }

    static String string(JsonObject o, String member) {
        return o.has(member) ? o.get(member).getAsString() : null;
    }
}
