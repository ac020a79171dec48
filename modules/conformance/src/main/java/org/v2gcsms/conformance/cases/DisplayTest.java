package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/** I Tariff and cost, O Display messages (Advanced User Interface). */
class DisplayTest extends CsmsCase {
    /** Running cost: during a transaction the CSMS tells the running cost (CostUpdated or totalCost). */
    @Test
    void TC_I_01_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        JsonObject answer = s.call("TransactionEvent", Transaction.withMeter(tx.updated("MeterValuePeriodic",
                "Charging"), Messages.meterValue(6000, "Sample.Periodic")));
        if (!Json.has(answer, "totalCost")) {
            s.expectCall("CostUpdated", field("transactionId", tx.id()), "the running cost of " + tx.id(),
                    Duration.ofSeconds(10)).reply(new JsonObject());
        }
    }

    @Test
    void TC_I_02_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        JsonObject answer = s.call("TransactionEvent", Transaction.withMeter(tx.ended("StopAuthorized", "EVConnected",
                "Local"), Messages.meterValue(11000, "Transaction.End")));
        assertTrue(Json.has(answer, "totalCost"), "the Ended event's answer carries the final cost: " + answer);
    }

    private static JsonObject message(int id, String priority, String format, String state, Instant start,
                                      Instant end, String transactionId) {
        JsonObject m = Json.obj("id", id, "priority", priority, "message", Json.obj("format", format, "content",
                format.equals("URI") ? "https://example.com/info" : "Welcome"));
        if (state != null) {
            m.addProperty("state", state);
        }
        if (start != null) {
            m.addProperty("startDateTime", start.toString());
        }
        if (end != null) {
            m.addProperty("endDateTime", end.toString());
        }
        if (transactionId != null) {
            m.addProperty("transactionId", transactionId);
        }
        return Json.obj("message", m);
    }

    private Exchange display(ScriptedStation s, JsonObject request, String answer) {
        int id = Json.integer(request, "message.id");
        return operatorStatus(s, "SetDisplayMessage", request, p -> Json.integer(p, "message.id") == id,
                "message id " + id, answer);
    }

    private static Instant in(long seconds) {
        return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void TC_O_01_CSMS() {
        display(booted(), message(1, "NormalCycle", "UTF8", null, null, null, null), "Accepted");
    }

    @Test
    void TC_O_13_CSMS() {
        Exchange e = display(booted(), message(13, "NormalCycle", "ASCII", null, in(60), null, null), "Accepted");
        assertTrue(Json.has(e.payload(), "message.startDateTime"));
    }

    @Test
    void TC_O_14_CSMS() {
        Exchange e = display(booted(), message(14, "NormalCycle", "ASCII", null, null, in(60), null), "Accepted");
        assertTrue(Json.has(e.payload(), "message.endDateTime"));
    }

    @Test
    void TC_O_17_CSMS() {
        display(booted(), message(17, "AlwaysFront", "UTF8", null, null, null, null), "NotSupportedPriority");
    }

    @Test
    void TC_O_18_CSMS() {
        display(booted(), message(18, "NormalCycle", "UTF8", "Faulted", null, null, null), "NotSupportedState");
    }

    @Test
    void TC_O_19_CSMS() {
        display(booted(), message(19, "NormalCycle", "HTML", null, null, null, null), "NotSupportedMessageFormat");
    }

    @Test
    void TC_O_25_CSMS() {
        Exchange e = display(booted(), message(25, "NormalCycle", "UTF8", "Charging", null, null, null), "Accepted");
        assertEquals("Charging", Json.str(e.payload(), "message.state"));
    }

    @Test
    void TC_O_26_CSMS() {
        display(booted(), message(26, "NormalCycle", "UTF8", null, null, null, null), "Rejected");
    }

    @Test
    void TC_O_06_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        Exchange e = display(s, message(6, "InFront", "UTF8", null, null, null, tx.id()), "Accepted");
        assertEquals(tx.id(), Json.str(e.payload(), "message.transactionId"));
    }

    @Test
    void TC_O_10_CSMS() {
        display(booted(), message(10, "InFront", "UTF8", null, null, null, "NO-SUCH-TX"), "UnknownTransaction");
    }

    @Test
    void TC_O_27_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        display(s, message(27, "InFront", "UTF8", null, in(30), null, tx.id()), "Accepted");
    }

    @Test
    void TC_O_28_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        display(s, message(28, "InFront", "UTF8", null, null, in(30), tx.id()), "Accepted");
    }

    /** GetDisplayMessages with a filter; the station answers Accepted and reports; the CSMS acknowledges. */
    private void get(JsonObject filter) {
        ScriptedStation s = booted();
        filter.addProperty("requestId", 2);
        Exchange e = operatorStatus(s, "GetDisplayMessages", filter, any(), "", "Accepted");
        JsonObject info = message(2, "NormalCycle", "UTF8", null, null, null, null).getAsJsonObject("message");
        assertEquals(new JsonObject(), s.call("NotifyDisplayMessages", Json.obj("requestId", Json.integer(e.payload(),
                "requestId"), "tbc", false, "messageInfo", Json.arr(info))));
    }

    @Test
    void TC_O_02_CSMS() {
        get(new JsonObject());
    }

    @Test
    void TC_O_03_CSMS() {
        operatorStatus(booted(), "GetDisplayMessages", Json.obj("requestId", 3), any(), "", "Unknown");
    }

    @Test
    void TC_O_07_CSMS() {
        get(Json.obj("id", Json.arr(2)));
    }

    @Test
    void TC_O_08_CSMS() {
        get(Json.obj("priority", "NormalCycle"));
    }

    @Test
    void TC_O_09_CSMS() {
        get(Json.obj("state", "Idle"));
    }

    @Test
    void TC_O_11_CSMS() {
        operatorStatus(booted(), "GetDisplayMessages", Json.obj("requestId", 11, "id", Json.arr(999)),
                p -> Json.has(p, "id"), "id 999", "Unknown");
    }

    @Test
    void TC_O_04_CSMS() {
        ScriptedStation s = booted();
        display(s, message(4, "NormalCycle", "UTF8", null, null, null, null), "Accepted");
        operatorStatus(s, "ClearDisplayMessage", Json.obj("id", 4), field("id", 4), "id 4", "Accepted");
    }

    @Test
    void TC_O_05_CSMS() {
        operatorStatus(booted(), "ClearDisplayMessage", Json.obj("id", 555), field("id", 555), "id 555", "Unknown");
    }

    /** Replacing: the same id again with other content. */
    @Test
    void TC_O_12_CSMS() {
        ScriptedStation s = booted();
        display(s, message(12, "NormalCycle", "UTF8", null, null, null, null), "Accepted");
        JsonObject replacement = message(12, "InFront", "UTF8", null, null, null, null);
        Exchange e = display(s, replacement, "Accepted");
        assertEquals("InFront", Json.str(e.payload(), "message.priority"));
    }
}
