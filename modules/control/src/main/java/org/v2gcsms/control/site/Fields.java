package org.v2gcsms.control.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads typed fields from config properties, refusing bad values with the field's name. */
final class Fields {

    private Fields() {}

    /** A number ≥ {@code min}; {@code fallback} when absent (null: required). */
    static double number(Properties p, String source, String key, Double fallback, double min) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            if (fallback == null) {
                throw new SiteConfigException(source, key, "is missing");
            }
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new SiteConfigException(source, key, "must be a number, not '" + v.trim() + "'");
        }
        if (!Double.isFinite(d) && d != Double.POSITIVE_INFINITY || d < min) {
            throw new SiteConfigException(source, key, "must be >= " + min + ", not " + v.trim());
        }
        return d;
    }

    /** Hours of the day (0–23) from S1-style hour numbers 1–24, e.g. {@code 1-8,24}. */
    static List<Integer> hours(String text, String source, String key) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                int dash = s.indexOf('-');
                int from = Integer.parseInt((dash < 0 ? s : s.substring(0, dash)).trim());
                int to = dash < 0 ? from : Integer.parseInt(s.substring(dash + 1).trim());
                if (from < 1 || to > 24 || from > to) {
                    throw new NumberFormatException();
                }
                for (int h = from; h <= to; h++) {
                    out.add(h - 1);
                }
            } catch (NumberFormatException e) {
                throw new SiteConfigException(source, key, "must list hours 1-24 (e.g. 1-8,24), not '" + s + "'");
            }
        }
        return out;
    }
}
