package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;

/** P DataTransfer and CustomData. */
class DataTransferTest extends CsmsCase {

    /** A vendor the CSMS does not know: it answers Rejected, UnknownVendorId or UnknownMessageId — not an error. */
    @Test
    void TC_P_02_CSMS() {
        ScriptedStation s = booted();
        JsonObject answer = s.call("DataTransfer", Json.obj("vendorId", "com.example.unknown", "messageId", "Hello",
                "data", "payload"));
        assertTrue(Set.of("Rejected", "UnknownVendorId", "UnknownMessageId").contains(Json.str(answer, "status")),
                "status of an unknown vendor's DataTransfer: " + answer);
    }

    /** customData (with a vendorId) in any object is legal and must not disturb the CSMS. */
    @Test
    void TC_P_03_CSMS() {
        ScriptedStation s = connect(registered("Accepted"), V201);
        JsonObject boot = Messages.boot("PowerUp");
        boot.add("customData", Json.obj("vendorId", "com.example.vendor", "extra", 42));
        boot.getAsJsonObject("chargingStation").add("customData", Json.obj("vendorId", "com.example.vendor"));
        assertEquals("Accepted", Json.str(s.call("BootNotification", boot), "status"));
        JsonObject heartbeat = Json.obj("customData", Json.obj("vendorId", "com.example.vendor", "note", "x"));
        assertTrue(Json.has(s.call("Heartbeat", heartbeat), "currentTime"));
        JsonObject status = Messages.statusNotification(1, 1, "Available");
        status.add("customData", Json.obj("vendorId", "com.example.vendor"));
        assertEquals(new JsonObject(), s.call("StatusNotification", status));
    }
}
