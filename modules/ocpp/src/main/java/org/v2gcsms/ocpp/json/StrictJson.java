package org.v2gcsms.ocpp.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;

/**
 * Reads one JSON value (RFC 8259, nothing before or after it but whitespace) into a Gson tree, accepting and
 * refusing exactly what Gson's {@code JsonReader} in {@code Strictness.STRICT} does, with its default nesting limit
 * of 255; the tree is the one Gson would build (members in order, a repeated name keeps its first position and its
 * last value, numbers keep their text, whole numbers within 32 bits are held as {@code Integer}s).
 *
 * <p>A recursive-descent reader over the frame's text: every frame passes through here, and reading straight from
 * the {@code String} (names and unescaped strings are substrings) costs about half of what a general streaming
 * parser feeding the same tree did (Jackson's, before; Gson's, before that). {@code StrictJsonAgreementTest} holds
 * it to Gson's answers on every payload type, hand-picked malformed input, truncations and 20,000 mutations.
 * Thread-safe: each call has its own cursor.
 */
public final class StrictJson {
    /** Gson's {@code JsonReader} default: arrays and objects nested deeper than this are refused. */
    static final int NESTING_LIMIT = 255;
    /** Gson's {@code JsonReader} reads a number within its 1024-character buffer: a longer one is refused. */
    static final int MAX_NUMBER_LENGTH = 1023;

    /**
     * Recently read member names by hash. Shared by all threads without a lock: a slot holds a whole string or
     * another one (strings are immutable, so a racing write never shows a torn one), and a miss only costs a new
     * string. Fixed size, so names a hostile peer makes up cannot grow it.
     */
    private static final String[] NAMES = new String[1024];

    private final String text;
    private int pos;

