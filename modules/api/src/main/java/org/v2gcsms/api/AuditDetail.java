package org.v2gcsms.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;

/** What a write's audit entry says about its body: the JSON with secrets masked, or a note that it was not JSON. */
final class AuditDetail {
    private static final int MAX = 4000;

    private AuditDetail() {
    }

    static String of(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        JsonObject json;
        try {
            json = ApiJson.object(body);
        } catch (ApiError e) {
            return "(" + body.length + " bytes, not a JSON object)";
        }
        String text = ApiJson.text(masked(json));
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }

    private static JsonElement masked(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                String name = m.getKey().toLowerCase(Locale.ROOT);
                boolean secret = name.contains("password") || name.contains("secret") || name.equals("key");
                out.add(m.getKey(), secret ? new com.google.gson.JsonPrimitive("***") : masked(m.getValue()));
            }
            return out;
        }
        if (e.isJsonArray()) {
            com.google.gson.JsonArray out = new com.google.gson.JsonArray();
            e.getAsJsonArray().forEach(x -> out.add(masked(x)));
            return out;
        }
        return e;
    }
}
