package org.v2gcsms.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A plain HTTP response from a route. A streamed response ({@link #streamed}) has no body: once its headers are
 * sent, {@code stream} is given the {@link ResponseStream} to write the body to, for as long as it likes.
 */
public record RouteResponse(int status, String contentType, byte[] body, Map<String, String> headers,
                            Consumer<ResponseStream> stream) {

    public RouteResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, was " + status);
        }
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    public RouteResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, null);
    }

    /** A 200 whose body {@code opened} writes over time (chunked transfer encoding). */
    public static RouteResponse streamed(String contentType, Map<String, String> headers,
                                         Consumer<ResponseStream> opened) {
        return new RouteResponse(200, contentType, new byte[0], headers, java.util.Objects.requireNonNull(opened));
    }

    public boolean isStreamed() {
        return stream != null;
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
