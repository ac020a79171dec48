package org.v2gcsms.conformance.harness;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one test id.
 *
 * @param testClass    the class holding the case; empty when no case exists for the id
 * @param detail       the failure message, the not-applicable reason, or empty
 * @param knownReason  the {@code @Pending} reason the code gives for a known failure, or empty
 * @param failureTrace the stack trace of a failure, or empty
 */
public record CaseResult(String id, String testClass, Status status, Duration time, String detail,
                         String knownReason, String failureTrace) {

    public enum Status { PASSED, FAILED, NOT_APPLICABLE, MISSING }

    public List<Profiles> profiles() {
        return Profiles.of(id);
    }

    /** One line for tables: "passing", "failing: why", "not applicable: why", "missing: no case". */
    public String statusText() {
        return switch (status) {
            case PASSED -> knownReason.isEmpty() ? "passing" : "passing (still tagged pending: remove the tag)";
            case FAILED -> "failing: " + (knownReason.isEmpty() || knownReason.equals(firstLine(detail))
                    ? firstLine(detail) : knownReason + " — " + firstLine(detail));
            case NOT_APPLICABLE -> "not applicable: " + detail;
            case MISSING -> "missing: no case implements this id";
        };
    }

    static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
