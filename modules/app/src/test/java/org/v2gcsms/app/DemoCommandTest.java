package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.simulator.SimulatedStation;
import picocli.CommandLine;

/** {@code ./csms demo} starts the CSMS and the simulated site, serves (stations boot), and stops cleanly. */
class DemoCommandTest {

    @Test
    void demoStartsServesAndStopsCleanly(@TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DemoCommand demo = new DemoCommand();
        StringWriter output = new StringWriter();
        CommandLine cl = new CommandLine(demo).setOut(new PrintWriter(output, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("--port", "" + port,
                "--data-dir", dataDir.toString(), "--stations", "4", "--speed-up", "60", "--arrival-rate", "480", "--progress", "1s"));

        DemoCommand.Running running = demo.running.get(60, TimeUnit.SECONDS);
        assertEquals(4, running.simulation().stations().size());
        for (SimulatedStation station : running.simulation().stations()) {
            station.booted().get(30, TimeUnit.SECONDS);
            assertTrue(running.csms().stations().isConnected(station.id()), station.id() + " connected to the CSMS");
        }
        assertTrue(output.toString().contains("Stations connect to ws://127.0.0.1:" + port + "/ocpp/"), output.toString());

        // EVs arrive (about 8 per simulated minute here), are authorised and charge.
        assertTrue(running.simulation().log().awaitSessionsStarted(1, java.time.Duration.ofSeconds(60)),
                running.simulation().log().snapshot().toString());

        demo.stop.complete(null);
        assertEquals(0, exit.get(2, TimeUnit.MINUTES), output.toString());
        assertTrue(output.toString().contains("Stopping: simulator first, then the CSMS"), output.toString());
        assertTrue(output.toString().contains("Done after"), "the simulator reported its run: " + output);
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close(), "the CSMS no longer listens");
    }
}
