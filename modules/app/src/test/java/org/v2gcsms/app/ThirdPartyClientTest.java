package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standards-conforming third-party OCPP 2.0.1 client library (ocpp-rpc from npm, strict mode: it checks
 * its own calls and our responses against the OCA schemas) boots, heartbeats and reports status.
 * The build installs it (npm ci in process-test-resources).
 */
class ThirdPartyClientTest {
    private static final Path CHECK_DIR = Path.of("src/test/node/ocpp-rpc-check");

    @TempDir
    Path dataDir;
    Csms csms;

    @BeforeEach
    void start() throws Exception {
        csms = Csms.start(CsmsSettings.local(0, dataDir));
    }

    @AfterEach
    void stop() {
        csms.close();
    }

    @Test
    void bootHeartbeatAndStatusFromStrictThirdPartyClientAreAccepted() throws Exception {
        assertTrue(Files.isDirectory(CHECK_DIR.resolve("node_modules/ocpp-rpc")),
                "ocpp-rpc is not installed: run the build (it runs npm ci in " + CHECK_DIR + ")");
        String endpoint = csms.ocppUrl().toString().replaceAll("/$", "");
        Process node = new ProcessBuilder("node", "check.mjs", endpoint, "RPC-STRICT-1")
                .directory(CHECK_DIR.toFile()).redirectErrorStream(true).start();
        boolean finished = node.waitFor(60, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            node.destroyForcibly();
        }
        assertTrue(finished, "third-party client did not finish within 60 s:\n" + output);
        assertEquals(0, node.exitValue(), "third-party client reported a failure:\n" + output);
        assertTrue(output.contains("\"step\":\"BootNotification\"") && output.contains("\"status\":\"Accepted\""), output);
        assertTrue(output.contains("\"step\":\"Heartbeat\""), output);
        assertTrue(output.contains("\"step\":\"StatusNotification\""), output);
        assertTrue(output.contains("\"step\":\"done\""), output);
    }

}
