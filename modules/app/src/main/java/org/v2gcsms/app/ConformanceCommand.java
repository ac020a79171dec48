package org.v2gcsms.app;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.v2gcsms.conformance.harness.CaseResult;
import org.v2gcsms.conformance.harness.ConformanceRun;
import org.v2gcsms.conformance.harness.Profiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./csms conformance run}: the OCTT-style conformance cases against any CSMS exposing our API. */
@Command(name = "conformance", mixinStandardHelpOptions = true, subcommands = ConformanceCommand.Run.class,
        description = "Conformance cases (one per OCPP 2.0.1 CSMS test id, plus OCPP 2.1 V2X/DER) against a CSMS.")
final class ConformanceCommand {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the cases of the given profiles; print a pass/fail table; exit 1 when any fails.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--csms", required = true, paramLabel = "URL",
                description = "where stations connect, without the station id, e.g. ws://localhost:8180/ocpp")
        URI csms;

        @Option(names = "--api", required = true, paramLabel = "URL",
                description = "the back-office API base, e.g. http://localhost:8180")
        URI api;

        @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:CSMS_ADMIN_API_KEY}",
                description = "an admin API key (stations and tokens are registered through it); "
                        + "default: $CSMS_ADMIN_API_KEY")
        String apiKey;

        @Option(names = "--tls-csms", paramLabel = "URL",
                description = "the same CSMS's wss:// endpoint, for the TLS cases (security profiles 2 and 3), "
                        + "e.g. wss://csms.example.com:8443/ocpp")
        URI tlsCsms;

        @Option(names = "--tls-trust", paramLabel = "PEM",
                description = "CA certificates the stations trust for --tls-csms (default: the JDK's trust store)")
        Path tlsTrust;

        @Option(names = "--profile", split = ",", defaultValue = "core", paramLabel = "PROFILE",
                description = "core, smart-charging, advanced-security, local-auth-list, reservation, "
                        + "advanced-device-management, advanced-ui, iso15118, unlisted, v2x or all; "
                        + "repeatable or comma-separated (default ${DEFAULT-VALUE})")
        List<String> profiles;

        @Option(names = "--out", paramLabel = "DIR", description = "write DIR/report.md and DIR/junit.xml")
        Path out;

        @Option(names = "--schemas", paramLabel = "DIR", defaultValue = "../shared/ocpp/schemas",
                description = "the official OCPP JSON schemas (holding v201/ and v21/), default ${DEFAULT-VALUE}")
        Path schemas;

        @Override
        public Integer call() throws Exception {
            List<Profiles> chosen = new ArrayList<>();
            for (String p : profiles) {
                if (p.equalsIgnoreCase("all")) {
                    chosen.addAll(List.of(Profiles.values()));
                } else {
                    chosen.add(Profiles.byKey(p));
                }
            }
            PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            List<CaseResult> results = new ConformanceRun(new ConformanceRun.Options(csms, api,
                    apiKey == null ? "" : apiKey, chosen.stream().distinct().toList(), schemas.toAbsolutePath(),
                    Optional.ofNullable(out), Optional.ofNullable(tlsCsms), Optional.ofNullable(tlsTrust)), console)
                    .run();
            return ConformanceRun.allPassed(results) ? 0 : 1;
        }
    }
}
