package org.v2gcsms.api;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.v2gcsms.server.RouteRequest;

/** One API request: the HTTP request, the path's named segments, and who sent it. */
public record ApiRequest(RouteRequest http, Map<String, String> params, Caller caller) {

    /** A named path segment (the template guarantees it is there). */
    public String path(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("No path parameter " + name);
        }
        return value;
    }

    public JsonObject body() {
        return ApiJson.object(http.body());
    }

    public Optional<String> query(String name) {
        return http.queryParameter(name).filter(v -> !v.isEmpty());
    }

    public int intQuery(String name, int fallback, int min, int max) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw ApiError.badInput(name, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badInput(name, name + " must be an integer");
        }
    }

    public Optional<Instant> instantQuery(String name) {
        try {
            return query(name).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw ApiError.badInput(name, name + " must be an RFC 3339 UTC time like 2026-01-31T12:00:00Z");
        }
    }

    public <E extends Enum<E>> Optional<E> enumQuery(String name, Class<E> type) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.get())) {
                return Optional.of(e);
            }
        }
        throw ApiError.badInput(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
