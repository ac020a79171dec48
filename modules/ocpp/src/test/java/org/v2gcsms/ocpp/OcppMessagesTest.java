package org.v2gcsms.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.v201.BootNotificationRequest;
import org.v2gcsms.ocpp.v201.BootNotificationResponse;
import org.v2gcsms.ocpp.v201.BootReasonEnumType;
import org.v2gcsms.ocpp.v201.HeartbeatRequest;
import org.v2gcsms.ocpp.v201.RegistrationStatusEnumType;
import org.v2gcsms.ocpp.v201.V201Actions;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.StatusNotificationRequest;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.V21Actions;

/** The catalogue as the server uses it: look up, validate, decode, encode. */
class OcppMessagesTest {
    private final OcppMessages v201 = OcppMessages.of(OcppVersion.V201);
    private final OcppMessages v21 = OcppMessages.of(OcppVersion.V21);

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void oneSharedCatalogueForEachVersionWithAllItsActions() {
        assertSame(v201, OcppMessages.of(OcppVersion.V201));
        assertEquals(64, v201.actions().size());
        assertEquals(91, v21.actions().size());
        assertTrue(v21.action("NotifyPeriodicEventStream").orElseThrow().isSendOnly());
        assertTrue(v201.action("NotifyPeriodicEventStream").isEmpty());
        assertTrue(v201.action("bootNotification").isEmpty(), "names are case-sensitive");
        assertEquals(V201Actions.BOOT_NOTIFICATION, v201.action("BootNotification").orElseThrow());
        assertEquals(V201Actions.HEARTBEAT, v201.actionOf(HeartbeatRequest.class));
        assertEquals(Direction.BOTH, v21.action("DataTransfer").orElseThrow().direction());
        assertThrows(IllegalArgumentException.class, () -> v21.actionOf(HeartbeatRequest.class));
    }

    @Test
    void bootNotificationFromTheWireToARecordAndBack() throws OcppError {
        JsonObject payload = json("""
                {"reason":"PowerUp","chargingStation":{"model":"M1","vendorName":"V","customData":
                {"vendorId":"com.example","x":[1]}}}""");
        var action = v201.callFromStation("BootNotification");
        v201.validateRequest(action, payload);
        BootNotificationRequest request = v201.decode(payload, BootNotificationRequest.class);
        assertEquals(BootReasonEnumType.PowerUp, request.reason());
        assertEquals("M1", request.chargingStation().model());
        assertEquals("com.example", request.chargingStation().customData().vendorId());
        assertEquals(payload, v201.encode(request));
    }

    @Test
    void responsesLeaveOptionalFieldsOutAndWriteTimesInUtc() throws OcppError {
        var response = new BootNotificationResponse(Instant.parse("2025-01-02T03:04:05Z"), 300,
                RegistrationStatusEnumType.Accepted);
        JsonObject payload = v201.encode(response);
        assertEquals(json("{\"currentTime\":\"2025-01-02T03:04:05Z\",\"interval\":300,\"status\":\"Accepted\"}"),
                payload);
        v201.validateResponse(V201Actions.BOOT_NOTIFICATION, payload);
    }

    @Test
    void statusNotificationAndTransactionEventDecodeWithOffsetsAndDottedEnums() throws OcppError {
        JsonObject status = json("""
                {"timestamp":"2025-01-02T05:04:05+02:00","connectorStatus":"Occupied","evseId":1,"connectorId":1}""");
        v21.validateRequest(V21Actions.STATUS_NOTIFICATION, status);
        StatusNotificationRequest s = v21.decode(status, StatusNotificationRequest.class);
        assertEquals(Instant.parse("2025-01-02T03:04:05Z"), s.timestamp());

        JsonObject event = json("""
                {"eventType":"Updated","timestamp":"2025-01-02T03:04:05.250Z","triggerReason":"MeterValuePeriodic",
                 "seqNo":3,"transactionInfo":{"transactionId":"tx-1"},
                 "meterValue":[{"timestamp":"2025-01-02T03:04:05Z","sampledValue":[
                   {"value":1234.5,"measurand":"Energy.Active.Import.Register"}]}]}""");
        v21.validateRequest(V21Actions.TRANSACTION_EVENT, event);
        TransactionEventRequest t = v21.decode(event, TransactionEventRequest.class);
        assertEquals(MeasurandEnumType.Energy_Active_Import_Register,
                t.meterValue().get(0).sampledValue().get(0).measurand());
        assertEquals(1234.5, t.meterValue().get(0).sampledValue().get(0).value());
        assertThrows(UnsupportedOperationException.class, () -> t.meterValue().add(null), "lists are immutable");
        assertEquals(event, v21.encode(t));
    }

    @Test
    void aStationMayNotCallWhatTheCsmsInitiates() throws OcppError {
        OcppError unknown = assertThrows(OcppError.class, () -> v201.callFromStation("FlyToTheMoon"));
        assertEquals(ErrorCode.NotImplemented, unknown.code());
        OcppError reset = assertThrows(OcppError.class, () -> v201.callFromStation("Reset"));
        assertEquals(ErrorCode.NotSupported, reset.code());
        OcppError sendAsCall = assertThrows(OcppError.class, () -> v21.callFromStation("NotifyPeriodicEventStream"));
        assertEquals(ErrorCode.NotSupported, sendAsCall.code());
        assertThrows(OcppError.class, () -> v21.sendFromStation("Heartbeat"));
        assertTrue(v21.sendFromStation("NotifyPeriodicEventStream").isSendOnly());
        assertFalse(v21.callFromStation("DataTransfer").isSendOnly());
    }

    @Test
    void validationNamesThePathAndTheRightCode() {
        JsonObject missingModel = json("{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"V\"}}");
        OcppError e = assertThrows(OcppError.class,
                () -> v201.validateRequest(V201Actions.BOOT_NOTIFICATION, missingModel));
        assertEquals(ErrorCode.OccurrenceConstraintViolation, e.code());
        assertEquals("chargingStation.model: required", e.description());
    }
}
