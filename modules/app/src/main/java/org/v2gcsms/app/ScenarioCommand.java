package org.v2gcsms.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.v2gcsms.control.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./csms scenario s1|s2}: reproduces the seed papers' case studies with the control module's planner. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Reproduce S1 (40-minute V2G + ToU case study: table.csv, load-curve plots) or S2 (cost-minimising energy exchange).")
final class ScenarioCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "s1 or s2")
    String name;

    @Option(names = "--out", defaultValue = "scenario-out", paramLabel = "DIR",
            description = "where table.csv and the plots go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--config", defaultValue = "config", paramLabel = "DIR",
            description = "configuration directory with loads/, tariffs/ and fleets/ (default ${DEFAULT-VALUE})")
    Path config;

    @Override
    public Integer call() throws Exception {
        PrintStream print = System.out;
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "s1" -> Scenarios.s1(config, out, print);
            case "s2" -> Scenarios.s2(config, out, print);
            default -> {
                System.err.println("unknown scenario '" + name + "': use s1 or s2");
                return 2;
            }
        }
        return 0;
    }
}
