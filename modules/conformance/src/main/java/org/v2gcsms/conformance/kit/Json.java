package org.v2gcsms.conformance.kit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** Plain JSON for scripted messages: built by hand, never through the CSMS's generated types. */
public final class Json {
    private Json() {}

    /** An object from key, value pairs; values may be strings, numbers, booleans or JSON elements. */
    public static JsonObject obj(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.add((String) keyValues[i], element(keyValues[i + 1]));
        }
        return o;
    }

    public static JsonArray arr(Object... values) {
        JsonArray a = new JsonArray();
        for (Object v : values) {
            a.add(element(v));
        }
        return a;
    }

    public static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static JsonElement element(Object v) {
        return switch (v) {
            case null -> JsonNull.INSTANCE;
            case JsonElement e -> e;
            case String s -> new JsonPrimitive(s);
            case Number n -> new JsonPrimitive(n);
            case Boolean b -> new JsonPrimitive(b);
            default -> throw new IllegalArgumentException("not a JSON value: " + v);
        };
    }

    /** The element at a dotted path ({@code idTokenInfo.status}, {@code evse.id}, {@code list.0.id}), or null. */
    public static JsonElement at(JsonElement root, String path) {
        JsonElement e = root;
        for (String part : path.split("\\.")) {
            if (e == null || e.isJsonNull()) {
                return null;
            }
            if (e.isJsonArray()) {
                int i = Integer.parseInt(part);
                e = i < e.getAsJsonArray().size() ? e.getAsJsonArray().get(i) : null;
            } else if (e.isJsonObject()) {
                e = e.getAsJsonObject().get(part);
            } else {
                return null;
            }
        }
        return e;
    }

    /** The string at a path, or null when absent. */
    public static String str(JsonElement root, String path) {
        JsonElement e = at(root, path);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** The integer at a path, or null when absent. */
    public static Integer integer(JsonElement root, String path) {
        JsonElement e = at(root, path);
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }

    public static boolean has(JsonElement root, String path) {
        JsonElement e = at(root, path);
        return e != null && !e.isJsonNull();
    }
}
