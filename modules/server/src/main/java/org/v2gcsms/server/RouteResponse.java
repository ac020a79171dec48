package org.v2gcsms.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plain HTTP response from a route. */
public record RouteResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public RouteResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, was " + status);
        }
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    public static RouteResponse json(int status, String json) {
        return new RouteResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static RouteResponse text(int status, String text) {
        return new RouteResponse(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
