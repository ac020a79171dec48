package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;

/** D Local authorization list: full and differential updates, and the list version. */
class LocalListTest extends CsmsCase {

    private JsonObject entry(String token) {
        return Json.obj("idToken", Messages.idToken(token, "ISO14443"), "idTokenInfo", Json.obj("status", "Accepted"));
    }

    private Exchange send(ScriptedStation s, JsonObject request, String what) {
        return operatorStatus(s, "SendLocalList", request, p -> p.get("updateType").equals(request.get("updateType"))
                && p.get("versionNumber").equals(request.get("versionNumber")), what, "Accepted");
    }

    @Test
    void TC_D_01_CSMS() {
        ScriptedStation s = booted();
        Exchange e = send(s, Json.obj("versionNumber", 1, "updateType", "Full", "localAuthorizationList",
                Json.arr(entry(acceptedToken()), entry(acceptedToken()))), "a Full list, version 1");
        assertEquals(2, e.payload().getAsJsonArray("localAuthorizationList").size());
    }

    @Test
    void TC_D_02_CSMS() {
        ScriptedStation s = booted();
        send(s, Json.obj("versionNumber", 1, "updateType", "Full", "localAuthorizationList",
                Json.arr(entry(acceptedToken()))), "a Full list");
        Exchange e = send(s, Json.obj("versionNumber", 2, "updateType", "Differential", "localAuthorizationList",
                Json.arr(entry(acceptedToken()))), "a Differential update, version 2");
        assertEquals("Accepted", Json.str(e.payload(), "localAuthorizationList.0.idTokenInfo.status"));
    }

    /** Differential remove: an entry without idTokenInfo removes that token. */
    @Test
    void TC_D_03_CSMS() {
        ScriptedStation s = booted();
        String token = acceptedToken();
        send(s, Json.obj("versionNumber", 1, "updateType", "Full", "localAuthorizationList", Json.arr(entry(token))),
                "a Full list");
        Exchange e = send(s, Json.obj("versionNumber", 3, "updateType", "Differential", "localAuthorizationList",
                Json.arr(Json.obj("idToken", Messages.idToken(token, "ISO14443")))), "a Differential removal");
        assertEquals(false, Json.has(e.payload(), "localAuthorizationList.0.idTokenInfo"));
    }

    @Test
    void TC_D_04_CSMS() {
        ScriptedStation s = booted();
        Exchange e = send(s, Json.obj("versionNumber", 4, "updateType", "Full"), "an empty Full list");
        assertEquals(0, e.payload().has("localAuthorizationList")
                ? e.payload().getAsJsonArray("localAuthorizationList").size() : 0);
    }

    @Test
    void TC_D_08_CSMS() {
        ScriptedStation s = booted();
        Exchange e = operator(s, "GetLocalListVersion", new JsonObject(), any(), "", Json.obj("versionNumber", 42));
        assertEquals(42, Json.integer(e.reply().body(), "versionNumber"));
    }

    @Test
    void TC_D_09_CSMS() {
        ScriptedStation s = booted();
        Exchange e = operator(s, "GetLocalListVersion", new JsonObject(), any(), "", Json.obj("versionNumber", 0));
        assertEquals(0, Json.integer(e.reply().body(), "versionNumber"));
    }
}
