package org.v2gcsms.sessions.certificates;

/** Detail for a statusInfo.additionalInfo: printable and short enough for either version's schema. */
final class StatusText {
    private static final int MAX = 200;

    private StatusText() {
    }

    static String bounded(String detail) {
        String s = detail == null ? "" : detail.replaceAll("[^\\x20-\\x7E]", "?");
        return s.length() > MAX ? s.substring(0, MAX - 3) + "..." : s;
    }
}
