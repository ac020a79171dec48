package org.v2gcsms.conformance.kit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.UUID;

/**
 * The TransactionEvent messages of one station-side transaction: the station generates the id and counts
 * seqNo (restarting at 0 per transaction, TC_E_53).
 */
public final class Transaction {
    private final String transactionId;
    private final int evseId;
    private int seqNo;
    private boolean evseSent;

    public Transaction(int evseId) {
        this("TX-" + UUID.randomUUID().toString().substring(0, 18), evseId);
    }

    public Transaction(String transactionId, int evseId) {
        this.transactionId = transactionId;
        this.evseId = evseId;
    }

    public String id() {
        return transactionId;
    }

    public int evseId() {
        return evseId;
    }

    public JsonObject started(String triggerReason, String chargingState) {
        return event("Started", triggerReason, chargingState);
    }

    public JsonObject updated(String triggerReason, String chargingState) {
        return event("Updated", triggerReason, chargingState);
    }

    /** An Ended event; {@code stoppedReason} may be null (Local is the default). */
    public JsonObject ended(String triggerReason, String chargingState, String stoppedReason) {
        JsonObject e = event("Ended", triggerReason, chargingState);
        if (stoppedReason != null) {
            e.getAsJsonObject("transactionInfo").addProperty("stoppedReason", stoppedReason);
        }
        return e;
    }

    /** The next event of this transaction; the evse goes with the first one only. */
    public JsonObject event(String eventType, String triggerReason, String chargingState) {
        JsonObject info = Json.obj("transactionId", transactionId);
        if (chargingState != null) {
            info.addProperty("chargingState", chargingState);
        }
        JsonObject e = Json.obj("eventType", eventType, "timestamp", Messages.now(), "triggerReason", triggerReason,
                "seqNo", seqNo++, "transactionInfo", info);
        if (!evseSent) {
            e.add("evse", Json.obj("id", evseId, "connectorId", 1));
            evseSent = true;
        }
        return e;
    }

    /** Adds an idToken to an event. */
    public static JsonObject withIdToken(JsonObject event, String idToken, String type) {
        event.add("idToken", Messages.idToken(idToken, type));
        return event;
    }

    /** Adds meter values to an event. */
    public static JsonObject withMeter(JsonObject event, JsonObject... values) {
        JsonArray a = new JsonArray();
        for (JsonObject v : values) {
            a.add(v);
        }
        event.add("meterValue", a);
        return event;
    }
}
