package org.v2gcsms.ocpp.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one JSON value (RFC 8259, nothing before or after it) into a Gson tree, accepting and refusing exactly what
 * Gson's {@code JsonReader} in {@code Strictness.STRICT} does, with its default nesting limit of 255; the tree is the
 * one Gson would build (members in order, a repeated name keeps its first position and its last value, numbers keep
 * their text, whole numbers within 32 bits are held as {@code Integer}s). Jackson's streaming parser does the reading,
 * strict by default: it tokenises a frame about a third faster than Gson's reader and allocates a third less, the
 * Gson tree costing the same either way. {@code StrictJsonAgreementTest} holds the two readers to the same answers.
 * Thread-safe.
 */
public final class StrictJson {
    /** Gson's {@code JsonReader} default: arrays and objects nested deeper than this are refused. */
    static final int NESTING_LIMIT = 255;
    /** Gson's {@code JsonReader} reads a number within its 1024-character buffer: a longer one is refused. */
    static final int MAX_NUMBER_LENGTH = 1023;

    // Every Jackson leniency (comments, single quotes, NaN, leading zeros, ...) is off by default. Gson has no limit
    // on the length of strings and names, so neither has this reader; nesting and number length are checked here,
    // with Gson's limits.
    private static final JsonFactory JACKSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private StrictJson() {
    }

    /** The JSON value {@code text} holds, or {@link MalformedJson} if it is not exactly one JSON value. */
    public static JsonElement parse(String text) throws MalformedJson {
        // Gson skips a byte order mark at the very start; Jackson would refuse it when reading from a String.
        int start = !text.isEmpty() && text.charAt(0) == '\ufeff' ? 1 : 0;
        try (JsonParser parser = JACKSON.createParser(ObjectReadContext.empty(), text.substring(start))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJson("no JSON value");
            }
            JsonElement root = value(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new MalformedJson("data after the JSON value");
            }
            return root;
        } catch (JacksonException e) {
            throw new MalformedJson(e.getOriginalMessage());
        }
    }

    private static JsonElement value(JsonParser parser, JsonToken token, int depth) throws MalformedJson {
        return switch (token) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> array(parser, depth + 1);
            case VALUE_STRING -> new JsonPrimitive(paired(parser.getString()));
            case VALUE_NUMBER_INT -> wholeNumber(checkLength(parser));
            case VALUE_NUMBER_FLOAT -> new JsonPrimitive(new LazilyParsedNumber(checkLength(parser).getString()));
            case VALUE_TRUE -> new JsonPrimitive(true);
            case VALUE_FALSE -> new JsonPrimitive(false);
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> throw new MalformedJson("unexpected " + token);
        };
    }

    private static JsonObject object(JsonParser parser, int depth) throws MalformedJson {
        checkDepth(depth);
        JsonObject object = new JsonObject();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            object.add(paired(name), value(parser, next(parser), depth));
        }
        return object;
    }

    private static JsonArray array(JsonParser parser, int depth) throws MalformedJson {
        checkDepth(depth);
        JsonArray array = new JsonArray();
        for (JsonToken t = next(parser); t != JsonToken.END_ARRAY; t = next(parser)) {
            array.add(value(parser, t, depth));
        }
        return array;
    }

    /**
     * A whole number that fits 32 bits is held as an {@code Integer}, read once here instead of from its text by the
     * validator and again by the binding; its text is the same ({@code -0} excepted, which keeps its text).
     */
    private static JsonPrimitive wholeNumber(JsonParser parser) {
        if (parser.getNumberType() == JsonParser.NumberType.INT) {
            int n = parser.getIntValue();
            if (n != 0 || parser.getStringLength() == 1) {
                return new JsonPrimitive(n);
            }
        }
        return new JsonPrimitive(new LazilyParsedNumber(parser.getString()));
    }

    private static JsonToken next(JsonParser parser) throws MalformedJson {
        JsonToken token = parser.nextToken();
        if (token == null) { // Jackson reports the end inside a value itself; this is only a safeguard
            throw new MalformedJson("end of input inside a value");
        }
        return token;
    }

    /** Gson's strict reader refuses a string or name with a lone UTF-16 surrogate, written raw or escaped. */
    private static String paired(String s) throws MalformedJson {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new MalformedJson("unpaired surrogate character");
                }
                i++;
            }
        }
        return s;
    }

    private static JsonParser checkLength(JsonParser parser) throws MalformedJson {
        if (parser.getStringLength() > MAX_NUMBER_LENGTH) {
            throw new MalformedJson("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        return parser;
    }

    private static void checkDepth(int depth) throws MalformedJson {
        if (depth > NESTING_LIMIT) {
            throw new MalformedJson("nesting limit " + NESTING_LIMIT + " reached");
        }
    }

    /** The text is not one strict JSON value. */
    public static final class MalformedJson extends Exception {
        MalformedJson(String message) {
            super(message, null, false, false); // refused input is routine: no stack trace to fill
        }
    }
}
