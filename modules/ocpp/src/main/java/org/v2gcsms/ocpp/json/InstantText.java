package org.v2gcsms.ocpp.json;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;

/**
 * A Gson adapter for {@link Instant} as ISO-8601 text ({@link Instant#toString()} out, {@link Instant#parse} in),
 * for JSON that is ours rather than OCPP's: the back-office API and what the store keeps as JSON. OCPP payloads
 * go through {@link Rfc3339} instead, which reads every RFC 3339 form a station may send.
 */
public final class InstantText extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else {
            out.value(value.toString());
        }
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return Instant.parse(in.nextString());
    }
}
