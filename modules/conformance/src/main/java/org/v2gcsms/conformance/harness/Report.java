package org.v2gcsms.conformance.harness;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The results of one run as a console table, a Markdown report and a JUnit XML file. */
final class Report {
    private final List<CaseResult> results;
    private final ConformanceRun.Options options;

    Report(List<CaseResult> results, ConformanceRun.Options options) {
        this.results = results;
        this.options = options;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        for (CaseResult r : results) {
            b.append(String.format("%-40s %-7s %s%n", r.id(), switch (r.status()) {
                case PASSED -> "PASS";
                case FAILED -> "FAIL";
                case NOT_APPLICABLE -> "N/A";
                case MISSING -> "MISSING";
            }, r.status() == CaseResult.Status.PASSED ? "" : r.statusText()));
        }
        return b.toString();
    }

    String summaryLine() {
        Map<CaseResult.Status, Integer> n = counts(results);
        return String.format("conformance: %d passed, %d failed, %d not applicable, %d missing (of %d)",
                n.get(CaseResult.Status.PASSED), n.get(CaseResult.Status.FAILED),
                n.get(CaseResult.Status.NOT_APPLICABLE), n.get(CaseResult.Status.MISSING), results.size());
    }

    private static Map<CaseResult.Status, Integer> counts(List<CaseResult> rs) {
        Map<CaseResult.Status, Integer> n = new EnumMap<>(CaseResult.Status.class);
        for (CaseResult.Status s : CaseResult.Status.values()) {
            n.put(s, 0);
        }
        rs.forEach(r -> n.merge(r.status(), 1, Integer::sum));
        return n;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Conformance report\n\n");
        b.append("CSMS `").append(options.csms()).append("`, API `").append(options.api()).append("`, run ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(".\n\n");
        b.append("| profile | cases | passing | failing | not applicable | missing |\n|---|---|---|---|---|---|\n");
        for (Profiles p : options.profiles()) {
            List<CaseResult> in = results.stream().filter(r -> p.ids().contains(r.id())).toList();
            Map<CaseResult.Status, Integer> n = counts(in);
            b.append("| ").append(p.title()).append(" | ").append(in.size()).append(" | ")
                    .append(n.get(CaseResult.Status.PASSED)).append(" | ").append(n.get(CaseResult.Status.FAILED))
                    .append(" | ").append(n.get(CaseResult.Status.NOT_APPLICABLE)).append(" | ")
                    .append(n.get(CaseResult.Status.MISSING)).append(" |\n");
        }
        for (Profiles p : options.profiles()) {
            b.append("\n## ").append(p.title()).append("\n\n| test id | status |\n|---|---|\n");
            for (CaseResult r : results) {
                if (p.ids().contains(r.id())) {
                    b.append("| ").append(r.id()).append(" | ").append(r.statusText().replace("|", "\\|")
                            .replace("\n", " ")).append(" |\n");
                }
            }
        }
        return b.toString();
    }

    String junitXml() {
        Map<CaseResult.Status, Integer> n = counts(results);
        double seconds = results.stream().map(CaseResult::time).reduce(Duration.ZERO, Duration::plus).toMillis()
                / 1000.0;
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format("<testsuite name=\"v2g-csms conformance\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
                        + "skipped=\"%d\" time=\"%.3f\" timestamp=\"%s\">%n", results.size(),
                n.get(CaseResult.Status.FAILED) + n.get(CaseResult.Status.MISSING),
                n.get(CaseResult.Status.NOT_APPLICABLE), seconds, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        for (CaseResult r : results) {
            b.append(String.format("  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    xml(r.testClass().isEmpty() ? "missing" : r.testClass()), xml(r.id()), r.time().toMillis() / 1000.0));
            switch (r.status()) {
                case PASSED -> b.append("/>\n");
                case FAILED -> b.append(">\n    <failure message=\"").append(xml(r.statusText())).append("\">")
                        .append(xml(r.failureTrace())).append("</failure>\n  </testcase>\n");
                case NOT_APPLICABLE -> b.append(">\n    <skipped message=\"").append(xml(r.detail()))
                        .append("\"/>\n  </testcase>\n");
                case MISSING -> b.append(">\n    <failure message=\"no case implements this id\"/>\n  </testcase>\n");
            }
        }
        b.append("</testsuite>\n");
        return b.toString();
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
