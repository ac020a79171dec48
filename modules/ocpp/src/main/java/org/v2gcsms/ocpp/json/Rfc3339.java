package org.v2gcsms.ocpp.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * OCPP date-times: any RFC 3339 {@code date-time} in ({@code 2024-05-06T07:08:09.5+02:00}, lower-case {@code t} and
 * {@code z} too, any number of fraction digits, a leap second 60 read as the next second), ISO-8601 UTC out
 * ({@code 2024-05-06T05:08:09.500Z}, the form {@link Instant#toString()} writes). Hand-written rather than a
 * {@code DateTimeFormatter}: it is on the hot path of every timestamped message, and the JDK's ISO parsers accept
 * forms RFC 3339 forbids (no seconds, "+02" offsets).
 */
public final class Rfc3339 {
    private Rfc3339() {
    }

    /** The instant the text names, or {@code null} when it is not an RFC 3339 date-time. */
    public static Instant parseOrNull(String s) {
        int n = s.length();
        // yyyy-mm-ddThh:mm:ss is 19 characters, plus at least "Z".
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) | 0x20) != 't'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour > 23 || minute > 59 || second > 60
                || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = s.charAt(i);
        if ((sign | 0x20) == 'z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 23 || om > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) { // e.g. February 30
            return null;
        }
    }

    /** ISO-8601 in UTC with a {@code Z}; fraction digits only when needed, in groups of three. */
    public static String format(Instant instant) {
        return instant.toString();
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
