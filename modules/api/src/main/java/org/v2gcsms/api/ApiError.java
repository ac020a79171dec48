package org.v2gcsms.api;

import java.util.Map;

/**
 * A request that is answered with an error: {@code {"error": message, "field": field, ...extra}}. {@code field}
 * names the offending input (a body field's path, a query parameter, a path segment) or is null.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String field;
    private final Map<String, String> extra;

    public ApiError(int status, String message, String field, Map<String, String> extra) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.extra = Map.copyOf(extra);
    }

    public ApiError(int status, String message, String field) {
        this(status, message, field, Map.of());
    }

    public static ApiError badInput(String field, String message) {
        return new ApiError(400, message, field);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message, null);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Map<String, String> extra() {
        return extra;
    }
}
