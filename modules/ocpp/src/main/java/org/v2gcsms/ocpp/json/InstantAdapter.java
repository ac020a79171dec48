package org.v2gcsms.ocpp.json;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;

/** OCPP {@code date-time} fields as {@link Instant}: reads any RFC 3339 date-time, writes ISO-8601 UTC. */
final class InstantAdapter extends TypeAdapter<Instant> {

    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else {
            out.value(Rfc3339.format(value));
        }
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        Instant instant = Rfc3339.parseOrNull(in.nextString());
        if (instant == null) {
            throw new JsonParseException("not an RFC 3339 date-time at " + in.getPath());
        }
        return instant;
    }
}
