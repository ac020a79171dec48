package org.v2gcsms.api;

import com.google.gson.JsonObject;
import org.v2gcsms.sessions.events.DomainEvent;

/** An event on the wire (event stream and webhooks): {@code {"type", "at", "data": {the event's fields}}}. */
final class EventJson {
    private EventJson() {
    }

    static JsonObject of(DomainEvent event) {
        JsonObject o = new JsonObject();
        o.addProperty("type", event.type());
        o.addProperty("at", event.at() == null ? null : event.at().toString());
        o.add("data", ApiJson.tree(event));
        return o;
    }
}
