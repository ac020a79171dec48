package org.v2gcsms.ocpp.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppVersion;

class FrameCodecTest {
    private static final FrameCodec V201 = new FrameCodec(OcppVersion.V201);
    private static final FrameCodec V21 = new FrameCodec(OcppVersion.V21);

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static Stream<Arguments> frames() {
        JsonObject payload = json("{\"currentTime\":\"2025-01-02T03:04:05Z\",\"nested\":{\"a\":[1,2]}}");
        JsonObject details = json("{\"field\":\"x\"}");
        return Stream.of(
                Arguments.of("CALL", new Frame.Call("id-1", "BootNotification", payload)),
                Arguments.of("CALL with empty payload", new Frame.Call("id-2", "Heartbeat", new JsonObject())),
                Arguments.of("CALLRESULT", new Frame.CallResult("id-3", payload)),
                Arguments.of("CALLERROR", new Frame.CallError("id-4", ErrorCode.FormatViolation, "bad", details)),
                Arguments.of("CALLERROR empty", new Frame.CallError("id-5", ErrorCode.GenericError, "", new JsonObject())),
                Arguments.of("CALLRESULTERROR", new Frame.CallResultError("id-6", ErrorCode.InternalError, "x", details)),
                Arguments.of("SEND", new Frame.Send("id-7", "NotifyPeriodicEventStream", payload)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void everyFrameKindRoundTripsOn21(String kind, Frame frame) throws FrameException {
        assertEquals(frame, V21.parse(V21.write(frame)));
    }

    @Test
    void writesTheOcppJLayouts() {
        assertEquals("[2,\"a\",\"Heartbeat\",{}]", V201.write(new Frame.Call("a", "Heartbeat", new JsonObject())));
        assertEquals("[3,\"a\",{}]", V201.write(new Frame.CallResult("a", new JsonObject())));
        assertEquals("[4,\"a\",\"NotImplemented\",\"\",{}]",
                V201.write(new Frame.CallError("a", ErrorCode.NotImplemented, null, null)));
        assertEquals(255, JsonParser.parseString(V201.write(new Frame.CallError("a", ErrorCode.GenericError,
                "x".repeat(300), null))).getAsJsonArray().get(3).getAsString().length());
    }

    @Test
    void writesPayloadsExactlyAsGsonRendersThem() {
        JsonObject payload = json("""
                {"text":"quote \\" backslash \\\\ tab \\t nl \\n cr \\r bs \\b ff \\f nul \\u0000 us \\u001f del \\u007f",
                 "js":"line \\u2028 para \\u2029", "unicode":"é € 😀 <b>&'", "parsed":[1.50, -0, 1e3, 12345678901234567890],
                 "empty":{}, "none":[], "nulls":[null, {"n":null}], "flags":[true, false]}""");
        payload.addProperty("double", 1e20);
        payload.addProperty("integer", 7);
        payload.addProperty("long", Long.MIN_VALUE);
        payload.addProperty("decimal", new BigDecimal("0.000001"));
        Frame call = new Frame.Call("id \"1\"", "DataTransfer", payload);
        JsonArray gson = new JsonArray();
        gson.add(2);
        gson.add("id \"1\"");
        gson.add("DataTransfer");
        gson.add(payload);
        assertEquals(gson.toString(), V201.write(call));
    }

    @Test
    void readsMisspelledErrorCodesOlderPeersSend() throws FrameException {
        Frame f = V201.parse("[4,\"a\",\"OccurenceConstraintViolation\",\"\",{}]");
        assertEquals(ErrorCode.OccurrenceConstraintViolation, ((Frame.CallError) f).code());
        Frame unknown = V201.parse("[4,\"a\",\"MadeUpError\",\"\",{}]");
        assertEquals(ErrorCode.GenericError, ((Frame.CallError) unknown).code());
    }

    static Stream<Arguments> broken() {
        String longId = "x".repeat(37);
        return Stream.of(
                Arguments.of("not JSON", "[2,\"a\",", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("not strict JSON", "[2,'a',Heartbeat,{}]", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("trailing garbage", "[2,\"a\",\"Heartbeat\",{}] x", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("not an array", "{\"a\":1}", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("empty text", "", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("too short", "[2,\"a\"]", "a", ErrorCode.RpcFrameworkError),
                Arguments.of("too short, no id", "[2]", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("type id not a number", "[\"2\",\"a\",\"Heartbeat\",{}]", "a", ErrorCode.RpcFrameworkError),
                Arguments.of("type id a fraction", "[2.5,\"a\",\"Heartbeat\",{}]", "a", ErrorCode.RpcFrameworkError),
                Arguments.of("id too long", "[2,\"" + longId + "\",\"Heartbeat\",{}]", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("id not a string", "[2,17,\"Heartbeat\",{}]", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("id empty", "[2,\"\",\"Heartbeat\",{}]", "-1", ErrorCode.RpcFrameworkError),
                Arguments.of("payload not an object", "[2,\"a\",\"Heartbeat\",[]]", "a", ErrorCode.FormatViolation),
                Arguments.of("payload null", "[2,\"a\",\"Heartbeat\",null]", "a", ErrorCode.FormatViolation),
                Arguments.of("result payload a string", "[3,\"a\",\"ok\"]", "a", ErrorCode.FormatViolation),
                Arguments.of("CALL with 5 elements", "[2,\"a\",\"Heartbeat\",{},{}]", "a", ErrorCode.ProtocolError),
                Arguments.of("action not a string", "[2,\"a\",7,{}]", "a", ErrorCode.ProtocolError),
                Arguments.of("CALLERROR with 4 elements", "[4,\"a\",\"GenericError\",\"\"]", "a", ErrorCode.ProtocolError));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenFramesGetTheRightCodeAndTheIdWhenReadable(String kind, String text, String id, ErrorCode code) {
        for (FrameCodec codec : new FrameCodec[] {V201, V21}) {
            FrameException e = assertThrows(FrameException.class, () -> codec.parse(text));
            assertEquals(code, e.code(), kind);
            assertEquals(id, e.messageId(), kind);
            assertFalse(e.ignore(), kind);
            assertFalse(e.getMessage().contains("Heartbeat"), "never echoes the input: " + e.getMessage());
        }
    }

    @Test
    void callResultErrorAndSendExistOnlyIn21() throws FrameException {
        String resultError = "[5,\"a\",\"InternalError\",\"\",{}]";
        String send = "[6,\"b\",\"NotifyPeriodicEventStream\",{}]";
        FrameException e5 = assertThrows(FrameException.class, () -> V201.parse(resultError));
        assertEquals(ErrorCode.MessageTypeNotSupported, e5.code());
        assertEquals("a", e5.messageId());
        assertFalse(e5.ignore());
        FrameException e6 = assertThrows(FrameException.class, () -> V201.parse(send));
        assertEquals(ErrorCode.MessageTypeNotSupported, e6.code());
        assertTrue(V21.parse(resultError) instanceof Frame.CallResultError);
        assertTrue(V21.parse(send) instanceof Frame.Send);
    }

    @Test
    void unknownTypeIdIsAnErrorOn201AndIgnoredOn21() {
        FrameException on201 = assertThrows(FrameException.class, () -> V201.parse("[9,\"a\",\"x\",{}]"));
        assertEquals(ErrorCode.MessageTypeNotSupported, on201.code());
        assertEquals("a", on201.messageId());
        assertFalse(on201.ignore());
        FrameException on21 = assertThrows(FrameException.class, () -> V21.parse("[9,\"a\",\"x\",{}]"));
        assertTrue(on21.ignore());
    }
}
