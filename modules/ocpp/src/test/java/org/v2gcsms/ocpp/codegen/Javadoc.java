package org.v2gcsms.ocpp.codegen;

import java.util.ArrayList;
import java.util.List;

/** Turns an OCA schema description into a short, safe Javadoc sentence or two. */
final class Javadoc {
    private static final int MAX_LENGTH = 300;

    private Javadoc() {
    }

    /** The cleaned text, or "" when the description says nothing beyond data-dictionary ids. */
    static String text(String description) {
        if (description == null) {
            return "";
        }
        // The OCA files put a data-dictionary name and a "urn:x-oca:..." id before the prose: drop both.
        List<String> lines = new ArrayList<>(List.of(description.split("\r?\n")));
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).trim().startsWith("urn:x-oca:")) {
                lines.remove(i);
                if (i > 0) {
                    lines.remove(i - 1);
                    i--;
                }
            }
        }
        String text = String.join(" ", lines).replaceAll("\\s+", " ").trim();
        return escape(shorten(text));
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int sentenceEnd = text.lastIndexOf(". ", MAX_LENGTH);
        if (sentenceEnd > 40) {
            return text.substring(0, sentenceEnd + 1);
        }
        int space = text.lastIndexOf(' ', MAX_LENGTH - 3);
        return text.substring(0, space > 0 ? space : MAX_LENGTH - 3) + "...";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("\\", "&#92;");
    }
}
