package org.v2gcsms.control.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.v2gcsms.control.planner.Planner;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Tariff;

/** Entry points of {@code ./csms scenario s1|s2}: run the scenario from the config directory, write to {@code out}. */
public final class Scenarios {

    private Scenarios() {}

    public static void s1(Path config, Path out, PrintStream print) throws IOException {
        S1Scenario s1 = new S1Scenario(LoadProfile.load(config.resolve("loads/s1-district.csv")),
                Tariff.load(config.resolve("tariffs/s1-fast-charging-tou.properties")),
                FleetModel.load(config.resolve("fleets/s1-korea.csv")), new Planner(), S1Scenario.Options.defaults());
        S1Report.write(s1.run(), out, print);
    }

    public static void s2(Path config, Path out, PrintStream print) throws IOException {
        S2Scenario s2 = new S2Scenario(FleetModel.load(config.resolve("fleets/s1-korea.csv")), 2023);
        S2Report.write(s2.conventional(), s2.lp(), out, print);
    }
}
