package org.v2gcsms.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the station identity from {@code <prefix>/<percent-encoded identity>}. OCPP: at most 48
 * characters and no ':' (the identity doubles as the Basic-auth user name).
 */
final class StationPath {
    static final int MAX_IDENTITY_LENGTH = 48;

    private StationPath() {}

    /** True when the path is under the prefix, i.e. a station's endpoint (valid or not). */
    static boolean isUnder(String prefix, String rawPath) {
        return rawPath.equals(prefix) || rawPath.startsWith(prefix + "/");
    }

    /** The identity, or {@link IllegalArgumentException} saying what is wrong with it. */
    static String stationId(String prefix, String rawPath) {
        if (rawPath.length() <= prefix.length() + 1) {
            throw new IllegalArgumentException("no station identity in the path");
        }
        String encoded = rawPath.substring(prefix.length() + 1);
        if (encoded.contains("/")) {
            throw new IllegalArgumentException("the path has segments after the station identity");
        }
        String id;
        try {
            // '+' is a literal in a path, not a space as in a query string.
            id = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the station identity is not validly percent-encoded");
        }
        if (id.isEmpty() || id.length() > MAX_IDENTITY_LENGTH) {
            throw new IllegalArgumentException("the station identity must have 1 to " + MAX_IDENTITY_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == ':' || c == '/' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("the station identity contains a forbidden character");
            }
        }
        return id;
    }
}
