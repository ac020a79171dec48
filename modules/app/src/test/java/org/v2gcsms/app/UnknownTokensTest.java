package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.api.TestStation;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import picocli.CommandLine;

/**
 * {@code unknown-tokens=reject|accept}: how an id token the CSMS does not have is answered, from the command
 * line, the environment ({@code CSMS_UNKNOWN_TOKENS}) or the config file, and what a station over a real
 * WebSocket gets for it.
 */
class UnknownTokensTest {
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"Acme\","
            + "\"model\":\"V2G-50\"}}";
    private static final String STRANGER = "{\"idToken\":{\"idToken\":\"STRANGER-42\",\"type\":\"ISO14443\"}}";

    @TempDir
    Path dir;

    @Test
    void anUnknownTokenIsAcceptedWhenThePolicySaysAcceptAndUnknownOtherwise() throws Exception {
        assertEquals("Accepted", authorize(CsmsSettings.local(0, dir.resolve("accepting"))
                .withUnknownTokens(UnknownTokenPolicy.ACCEPT)));
        assertEquals("Unknown", authorize(CsmsSettings.local(0, dir.resolve("default"))), "reject by default");
    }

    private String authorize(CsmsSettings settings) throws Exception {
        try (Csms csms = Csms.start(settings.withConfigDir(dir.resolve("no-config")))) {
            TestStation cs = TestStation.connect(csms.ocppUrl(), "CS-TOKENS", "ocpp2.1");
            assertEquals("Accepted", cs.ok("BootNotification", BOOT).get("status").getAsString());
            String status = cs.ok("Authorize", STRANGER).getAsJsonObject("idTokenInfo").get("status").getAsString();
            cs.closeBlocking();
            return status;
        }
    }

    @Test
    void thePolicyComesFromCommandLineThenEnvironmentThenFileThenDefault() throws Exception {
        assertEquals(UnknownTokenPolicy.REJECT, policy(Map.of("CSMS_CONFIG", "")));
        Path file = dir.resolve("csms.properties");
        Files.writeString(file, "unknown-tokens=accept\n");
        assertEquals(UnknownTokenPolicy.ACCEPT, policy(Map.of(), "--config", file.toString()));
        assertEquals(UnknownTokenPolicy.REJECT,
                policy(Map.of("CSMS_UNKNOWN_TOKENS", "reject"), "--config", file.toString()));
        assertEquals(UnknownTokenPolicy.ACCEPT, policy(Map.of("CSMS_CONFIG", "", "CSMS_UNKNOWN_TOKENS", "ACCEPT")));
        assertEquals(UnknownTokenPolicy.REJECT, policy(Map.of("CSMS_UNKNOWN_TOKENS", "accept"),
                "--config", file.toString(), "--unknown-tokens", "reject"));
    }

    private UnknownTokenPolicy policy(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setDefaultValueProvider(new SettingsDefaults(env, SettingsDefaults.configArgument(args)))
                .setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return serve.settings().unknownTokens();
    }
}
