package org.v2gcsms.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A path like {@code /api/v1/stations/{id}/calls/{action}}: literal segments and named ones. */
public record PathTemplate(String text, List<String> segments) {

    public static PathTemplate of(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("A path template starts with '/': " + text);
        }
        return new PathTemplate(text, List.of(text.substring(1).split("/")));
    }

    /** The named segments' values when the path fits, else empty. */
    public Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (isParameter(s)) {
                if (path.get(i).isEmpty()) {
                    return Optional.empty();
                }
                params.put(s.substring(1, s.length() - 1), path.get(i));
            } else if (!s.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** How many literal segments: among templates fitting one path, the most literal one wins. */
    public int literals() {
        return (int) segments.stream().filter(s -> !isParameter(s)).count();
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static List<String> split(String path) {
        return List.of((path.startsWith("/") ? path.substring(1) : path).split("/", -1));
    }
}
