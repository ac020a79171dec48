package org.v2gcsms.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./csms} command line. Each subcommand is one thing an operator or a harness runs. */
@Command(name = "csms", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "v2g-csms: a charge-point management system for bidirectional (V2G) charging.",
        subcommands = {ServeCommand.class, SimulateCommand.class, DemoCommand.class, ConformanceCommand.class, ScenarioCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    static CommandLine commandLine(String[] args) {
        return new CommandLine(new Main())
                .setDefaultValueProvider(new SettingsDefaults(System.getenv(), SettingsDefaults.configArgument(args)))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"v2g-csms " + (v == null ? "development build" : v)};
        }
    }
}
