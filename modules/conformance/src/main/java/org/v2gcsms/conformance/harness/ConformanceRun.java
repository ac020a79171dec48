package org.v2gcsms.conformance.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.v2gcsms.conformance.kit.CsmsTarget;
import org.v2gcsms.conformance.kit.OfficialSchemas;
import org.v2gcsms.conformance.kit.StationTls;
import org.v2gcsms.conformance.kit.Pending;

/**
 * Runs the conformance cases of the chosen profiles against one CSMS with the JUnit Platform launcher, prints
 * progress and a pass/fail table per test id, and writes {@code report.md} and {@code junit.xml}.
 */
public final class ConformanceRun {
    static final String CASES_PACKAGE = "org.v2gcsms.conformance.cases";

    /**
     * @param csms     where stations connect, e.g. {@code ws://host:8180/ocpp}
     * @param api      the back-office API base, e.g. {@code http://host:8180}
     * @param apiKey   an admin API key of that CSMS
     * @param schemas  the directory holding {@code v201/} and {@code v21/}
     * @param out      where report.md and junit.xml go; empty: no files
     * @param tlsCsms  the same CSMS's wss:// endpoint, for the TLS cases; empty: they fail, saying so
     * @param tlsTrust PEM certificates the stations trust for that endpoint; empty: the JDK's trust store
     */
    public record Options(URI csms, URI api, String apiKey, List<Profiles> profiles, Path schemas,
                          Optional<Path> out, Optional<URI> tlsCsms, Optional<Path> tlsTrust) {}

    private final Options options;
    private final PrintStream console;

    public ConformanceRun(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    /** Runs the cases; returns every selected id's result, in profile order. */
    public List<CaseResult> run() throws IOException {
        System.setProperty(CsmsTarget.CSMS, options.csms().toString());
        System.setProperty(CsmsTarget.API, options.api().toString());
        System.setProperty(CsmsTarget.API_KEY, options.apiKey());
        options.tlsCsms().ifPresent(url -> System.setProperty(CsmsTarget.TLS_CSMS, url.toString()));
        options.tlsTrust().ifPresent(pem -> System.setProperty(StationTls.TRUST, pem.toAbsolutePath().toString()));
        System.setProperty(OfficialSchemas.DIR_PROPERTY, options.schemas().toString());
        OfficialSchemas.configured();
        return runSelected(Profiles.idsOf(options.profiles()));
    }

    /** Runs the cases with these ids against the CSMS the system properties name (or an in-process one). */
    List<CaseResult> runSelected(Set<String> ids) throws IOException {
        Map<String, CaseResult> results = new ConcurrentHashMap<>();
        Launcher launcher = LauncherFactory.create();
        // Our own 2.1 cases run last, so whatever they do to a CSMS cannot colour the official ones.
        Set<String> official = new java.util.LinkedHashSet<>(ids);
        official.removeAll(Profiles.V2X_CASES);
        Set<String> v2x = new java.util.LinkedHashSet<>(ids);
        v2x.retainAll(Profiles.V2X_CASES);
        TestPlan first = launcher.discover(request(official));
        TestPlan second = launcher.discover(request(v2x));
        long total = first.countTestIdentifiers(TestIdentifier::isTest) + second.countTestIdentifiers(
                TestIdentifier::isTest);
        console.printf("conformance: %d cases (%s) against %s%n", total, String.join(", ",
                options.profiles().stream().map(Profiles::key).toList()), options.csms());
        Progress progress = new Progress(results, total);
        launcher.execute(first, progress);
        launcher.execute(second, progress);
        List<CaseResult> ordered = new ArrayList<>();
        for (String id : ids) {
            ordered.add(results.getOrDefault(id, new CaseResult(id, "", CaseResult.Status.MISSING, Duration.ZERO,
                    "", "", "")));
        }
        Report report = new Report(ordered, options);
        console.println();
        console.print(report.table());
        console.println(report.summaryLine());
        if (options.out().isPresent()) {
            Path dir = options.out().get();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), report.markdown());
            Files.writeString(dir.resolve("junit.xml"), report.junitXml());
            console.println("conformance: wrote " + dir.resolve("report.md") + " and " + dir.resolve("junit.xml"));
        }
        return ordered;
    }

    /** True when no case failed and none is missing (not applicable ones do not count against). */
    public static boolean allPassed(List<CaseResult> results) {
        return results.stream().noneMatch(r -> r.status() == CaseResult.Status.FAILED
                || r.status() == CaseResult.Status.MISSING);
    }

    private static LauncherDiscoveryRequest request(Set<String> ids) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(CASES_PACKAGE))
                .filters((PostDiscoveryFilter) d -> d.getSource()
                        .filter(MethodSource.class::isInstance)
                        .map(s -> FilterResult.includedIf(ids.contains(((MethodSource) s).getMethodName())))
                        .orElse(FilterResult.included("container")))
                .build();
    }

    /** Prints one line per finished case and keeps its result. */
    private final class Progress implements TestExecutionListener {
        private final Map<String, CaseResult> results;
        private final Map<String, Long> started = new LinkedHashMap<>();
        private final long total;
        private int done;

        Progress(Map<String, CaseResult> results, long total) {
            this.results = results;
            this.total = total;
        }

        @Override
        public synchronized void executionStarted(TestIdentifier t) {
            if (t.isTest()) {
                started.put(t.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier t, String reason) {
            if (t.isTest()) {
                record(t, CaseResult.Status.NOT_APPLICABLE, reason, "", Duration.ZERO);
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier t, TestExecutionResult result) {
            if (!t.isTest()) {
                return;
            }
            Long start = started.remove(t.getUniqueId());
            Duration time = Duration.ofNanos(start == null ? 0 : System.nanoTime() - start);
            Throwable failure = result.getThrowable().orElse(null);
            String trace = "";
            if (failure != null) {
                StringWriter w = new StringWriter();
                failure.printStackTrace(new PrintWriter(w));
                trace = w.toString();
            }
            CaseResult.Status status = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                    ? CaseResult.Status.PASSED : CaseResult.Status.FAILED;
            record(t, status, failure == null ? "" : String.valueOf(failure.getMessage()), trace, time);
        }

        private void record(TestIdentifier t, CaseResult.Status status, String detail, String trace, Duration time) {
            MethodSource source = (MethodSource) t.getSource().orElseThrow();
            String id = source.getMethodName();
            String pending = pendingReason(source);
            results.put(id, new CaseResult(id, source.getClassName(), status, time, detail, pending, trace));
            done++;
            console.printf("[%d/%d] %-34s %s (%.1f s)%n", done, total, id, switch (status) {
                case PASSED -> "PASS";
                case FAILED -> "FAIL";
                case NOT_APPLICABLE -> "N/A ";
                case MISSING -> "MISSING";
            }, time.toMillis() / 1000.0);
        }
    }

    private static String pendingReason(MethodSource source) {
        try {
            Method m = source.getJavaMethod();
            Pending p = m.getAnnotation(Pending.class);
            return p == null ? "" : p.value();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
