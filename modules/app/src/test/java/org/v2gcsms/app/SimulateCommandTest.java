package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./csms simulate} against our own CSMS: a mixed site runs without protocol errors and exits 0. */
class SimulateCommandTest {

    @Test
    void aMixedSiteRunsCleanAgainstOurCsms(@TempDir Path dataDir) throws Exception {
        try (Csms csms = Csms.start(CsmsSettings.local(0, dataDir))) {
            StringWriter output = new StringWriter();
            int exit = new CommandLine(new SimulateCommand()).setOut(new PrintWriter(output, true)).execute(
                    "--csms", csms.ocppUrl().toString(), "--stations", "6", "--duration", "6s", "--speed-up", "120",
                    "--arrival-rate", "60", "--progress", "2s");
            assertEquals(0, exit, output.toString());
            assertTrue(output.toString().contains("No protocol errors."), output.toString());
        }
    }

    @Test
    void aCsmsThatIsNotThereIsReportedAndExitsOne() {
        StringWriter output = new StringWriter();
        int exit = new CommandLine(new SimulateCommand()).setOut(new PrintWriter(output, true)).execute(
                "--csms", "ws://127.0.0.1:1/ocpp", "--stations", "2", "--duration", "2s");
        assertEquals(1, exit, output.toString());
        assertTrue(output.toString().contains("UNEXPECTED_DISCONNECT"), output.toString());
        assertTrue(output.toString().contains("NOT_ACCEPTED"), output.toString());
    }
}
