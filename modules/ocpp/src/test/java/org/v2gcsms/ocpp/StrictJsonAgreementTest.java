package org.v2gcsms.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.v2gcsms.ocpp.json.StrictJson;

/**
 * {@link StrictJson} (our own reader building a Gson tree) must accept and refuse exactly what Gson's
 * strict {@code JsonReader} does, which is how frames were read before, and build the same tree: same values, same
 * member order, same number text. Checked on a sample frame of every payload type, on hand-picked malformed
 * input, and on truncations and one-character mutations of real frames.
 */
class StrictJsonAgreementTest {
    private static final TypeAdapter<JsonElement> GSON_TREE = new Gson().getAdapter(JsonElement.class);

    /** The previous frame reader: Gson's {@code JsonReader}, strict, one value and nothing after it. */
    private static JsonElement gsonStrict(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root = GSON_TREE.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new IOException("data after the value");
        }
        return root;
    }

    /** Both refuse, or both accept and build trees that are equal and print the same. */
    private static void assertAgree(String text) {
        JsonElement expected;
        try {
            expected = gsonStrict(text);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            assertThrows(StrictJson.MalformedJson.class, () -> StrictJson.parse(text),
                    () -> "Gson refuses (" + e.getMessage() + "), so must StrictJson: " + shown(text));
            return;
        }
        JsonElement actual;
        try {
            actual = StrictJson.parse(text);
        } catch (StrictJson.MalformedJson e) {
            fail("Gson accepts, StrictJson refuses (" + e.getMessage() + "): " + shown(text));
            return;
        }
        assertEquals(expected, actual, () -> shown(text));
        assertEquals(expected.toString(), actual.toString(), () -> shown(text));
    }

    private static String shown(String text) {
        String s = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** A CALL (request) or CALLRESULT (response) frame of every payload type, every field and required fields only. */
    static Stream<String> sampleFrames() {
        return Payload.all().flatMap(p -> Stream.of(Samples.Fill.FULL, Samples.Fill.MINIMAL).map(fill -> {
            JsonObject payload = p.messages().encode(Samples.build(p, fill));
            return p.isRequest()
                    ? "[2,\"m-1\",\"" + p.action().name() + "\"," + payload + "]"
                    : "[3,\"m-1\"," + payload + "]";
        }));
    }

    @ParameterizedTest
    @MethodSource("sampleFrames")
    void readsEverySampleFrameAsGsonDoes(String frame) {
        assertAgree(frame);
        assertAgree(new GsonBuilder().setPrettyPrinting().create().toJson(gsonTree(frame))); // with whitespace
    }

    private static JsonElement gsonTree(String text) {
        try {
            return gsonStrict(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> malformedAndEdgeCases() {
        List<String> cases = new ArrayList<>(List.of(
                // empty, whitespace, BOM
                "", " ", "\n\t\r ", "\ufeff[]", "\ufeff", " \ufeff[]", "[\ufeff]", "[]\ufeff", "\u00a0[]", "[]\u000b",
                "\u000c[]", "[\u2028]",
                // top-level values and trailing data
                "1", "\"s\"", "true", "null", "[] []", "[]]", "[]x", "{}{}", "[1]\u0000", "[] ", "[1] 2", "1 2", "[1]/",
                // literals
                "[TRUE]", "[True]", "[tRUE]", "[FALSE]", "[NULL]", "[Null]", "[nul]", "[truex]", "[true1]", "[null,]",
                "[undefined]", "[NaN]", "[-NaN]", "[Infinity]", "[-Infinity]", "[+Infinity]", "[nan]",
                // numbers
                "[01]", "[-01]", "[00]", "[0]", "[-0]", "[-0.0]", "[0.0]", "[-]", "[1.]", "[.5]", "[+1]", "[1e5]",
                "[1E+5]", "[1e-5]", "[1e]", "[1e+]", "[0x10]", "[1_000]", "[2147483647]", "[2147483648]",
                "[-2147483648]", "[-2147483649]", "[9223372036854775807]", "[9223372036854775808]",
                "[-9223372036854775808]", "[-9223372036854775809]", "[1.0]", "[1.50]", "[1e400]", "[-1e-400]",
                "[123456789012345678901234567890.123456789e12]", "[1.5e3]", "[1true]", "[1\"a\"]", "[0e0]", "[0.e1]",
                "[1.e1]", "[1e1.5]", "[--1]", "[1-1]", "[1..2]", "[١]",
                // strings and escapes
                "[\"\\u0041\"]", "[\"\\u004\"]", "[\"\\u00G1\"]", "[\"\\x41\"]", "[\"\\'\"]", "[\"\\/\"]", "[\"\\b\\f\\n\\r\\t\"]",
                "[\"\\a\"]", "[\"\\0\"]", "[\"\\\n\"]", "[\"\\\"]", "[\"abc]", "[\"a\u0000b\"]", "[\"a\u0001b\"]",
                "[\"a\tb\"]", "[\"a\nb\"]", "[\"a\rb\"]", "[\"a\u001fb\"]", "[\"a\u007fb\"]", "[\"a\u0080b\"]",
                "[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\\ud800\\udc00\"]", "[\"\\ud83d\\ude00\"]", "[\"\ud800\"]",
                "[\"\udc00x\"]", "[\"\ud83d\ude00\"]", "[\"\\uD83D\\uDE00\"]", "[\"\\U0041\"]", "['a']", "[\"a']",
                "[\"\u2028\u2029\"]", "[\"é\"]", "[\"\\ud800\udc00\"]", "[\"" + (char) 0xd800 + "\\udc00\"]", "[\"\\udc00\\ud800\"]",
                "[\"\\ud800\\ud800\\udc00\"]", "[\"\\ud800x\\udc00\"]", "[\"a\\ud800\"]", "{\"\\ud800\":1}", "{\"\ud800\":1}",
                "{\"\\ud83d\\ude00\":1}", "[\"\udbff\udfff\"]", "[\"\\udbff\"]",
                "[\"\\u\uff10\uff10\uff14\uff11\"]", "[\"\\u\u0661\u0662\u0663\u0664\"]", "[\"\\uabcd\\uABCD\"]",
                "[\"\\u00e9x\\n\"]", "[\"a\\\"b\"]", "{\"a\\\"\":\"\\\\\"}",
                // names and objects
                "{a:1}", "{'a':1}", "{\"a\"=1}", "{\"a\"=>1}", "{\"a\":1;\"b\":2}", "{\"a\":1,}", "{,\"a\":1}",
                "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{1:1}", "{null:1}", "{\"a\":1 \"b\":2}", "{\"\":1}",
                "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":{\"x\":1},\"a\":[2]}", "{\"a\":1,\"a\":null}",
                "{\"a\\u0000\":1}", "{\"a\nb\":1}", "{\"\\u0061\":1,\"a\":2}",
                // arrays
                "[1,]", "[,1]", "[1,,2]", "[1 2]", "[", "]", "[[]", "[]]", "[1;2]", "{]", "[}",
                // comments and other leniencies
                "[1]//x", "[1/*x*/]", "/*x*/[1]", "#x\n[1]", "[1]#", ")]}'\n[1]", "[1,\n2]\n",
                // RS and other control characters outside strings
                "\u001e[1]", "[\u0000]", "[1\u0007]"));
        // nesting around Gson's limit of 255
        for (int depth : new int[] {254, 255, 256, 257, 1000}) {
            cases.add("[".repeat(depth) + "]".repeat(depth));
            cases.add("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            cases.add("[" + "{\"a\":".repeat(depth - 1) + "1" + "}".repeat(depth - 1) + "]");
        }
        // huge numbers, strings and names
        for (int digits : new int[] {1022, 1023, 1024, 1025, 5000}) {
            cases.add("[" + "9".repeat(digits) + "]");
            cases.add("[-" + "9".repeat(digits) + "]");
            cases.add("[-" + "9".repeat(digits - 3) + ".5]");
            cases.add("[1." + "5".repeat(digits - 6) + "e-99]");
            cases.add("9".repeat(digits));
            cases.add("{\"a\":" + "9".repeat(digits) + "}");
            cases.add(" ".repeat(1000) + "[" + "9".repeat(digits) + "]");
        }
        cases.add("[1." + "5".repeat(5000) + "e-99999]");
        cases.add("[\"" + "x".repeat(200_000) + "\"]");
        cases.add("{\"" + "n".repeat(100_000) + "\":1}");
        return cases;
    }

    @ParameterizedTest
    @MethodSource("malformedAndEdgeCases")
    void refusesAndAcceptsWhatGsonDoes(String text) {
        assertAgree(text);
    }

    @Test
    void agreesOnEveryTruncationAndOnOneCharacterMutationsOfARealFrame() {
        String frame = sampleFrames().filter(f -> f.contains("\"TransactionEvent\"")).findFirst().orElseThrow();
        for (int end = 0; end < frame.length(); end++) {
            assertAgree(frame.substring(0, end));
        }
        String replacements = "{}[]\":,0-+.eE \\/\u0000\ttrue'#x9";
        Random random = new Random(20240506);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder mutated = new StringBuilder(frame);
            int at = random.nextInt(frame.length());
            char c = replacements.charAt(random.nextInt(replacements.length()));
            switch (random.nextInt(3)) {
                case 0 -> mutated.setCharAt(at, c);
                case 1 -> mutated.insert(at, c);
                default -> mutated.deleteCharAt(at);
            }
            assertAgree(mutated.toString());
        }
    }

    @Test
    void holdsSmallWholeNumbersAsIntegersWithTheirText() throws StrictJson.MalformedJson {
        JsonElement tree = StrictJson.parse("[7,-0,2147483648,1.0,-12]");
        assertTrue(tree.getAsJsonArray().get(0).getAsNumber() instanceof Integer);
        assertEquals("[7,-0,2147483648,1.0,-12]", tree.toString());
    }
}
