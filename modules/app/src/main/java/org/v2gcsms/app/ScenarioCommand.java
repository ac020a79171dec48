package org.v2gcsms.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.v2gcsms.control.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./csms scenario s1|s2|lom}: reproduces the seed papers' case studies with the control module's planner,
 * or runs the loss-of-mains fault injection against the composed CSMS.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Reproduce S1 (40-minute V2G + ToU case study: table.csv, load-curve plots) or S2 (cost-minimising "
                + "energy exchange), or run lom (grid trip mid-discharge, a flap inside the enter-service delay, "
                + "recovery through the ramp: timeline.csv, timeline.png).")
final class ScenarioCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "s1, s2 or lom")
    String name;

    @Option(names = "--out", defaultValue = "scenario-out", paramLabel = "DIR",
            description = "where table.csv and the plots go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--config", defaultValue = "config", paramLabel = "DIR",
            description = "configuration directory with loads/, tariffs/, fleets/ and gridcodes/ (default ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--preset", defaultValue = "ieee1547-cat2", paramLabel = "NAME",
            description = "lom: the grid-code preset (a file name in gridcodes/) (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--speed-up", defaultValue = "20", paramLabel = "X",
            description = "lom: simulated seconds per real second (default ${DEFAULT-VALUE})")
    double speedUp;

    @Override
    public Integer call() throws Exception {
        PrintStream print = System.out;
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "s1" -> Scenarios.s1(config, out, print);
            case "s2" -> Scenarios.s2(config, out, print);
            case "lom" -> {
                LomScenario.Settings d = LomScenario.Settings.defaults(preset);
                new LomScenario(new LomScenario.Settings(preset, d.stations(), d.dischargeKw(), speedUp,
                        d.overrides()), print).run(config, out);
            }
            default -> {
                System.err.println("unknown scenario '" + name + "': use s1, s2 or lom");
                return 2;
            }
        }
        return 0;
    }
}
