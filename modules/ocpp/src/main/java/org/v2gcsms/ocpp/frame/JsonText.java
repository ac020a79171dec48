package org.v2gcsms.ocpp.frame;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Writes a Gson tree as compact JSON text, character for character as {@link JsonElement#toString()} does, straight
 * into one {@link StringBuilder}: every frame sent goes through here, and Gson's {@code JsonWriter} pays for
 * indentation, name deferral and a {@code Writer} adapter that a compact frame does not need.
 */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final boolean[] ESCAPED_ASCII = new boolean[128];

    static {
        for (char c = 0; c < ' '; c++) {
            ESCAPED_ASCII[c] = true;
        }
        ESCAPED_ASCII['"'] = true;
        ESCAPED_ASCII['\\'] = true;
    }

    private JsonText() {
    }

    static void append(StringBuilder out, JsonElement json) {
        switch (json) {
            case JsonObject object -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendString(out, member.getKey());
                    out.append(':');
                    append(out, member.getValue());
                }
                out.append('}');
            }
            case JsonArray array -> {
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, array.get(i));
                }
                out.append(']');
            }
            case JsonPrimitive p when p.isString() -> appendString(out, p.getAsString());
            case JsonPrimitive p when p.isNumber() -> out.append(p.getAsNumber().toString());
            case JsonPrimitive p -> out.append(p.getAsBoolean());
            default -> out.append("null"); // JsonNull
        }
    }

    /**
     * A JSON string with the escapes Gson writes: quote, backslash and the control characters, plus U+2028 and
     * U+2029, which JavaScript reads as line ends. Runs of plain characters are copied in one go.
     */
    static void appendString(StringBuilder out, String s) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 ? !ESCAPED_ASCII[c] : c != '\u2028' && c != '\u2029') {
                continue;
            }
            out.append(s, plainFrom, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                        .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
            }
            plainFrom = i + 1;
        }
        out.append(s, plainFrom, s.length()).append('"');
    }
}
