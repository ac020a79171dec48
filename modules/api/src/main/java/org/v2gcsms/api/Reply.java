package org.v2gcsms.api;

import com.google.gson.JsonElement;
import org.v2gcsms.server.RouteResponse;

/** What an endpoint answers: JSON (the usual), or a response of its own (the event stream, the OpenAPI file). */
public sealed interface Reply {

    record Json(int status, JsonElement body) implements Reply {}

    record Raw(RouteResponse response) implements Reply {}

    static Reply ok(Object value) {
        return new Json(200, ApiJson.tree(value));
    }

    static Reply created(Object value) {
        return new Json(201, ApiJson.tree(value));
    }

    static Reply noContent() {
        return new Raw(new RouteResponse(204, "application/json", new byte[0], java.util.Map.of()));
    }
}
