package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The longest a session may last from plug-in: a duration, or no limit ({@link Off}). */
public sealed interface MaxDuration {

    MaxDuration OFF = new Off();

    /** S1: Korea's public fast chargers stop a session after 40 minutes. */
    MaxDuration DEFAULT = new After(Duration.ofMinutes(40));

    record Off() implements MaxDuration {
        @Override
        public String toString() {
            return "off";
        }
    }

    record After(Duration length) implements MaxDuration {
        public After {
            Objects.requireNonNull(length, "length");
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a maximum session duration must be positive, was " + length);
            }
        }

        @Override
        public String toString() {
            return MaxDuration.format(length);
        }
    }

    /** The duration, empty when off. */
    default Optional<Duration> duration() {
        return this instanceof After a ? Optional.of(a.length()) : Optional.empty();
    }

    static MaxDuration of(Duration duration) {
        return duration == null ? OFF : new After(duration);
    }

    /** Reads {@code off}, {@code 40m}, {@code 90s}, {@code 1h30m} or an ISO-8601 duration ({@code PT40M}). */
    static MaxDuration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("none") || t.equals("0")) {
            return OFF;
        }
        return new After(parseDuration(t));
    }

    /** A duration as {@code 1h30m}, {@code 40m}, {@code 90s}, {@code 250ms} or ISO-8601. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        Matcher m = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(t);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 40m, 90s, 1h30m or off)");
        }
        return d;
    }

    private static String format(Duration d) {
        if (d.toSecondsPart() == 0 && d.toMillisPart() == 0) {
            return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
        }
        return d.toMillisPart() == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
