package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.server.AutoRegistration;
import picocli.CommandLine;

/** Option precedence for {@code ./csms serve}: command line, then environment, then config file, then default. */
class SettingsDefaultsTest {
    @TempDir
    Path dir;

    private ServeCommand parse(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve)
                .setDefaultValueProvider(new SettingsDefaults(env, SettingsDefaults.configArgument(args)))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(args);
        return serve;
    }

    @Test
    void builtInDefaultsApplyWhenNothingElseIsGiven() {
        ServeCommand serve = parse(Map.of("CSMS_CONFIG", ""), "--data-dir", dir.toString());
        assertEquals(CsmsSettings.DEFAULT_PORT, serve.port);
        assertEquals(AutoRegistration.ACCEPT, serve.autoRegister);
        assertEquals("/ocpp", serve.pathPrefix);
    }

    @Test
    void configFileBeatsDefaultsEnvironmentBeatsFileCommandLineBeatsAll() throws Exception {
        Path file = dir.resolve("csms.properties");
        Files.writeString(file, "port=9001\nauto-register=pending\nheartbeat-interval=120\n");

        ServeCommand fromFile = parse(Map.of(), "--config", file.toString());
        assertEquals(9001, fromFile.port);
        assertEquals(AutoRegistration.PENDING, fromFile.autoRegister);
        assertEquals(120, fromFile.heartbeatInterval);

        ServeCommand fromEnv = parse(Map.of("CSMS_PORT", "9002", "CSMS_AUTO_REGISTER", "reject"), "--config", file.toString());
        assertEquals(9002, fromEnv.port);
        assertEquals(AutoRegistration.REJECT, fromEnv.autoRegister);
        assertEquals(120, fromEnv.heartbeatInterval, "keys the environment does not set still come from the file");

        ServeCommand fromArgs = parse(Map.of("CSMS_PORT", "9002"), "--config=" + file, "--port", "9003");
        assertEquals(9003, fromArgs.port);
    }

    @Test
    void configFileCanComeFromTheEnvironment() throws Exception {
        Path file = dir.resolve("other.properties");
        Files.writeString(file, "path-prefix=/stations\n");
        assertEquals("/stations", parse(Map.of("CSMS_CONFIG", file.toString())).pathPrefix);
    }

    @Test
    void aBadValueIsRefusedNamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new String[0]);
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("serve", "--auto-register", "sometimes", "--data-dir", dir.toString());
        assertNotEquals(0, exit);
        assertTrue(err.toString().contains("--auto-register"), err.toString());
    }

    @Test
    void aMissingConfigFileIsReportedWithItsPath() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new String[] {"serve", "--config", dir.resolve("nope.properties").toString()});
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("serve", "--config", dir.resolve("nope.properties").toString());
        assertNotEquals(0, exit);
        assertTrue(err.toString().contains("nope.properties"), err.toString());
    }
}
