package org.v2gcsms.ocpp.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.v2gcsms.ocpp.CustomDataType;

/**
 * How one Java type of the generated messages is read from and written to a Gson tree. {@link #read} gets a value
 * that is present and not JSON null; {@link #write} a value that is not null. A value of the wrong JSON kind fails
 * with a {@link RuntimeException}, which the catalogue reports as a FormatViolation.
 */
sealed interface ValueBinding permits ValueBinding.Text, ValueBinding.WholeNumber, ValueBinding.Decimal,
        ValueBinding.Flag, ValueBinding.Time, ValueBinding.EnumValues, ValueBinding.ListOf, ValueBinding.CustomData,
        ValueBinding.AnyJson, RecordBinding {

    Object read(JsonElement json);

    JsonElement write(Object value);

    /** Absent and JSON null both read as null, as optional fields are absent rather than null on the wire. */
    default Object readOrNull(JsonElement json) {
        return json == null || json.isJsonNull() ? null : read(json);
    }

    /** A string field; a number or boolean reads as its text. */
    record Text() implements ValueBinding {
        @Override
        public Object read(JsonElement json) {
            return json.getAsJsonPrimitive().getAsString();
        }

        @Override
        public JsonElement write(Object value) {
            return new JsonPrimitive((String) value);
        }
    }

    /** An OCPP integer: 32 bits. */
    record WholeNumber() implements ValueBinding {
        @Override
        public Object read(JsonElement json) {
            return json.getAsJsonPrimitive().getAsInt();
        }

        @Override
        public JsonElement write(Object value) {
            return new JsonPrimitive((Integer) value);
        }
    }

    /** An OCPP decimal; JSON has no NaN or infinity, so neither is read nor written. */
    record Decimal() implements ValueBinding {
        @Override
        public Object read(JsonElement json) {
            return finite(json.getAsJsonPrimitive().getAsDouble());
        }

        @Override
        public JsonElement write(Object value) {
            return new JsonPrimitive(finite((Double) value));
        }

        private static double finite(double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON forbids NaN and infinities: " + d);
            }
            return d;
        }
    }

    /** A boolean; the strings "true" and "false" read too, a number does not. */
    record Flag() implements ValueBinding {
        @Override
        public Object read(JsonElement json) {
            JsonPrimitive p = json.getAsJsonPrimitive();
            if (p.isNumber()) {
                throw new IllegalStateException("expected a boolean, got a number");
            }
            return p.getAsBoolean();
        }

        @Override
        public JsonElement write(Object value) {
            return new JsonPrimitive((Boolean) value);
        }
    }

    /** A {@code date-time}: any RFC 3339 form in, ISO-8601 UTC out. */
    record Time() implements ValueBinding {
        @Override
        public Object read(JsonElement json) {
            Instant instant = Rfc3339.parseOrNull(json.getAsJsonPrimitive().getAsString());
            if (instant == null) {
                throw new JsonParseException("not an RFC 3339 date-time");
            }
            return instant;
        }

        @Override
        public JsonElement write(Object value) {
            return new JsonPrimitive(Rfc3339.format((Instant) value));
        }
    }

    /**
     * A generated enum, by the wire value in each constant's {@code @SerializedName}. An unknown value reads as null
     * (an optional field is then dropped, a required one refused by the record), so that a message carried over to
     * the other OCPP version loses the values that version lacks; the Java constant name reads as a last resort.
     */
    record EnumValues(Map<String, Object> byWireValue, JsonPrimitive[] wireByOrdinal) implements ValueBinding {

        static EnumValues of(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            Map<String, Object> byWireValue = new HashMap<>();
            JsonPrimitive[] wire = new JsonPrimitive[constants.length];
            for (Object constant : constants) {
                Enum<?> e = (Enum<?>) constant;
                byWireValue.putIfAbsent(e.name(), e);
            }
            for (Object constant : constants) {
                Enum<?> e = (Enum<?>) constant;
                String value = wireValue(type, e);
                byWireValue.put(value, e);
                wire[e.ordinal()] = new JsonPrimitive(value);
            }
            return new EnumValues(Map.copyOf(byWireValue), wire);
        }

        private static String wireValue(Class<?> type, Enum<?> constant) {
            try {
                SerializedName name = type.getField(constant.name()).getAnnotation(SerializedName.class);
                return name == null ? constant.name() : name.value();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e); // every constant is a public field of its enum
            }
        }

        @Override
        public Object read(JsonElement json) {
            return byWireValue.get(json.getAsJsonPrimitive().getAsString());
        }

        @Override
        public JsonElement write(Object value) {
            return wireByOrdinal[((Enum<?>) value).ordinal()]; // JsonPrimitive is immutable: safe to share
        }
    }

    /** A JSON array of one item type, read into an immutable list. */
    record ListOf(ValueBinding item) implements ValueBinding {
        @Override
        public Object read(JsonElement json) {
            JsonArray array = json.getAsJsonArray();
            Object[] items = new Object[array.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = item.readOrNull(array.get(i));
            }
            return List.of(items); // a null item (JSON null) is refused here, as the record would refuse it
        }

        @Override
        public JsonElement write(Object value) {
            List<?> list = (List<?>) value;
            JsonArray array = new JsonArray(list.size());
            for (Object o : list) {
                array.add(o == null ? JsonNull.INSTANCE : item.write(o));
            }
            return array;
        }
    }

    /** {@code customData}: {@code vendorId} and the vendor's properties side by side in one object. */
    record CustomData() implements ValueBinding {
        @Override
        public Object read(JsonElement json) {
            JsonObject o = json.getAsJsonObject();
            if (!(o.get("vendorId") instanceof JsonPrimitive vendorId)) {
                throw new JsonParseException("customData must be an object with a vendorId");
            }
            return new CustomDataType(vendorId.getAsString(), o); // copies the properties
        }

        @Override
        public JsonElement write(Object value) {
            CustomDataType data = (CustomDataType) value;
            JsonObject o = new JsonObject();
            o.addProperty("vendorId", data.vendorId());
            for (Map.Entry<String, JsonElement> e : data.properties().entrySet()) { // properties() is a copy
                o.add(e.getKey(), e.getValue());
            }
            return o;
        }
    }

    /**
     * A field without a type in the schema (DataTransfer's {@code data}): any JSON, copied both ways so the record
     * and the payload never share a mutable tree. JSON null reads as {@link JsonNull} and is left out when written.
     */
    record AnyJson() implements ValueBinding {
        @Override
        public Object readOrNull(JsonElement json) {
            return json == null ? null : json.deepCopy();
        }

        @Override
        public Object read(JsonElement json) {
            return json.deepCopy();
        }

        @Override
        public JsonElement write(Object value) {
            return ((JsonElement) value).deepCopy();
        }
    }
}
