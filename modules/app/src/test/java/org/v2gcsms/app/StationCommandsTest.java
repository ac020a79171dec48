package org.v2gcsms.app;

import org.v2gcsms.api.TestStation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.sessions.commands.CommandRecord;
import org.v2gcsms.sessions.notices.NoticeKind;
import org.v2gcsms.store.DatabaseConfig;
import org.v2gcsms.store.DatabaseTest;

/**
 * Every command of the typed command service reaches a 2.0.1 station over a real WebSocket, comes back typed
 * (as the 2.1 record) when the station accepts and when it refuses, and is recorded with its outcome; the
 * status notifications commands cause are stored.
 */
class StationCommandsTest {
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"Acme\","
            + "\"model\":\"V2G-11\"}}";

    /** action → request (2.1 JSON), the station's positive and negative answers. */
    private static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

    static {
        command("RequestStartTransaction", "{\"idToken\":{\"idToken\":\"CARD-1\",\"type\":\"ISO14443\"},"
                + "\"remoteStartId\":42,\"evseId\":1}", "Accepted", "Rejected");
        command("RequestStopTransaction", "{\"transactionId\":\"TX-1\"}", "Accepted", "Rejected");
        command("Reset", "{\"type\":\"OnIdle\"}", "Accepted", "Rejected");
        command("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\",\"evse\":{\"id\":1}}", "Accepted",
                "Rejected");
        command("UnlockConnector", "{\"evseId\":1,\"connectorId\":1}", "Unlocked", "UnlockFailed");
        command("TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"evse\":{\"id\":1,\"connectorId\":1}}",
                "Accepted", "Rejected");
        command("ClearCache", "{}", "Accepted", "Rejected");
        command("DataTransfer", "{\"vendorId\":\"org.v2gcsms\",\"messageId\":\"ping\"}", "Accepted", "Rejected");
        command("GetLog", "{\"logType\":\"DiagnosticsLog\",\"requestId\":7,\"log\":{\"remoteLocation\":"
                + "\"https://logs.example/upload\"}}", "Accepted", "Rejected");
        command("UpdateFirmware", "{\"requestId\":8,\"firmware\":{\"location\":\"https://fw.example/1.3.bin\","
                + "\"retrieveDateTime\":\"2026-11-21T12:00:00Z\"}}", "Accepted", "Rejected");
        command("ReserveNow", "{\"id\":5,\"expiryDateTime\":\"2026-11-21T13:00:00Z\",\"idToken\":{\"idToken\":"
                + "\"CARD-1\",\"type\":\"ISO14443\"},\"evseId\":1}", "Accepted", "Rejected");
        command("CancelReservation", "{\"reservationId\":5}", "Accepted", "Rejected");
        command("SetDisplayMessage", "{\"message\":{\"id\":3,\"priority\":\"NormalCycle\",\"message\":{\"format\":"
                + "\"UTF8\",\"content\":\"Hello\"}}}", "Accepted", "Rejected");
        command("GetDisplayMessages", "{\"requestId\":9}", "Accepted", "Unknown");
        command("ClearDisplayMessage", "{\"id\":3}", "Accepted", "Unknown");
    }

    private static void command(String action, String request, String yes, String no) {
        COMMANDS.put(action, List.of(request, yes, no));
    }

    @DatabaseTest
    void everyCommandIsAnsweredTypedAndRecordedWhetherAcceptedOrRefused(DatabaseConfig db) throws Exception {
        try (Csms csms = StationLifeTest.start(db, AutoRegistration.ACCEPT)) {
            String[] answer = {"Accepted"};
            TestStation cs = TestStation.connect(csms.ocppUrl(), "CS-CMD", "ocpp2.0.1");
            for (String action : COMMANDS.keySet()) {
                cs.answering(action, p -> TestStation.json("{\"status\":\"" + answer[0] + "\"}"));
            }
            cs.ok("BootNotification", BOOT);

            for (int refusal = 0; refusal <= 1; refusal++) {
                for (var c : COMMANDS.entrySet()) {
                    answer[0] = c.getValue().get(1 + refusal);
                    Class<?> requestType = OcppMessages.of(OcppVersion.V21).action(c.getKey()).orElseThrow()
                            .requestType();
                    Class<?> responseType = OcppMessages.of(OcppVersion.V21).action(c.getKey()).orElseThrow()
                            .responseType();
                    Object request = OcppMessages.of(OcppVersion.V21).decode(TestStation.json(c.getValue().get(0)),
                            requestType);
                    Object response = csms.domain().commands().send("CS-CMD", request, responseType).join();
                    JsonObject json = OcppMessages.of(OcppVersion.V21).encode(response);
                    assertEquals(answer[0], json.get("status").getAsString(), c.getKey());
                    CommandRecord logged = csms.domain().repositories().commands().recent("CS-CMD", 1).get(0);
                    assertEquals(c.getKey(), logged.action());
                    assertEquals(answer[0], logged.status());
                }
            }

            cs.ok("FirmwareStatusNotification", "{\"status\":\"Downloading\",\"requestId\":8}");
            cs.ok("LogStatusNotification", "{\"status\":\"Uploaded\",\"requestId\":7}");
            cs.ok("ReservationStatusUpdate", "{\"reservationId\":5,\"reservationUpdateStatus\":\"Expired\"}");
            assertEquals("Downloading", csms.domain().notices().find("CS-CMD", NoticeKind.FIRMWARE_STATUS,
                    Instant.EPOCH, 5).get(0).type());
            assertEquals("Uploaded", csms.domain().notices().find("CS-CMD", NoticeKind.LOG_STATUS, Instant.EPOCH, 5)
                    .get(0).type());
            assertEquals("Expired", csms.domain().notices().find("CS-CMD", NoticeKind.RESERVATION_STATUS,
                    Instant.EPOCH, 5).get(0).type());
            cs.closeBlocking();
        }
    }
}
