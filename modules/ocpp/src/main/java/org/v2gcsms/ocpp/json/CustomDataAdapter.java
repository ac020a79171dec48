package org.v2gcsms.ocpp.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Map;
import org.v2gcsms.ocpp.CustomDataType;

/** {@code customData} as written on the wire: {@code vendorId} and the vendor's properties side by side. */
final class CustomDataAdapter extends TypeAdapter<CustomDataType> {

    @Override
    public void write(JsonWriter out, CustomDataType value) throws IOException {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        out.name("vendorId").value(value.vendorId());
        for (Map.Entry<String, JsonElement> e : value.properties().entrySet()) {
            out.name(e.getKey());
            Streams.write(e.getValue(), out);
        }
        out.endObject();
    }

    @Override
    public CustomDataType read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        JsonElement tree = Streams.parse(in);
        if (!(tree instanceof JsonObject o) || !(o.get("vendorId") instanceof JsonElement v) || !v.isJsonPrimitive()) {
            throw new JsonParseException("customData must be an object with a vendorId");
        }
        return new CustomDataType(v.getAsString(), o);
    }
}
