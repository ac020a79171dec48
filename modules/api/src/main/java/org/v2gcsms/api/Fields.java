package org.v2gcsms.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads typed fields of a request body; a missing or mistyped field is a 400 naming it. */
final class Fields {
    private Fields() {
    }

    static String string(JsonObject body, String field) {
        return optionalString(body, field).orElseThrow(() -> ApiError.badInput(field, field + " is required"));
    }

    static Optional<String> optionalString(JsonObject body, String field) {
        JsonElement e = body.get(field);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiError.badInput(field, field + " must be a string");
        }
        return Optional.of(e.getAsString());
    }

    static Optional<Integer> optionalInt(JsonObject body, String field) {
        JsonElement e = body.get(field);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw ApiError.badInput(field, field + " must be an integer");
        }
        try {
            return Optional.of(e.getAsBigDecimal().intValueExact());
        } catch (ArithmeticException | NumberFormatException ex) {
            throw ApiError.badInput(field, field + " must be an integer");
        }
    }

    static Optional<Double> optionalNumber(JsonObject body, String field) {
        JsonElement e = body.get(field);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw ApiError.badInput(field, field + " must be a number");
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw ApiError.badInput(field, field + " must be a finite number");
        }
        return Optional.of(v);
    }

    /** A number within [min, max]. */
    static double number(JsonObject body, String field, double min, double max) {
        double v = optionalNumber(body, field).orElseThrow(() -> ApiError.badInput(field, field + " is required"));
        return within(field, v, min, max);
    }

    static double within(String field, double v, double min, double max) {
        if (v < min || v > max) {
            throw ApiError.badInput(field, field + " must be between " + fmt(min) + " and " + fmt(max));
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static Optional<Instant> optionalInstant(JsonObject body, String field) {
        try {
            return optionalString(body, field).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw ApiError.badInput(field, field + " must be an RFC 3339 UTC time like 2026-01-31T12:00:00Z");
        }
    }

    static List<String> strings(JsonObject body, String field) {
        JsonElement e = body.get(field);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw ApiError.badInput(field, field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw ApiError.badInput(field, field + " must be an array of strings");
            }
            out.add(item.getAsString());
        }
        return out;
    }

    /** A string no longer than {@code max}, not blank. */
    static String text(JsonObject body, String field, int max) {
        String s = string(body, field);
        if (s.isBlank() || s.length() > max) {
            throw ApiError.badInput(field, field + " must be 1 to " + max + " characters");
        }
        return s;
    }
}
