package org.v2gcsms.conformance.kit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Station-side OCPP 2.0.1 payloads the cases send, as plain JSON. */
public final class Messages {
    private Messages() {}

    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    public static JsonObject boot(String reason) {
        return Json.obj("reason", reason, "chargingStation", Json.obj("model", "OCTT-Scripted", "vendorName",
                "v2gcsms-conformance", "serialNumber", "SN-0001", "firmwareVersion", "1.0.0"));
    }

    public static JsonObject statusNotification(int evseId, int connectorId, String status) {
        return Json.obj("timestamp", now(), "connectorStatus", status, "evseId", evseId, "connectorId", connectorId);
    }

    public static JsonObject idToken(String idToken, String type) {
        return Json.obj("idToken", idToken, "type", type);
    }

    public static JsonObject authorize(String idToken, String type) {
        return Json.obj("idToken", idToken(idToken, type));
    }

    /** One meterValue entry with the import register (Wh) and the given reading context. */
    public static JsonObject meterValue(double importWh, String context) {
        return Json.obj("timestamp", now(), "sampledValue", Json.arr(Json.obj("value", importWh, "context", context,
                "measurand", "Energy.Active.Import.Register", "unitOfMeasure", Json.obj("unit", "Wh"))));
    }

    /** A meterValue entry whose sample carries a signed reading (OCMF). */
    public static JsonObject signedMeterValue(double importWh, String context) {
        JsonObject mv = meterValue(importWh, context);
        mv.getAsJsonArray("sampledValue").get(0).getAsJsonObject().add("signedMeterValue", Json.obj(
                "signedMeterData", "T0NNRnx7IkZWIjoiMS4wIn18eyJTRCI6IjAxIn0=", "signingMethod", "ECDSA-secp256r1-SHA256",
                "encodingMethod", "OCMF", "publicKey", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"));
        return mv;
    }

    public static JsonObject meterValues(int evseId, JsonObject... values) {
        JsonArray a = new JsonArray();
        for (JsonObject v : values) {
            a.add(v);
        }
        return Json.obj("evseId", evseId, "meterValue", a);
    }

    public static JsonObject notifyEvent(int seqNo, JsonObject... events) {
        JsonArray a = new JsonArray();
        for (JsonObject e : events) {
            a.add(e);
        }
        return Json.obj("generatedAt", now(), "seqNo", seqNo, "eventData", a);
    }

    /** An EventData entry for a component variable's new actual value. */
    public static JsonObject event(int eventId, String trigger, String component, String variable, String value) {
        return Json.obj("eventId", eventId, "timestamp", now(), "trigger", trigger, "actualValue", value,
                "eventNotificationType", "HardWiredNotification", "component", Json.obj("name", component),
                "variable", Json.obj("name", variable));
    }
}
