package org.v2gcsms.conformance.kit;

import com.google.gson.JsonObject;

/** A CALL the CSMS sent to a {@link ScriptedStation}; the test answers it. */
public record ReceivedCall(ScriptedStation station, String messageId, String action, JsonObject payload) {

    /** Answers with this CALLRESULT payload. */
    public void reply(JsonObject response) {
        station.reply(this, response);
    }

    /** Answers {@code {"status": status}}. */
    public void replyStatus(String status) {
        reply(Json.obj("status", status));
    }

    /** Answers with a CALLERROR. */
    public void replyError(String code, String description) {
        station.replyError(this, code, description);
    }
}
