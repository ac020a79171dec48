package org.v2gcsms.ocpp.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;

/** What the agreement test with networknt cannot show: our deliberate choices and the compiler's refusals. */
class PayloadSchemaTest {
    private static final PayloadSchema BOOT = PayloadSchema.load(
            "/org/v2gcsms/ocpp/schemas/v201/BootNotificationRequest.json");
    private static final PayloadSchema HEARTBEAT_RESPONSE = PayloadSchema.load(
            "/org/v2gcsms/ocpp/schemas/v21/HeartbeatResponse.json");
    private static final PayloadSchema STATUS = PayloadSchema.load(
            "/org/v2gcsms/ocpp/schemas/v21/StatusNotificationRequest.json");

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static OcppError rejects(PayloadSchema schema, String payload) {
        return assertThrows(OcppError.class, () -> schema.validate(json(payload)));
    }

    @Test
    void integersBeyond32BitsAreRejectedBecauseOcppIntegersAre32Bit() {
        String status = "{\"timestamp\":\"2025-01-01T00:00:00Z\",\"connectorStatus\":\"Available\",\"evseId\":%s,"
                + "\"connectorId\":1}";
        assertDoesNotThrow(() -> STATUS.validate(json(status.formatted("2147483647"))));
        OcppError e = rejects(STATUS, status.formatted("2147483648"));
        assertEquals(ErrorCode.PropertyConstraintViolation, e.code());
        assertEquals("evseId: outside the 32-bit integer range", e.description());
        assertEquals(ErrorCode.PropertyConstraintViolation, rejects(STATUS, status.formatted("1e12")).code());
        assertEquals(ErrorCode.TypeConstraintViolation, rejects(STATUS, status.formatted("1.5")).code());
        assertDoesNotThrow(() -> STATUS.validate(json(status.formatted("1.0"))));
        assertDoesNotThrow(() -> STATUS.validate(json(status.formatted("1E1"))));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String twentyEmoji = "\uD83D\uDE97".repeat(20); // model: maxLength 20
        assertDoesNotThrow(() -> BOOT.validate(json(
                "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"" + twentyEmoji + "\",\"vendorName\":\"V\"}}")));
        OcppError e = rejects(BOOT,
                "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"" + twentyEmoji + "x\",\"vendorName\":\"V\"}}");
        assertEquals("chargingStation.model: longer than 20 characters", e.description());
    }

    @Test
    void unknownPropertyNamesAreShownOnlyWhenShortAndPlain() {
        OcppError plain = rejects(HEARTBEAT_RESPONSE, "{\"currentTime\":\"2025-01-01T00:00:00Z\",\"colour\":1}");
        assertEquals(ErrorCode.FormatViolation, plain.code());
        assertEquals("colour: unknown property", plain.description());
        String hostile = "<script>alert(1)</script>" + "x".repeat(200);
        OcppError e = rejects(HEARTBEAT_RESPONSE,
                "{\"currentTime\":\"2025-01-01T00:00:00Z\",\"" + hostile + "\":1}");
        assertEquals("(unprintable name): unknown property", e.description());
    }

    @Test
    void nullAndWrongTypesAreTypeConstraintViolations() {
        OcppError e = rejects(HEARTBEAT_RESPONSE, "{\"currentTime\":null}");
        assertEquals(ErrorCode.TypeConstraintViolation, e.code());
        assertEquals("currentTime: expected string, got null", e.description());
        OcppError obj = rejects(BOOT, "{\"reason\":\"PowerUp\",\"chargingStation\":[]}");
        assertEquals("chargingStation: expected object, got array", obj.description());
    }

    @Test
    void customDataAllowsVendorPropertiesButNeedsAVendorId() {
        assertDoesNotThrow(() -> HEARTBEAT_RESPONSE.validate(json(
                "{\"currentTime\":\"2025-01-01T00:00:00Z\",\"customData\":{\"vendorId\":\"a.b\",\"any\":{\"x\":[1]}}}")));
        OcppError e = rejects(HEARTBEAT_RESPONSE,
                "{\"currentTime\":\"2025-01-01T00:00:00Z\",\"customData\":{\"any\":1}}");
        assertEquals(ErrorCode.OccurrenceConstraintViolation, e.code());
        assertEquals("customData.vendorId: required", e.description());
    }

    @Test
    void aKeywordTheCompilerDoesNotKnowFailsTheCompilationInsteadOfBeingIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PayloadSchema.compile("T",
                json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"^x$\"}}}")));
        assertTrue(e.getMessage().contains("pattern"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PayloadSchema.compile("T",
                json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"format\":\"uri\"}}}")));
        assertThrows(IllegalArgumentException.class, () -> PayloadSchema.compile("T", json(
                "{\"type\":\"object\",\"definitions\":{\"L\":{\"type\":\"object\",\"properties\":{\"n\":"
                        + "{\"$ref\":\"#/definitions/L\"}}}},\"properties\":{\"l\":{\"$ref\":\"#/definitions/L\"}}}")));
    }

    @Test
    void everyShippedSchemaCompiles() {
        for (String folder : new String[] {"v201", "v21"}) {
            for (var payload : org.v2gcsms.ocpp.OcppMessages.of(folder.equals("v201")
                    ? org.v2gcsms.ocpp.OcppVersion.V201 : org.v2gcsms.ocpp.OcppVersion.V21).actions()) {
                PayloadSchema.load("/org/v2gcsms/ocpp/schemas/" + folder + "/" + payload.requestType().getSimpleName()
                        + ".json");
            }
        }
    }
}