    private StrictJson(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** The JSON value {@code text} holds, or {@link MalformedJson} if it is not exactly one JSON value. */
    public static JsonElement parse(String text) throws MalformedJson {
        // Gson skips a byte order mark at the very start, and only there.
        StrictJson reader = new StrictJson(text, !text.isEmpty() && text.charAt(0) == '\ufeff' ? 1 : 0);
        if (reader.skipWhitespace() < 0) {
            throw new MalformedJson("no JSON value");
        }
        JsonElement root = reader.value(0);
        if (reader.skipWhitespace() >= 0) {
            throw reader.malformed("data after the JSON value");
        }
        return root;
    }

    /** The next character that is not whitespace, not consumed; -1 at the end of the text. */
    private int skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    private JsonElement value(int depth) throws MalformedJson {
        int c = skipWhitespace();
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new JsonPrimitive(string());
            case 't' -> literal("true", new JsonPrimitive(true));
            case 'f' -> literal("false", new JsonPrimitive(false));
            case 'n' -> literal("null", JsonNull.INSTANCE);
            case -1 -> throw malformed("end of input inside a value");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw malformed("unexpected character");
            }
        };
    }

    private JsonObject object(int depth) throws MalformedJson {
        checkDepth(depth);
        pos++; // '{'
        JsonObject object = new JsonObject();
        if (skipWhitespace() == '}') {
            pos++;
            return object;
        }
        do {
            if (skipWhitespace() != '"') {
                throw malformed("expected a member name");
            }
            String name = name();
            if (skipWhitespace() != ':') {
                throw malformed("expected ':'");
            }
            pos++;
            object.add(name, value(depth));
        } while (another('}'));
        return object;
    }

    private JsonArray array(int depth) throws MalformedJson {
        checkDepth(depth);
        pos++; // '['
        JsonArray array = new JsonArray();
        if (skipWhitespace() == ']') {
            pos++;
            return array;
        }
        do {
            array.add(value(depth));
        } while (another(']'));
        return array;
    }

    /** After a member or element: true on a ',' (another follows), false on the closing character. */
    private boolean another(char close) throws MalformedJson {
        int c = skipWhitespace();
        pos++;
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw malformed("expected ',' or '" + close + "'");
        }
        return true;
    }

    /**
     * A member name, the cursor on its opening quote. The names of OCPP payloads are few and repeat in every frame,
     * so a plain one is taken from {@link #NAMES} when it is there: no new string for each.
     */
    private String name() throws MalformedJson {
        int start = pos + 1;
        int hash = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int length = i - start;
                int slot = (hash ^ hash >>> 16) & (NAMES.length - 1);
                String known = NAMES[slot];
                if (known != null && known.length() == length && text.regionMatches(start, known, 0, length)) {
                    pos = i + 1;
                    return known;
                }
                String name = string();
                NAMES[slot] = name;
                return name;
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                break; // the full reader handles (or refuses) it
            }
            hash = 31 * hash + c;
        }
        return string();
    }

    /** A string or name, the cursor on its opening quote. Most have no escape: those are one substring. */
    private String string() throws MalformedJson {
        int start = ++pos;
        boolean surrogates = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = text.substring(start, pos++);
                return surrogates ? paired(s) : s;
            }
            if (c == '\\') {
                return escaped(start);
            }
            if (c < 0x20) {
                throw malformed("control character in a string");
            }
            surrogates |= Character.isSurrogate(c);
            pos++;
        }
        throw malformed("unterminated string");
    }

    private String escaped(int start) throws MalformedJson {
        StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return paired(out.toString());
            }
            if (c < 0x20) {
                throw malformed("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw malformed("invalid escape sequence");
            }
        }
        throw malformed("unterminated string");
    }

    private char unicodeEscape() throws MalformedJson {
        if (pos + 4 > text.length()) {
            throw malformed("unterminated escape sequence");
        }
        int value = 0;
        for (int end = pos + 4; pos < end; pos++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0 || text.charAt(pos) > 'f') { // Character.digit also takes non-ASCII digits
                throw malformed("invalid \\u escape");
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    /**
     * RFC 8259's number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. A whole number that fits
     * 32 bits is held as an {@code Integer}, read once here instead of from its text by the validator and again by
     * the binding; its text is the same ({@code -0} excepted, which keeps its text).
     */
    private JsonPrimitive number() throws MalformedJson {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw malformed("malformed number");
        }
        boolean whole = true;
        if (peek() == '.') {
            pos++;
            whole = false;
            if (!digits()) {
                throw malformed("malformed number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            whole = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw malformed("malformed number");
            }
        }
        int length = pos - start;
        if (length > MAX_NUMBER_LENGTH) {
            throw malformed("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        int c = peek();
        if (c >= '0' && c <= '9') {
            throw malformed("leading zero in a number"); // "01", "-01": anything else ended the number above
        }
        if (whole && length <= 11) {
            long n = Long.parseLong(text, start, pos, 10);
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE && (n != 0 || length == 1)) {
                return new JsonPrimitive((int) n);
            }
        }
        return new JsonPrimitive(new LazilyParsedNumber(text.substring(start, pos)));
    }

    /** Consumes one or more digits; false if there is none. */
    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private JsonElement literal(String word, JsonElement value) throws MalformedJson {
        if (!text.startsWith(word, pos)) {
            throw malformed("unexpected character");
        }
        pos += word.length();
        return value;
    }

    /** Gson's strict reader refuses a string or name with a lone UTF-16 surrogate, written raw or escaped. */
    private String paired(String s) throws MalformedJson {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw malformed("unpaired surrogate character");
                }
                i++;
            }
        }
        return s;
    }

    private void checkDepth(int depth) throws MalformedJson {
        if (depth > NESTING_LIMIT) {
            throw malformed("nesting limit " + NESTING_LIMIT + " reached");
        }
    }

    private MalformedJson malformed(String problem) {
        return new MalformedJson(problem + " at character " + pos);
    }

    /** The text is not one strict JSON value. */
    public static final class MalformedJson extends Exception {
        MalformedJson(String message) {
            super(message, null, false, false); // refused input is routine: no stack trace to fill
        }
    }
}
