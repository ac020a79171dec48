package org.v2gcsms.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.v2gcsms.ocpp.json.InstantText;

/** The API's JSON: records and OCPP enums (by their wire values) out, strict JSON objects in. */
public final class ApiJson {
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantText())
            // java.time is closed to reflection: durations go out as ISO-8601 (PT40M)
            .registerTypeAdapter(java.time.Duration.class, new TypeAdapter<java.time.Duration>() {
                @Override
                public void write(JsonWriter out, java.time.Duration value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(value.toString());
                    }
                }

                @Override
                public java.time.Duration read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                        return null;
                    }
                    return java.time.Duration.parse(in.nextString());
                }
            })
            .disableHtmlEscaping()
            .create();

    private static final Gson STRICT_PARSER = new GsonBuilder().setStrictness(Strictness.STRICT).create();

    private ApiJson() {
    }

    public static JsonElement tree(Object value) {
        return value instanceof JsonElement e ? e : GSON.toJsonTree(value);
    }

    public static String text(Object value) {
        return GSON.toJson(tree(value));
    }

    /** A request body as a JSON object; 400 naming {@code body} when it is not one. */
    public static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw ApiError.badInput("body", "a JSON object body is required");
        }
        JsonReader reader = new JsonReader(new StringReader(new String(body, StandardCharsets.UTF_8)));
        try {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = STRICT_PARSER.fromJson(reader, JsonElement.class);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiError.badInput("body", "unexpected content after the JSON object");
            }
            if (element == null || !element.isJsonObject()) {
                throw ApiError.badInput("body", "the body must be a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException | NumberFormatException e) {
            throw ApiError.badInput("body", "the body is not valid JSON" + where(reader));
        }
    }

    /** Where the reader stopped, as a field path ({@code targetSoc}, {@code a.b[2]}), for the error message. */
    private static String where(JsonReader reader) {
        String path = reader.getPath().replaceFirst("^\\$\\.?", "");
        if (path.isEmpty()) {
            return "";
        }
        return " (at " + (path.length() > 100 ? path.substring(0, 100) + "..." : path) + ")";
    }
}
