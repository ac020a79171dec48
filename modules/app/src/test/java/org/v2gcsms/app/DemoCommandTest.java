package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertPrintedAdminKeyReadsStations(output.toString(), port, running);

        // EVs arrive (about 8 per simulated minute here), are authorised and charge.
        assertTrue(running.simulation().log().awaitSessionsStarted(1, java.time.Duration.ofSeconds(60)),
                running.simulation().log().snapshot().toString());

        demo.stop.complete(null);
        assertEquals(0, exit.get(2, TimeUnit.MINUTES), output.toString());
        assertTrue(output.toString().contains("Stopping: simulator first, then the CSMS"), output.toString());
        assertTrue(output.toString().contains("Done after"), "the simulator reported its run: " + output);
        assertEquals(java.util.List.of(), running.simulation().log().problems(), "no protocol errors");
        assertTrue(output.toString().contains("No protocol errors."), output.toString());
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close(), "the CSMS no longer listens");
    }

    /** The admin key and URLs the demo printed work: the key lists the simulated stations through the API. */
    private static void assertPrintedAdminKeyReadsStations(String output, int port, DemoCommand.Running running)
            throws Exception {
        Matcher key = Pattern.compile("Admin API key: (\\S+)").matcher(output);
        assertTrue(key.find(), "the demo prints an admin API key: " + output);
        assertEquals(running.adminApiKey(), key.group(1));
        assertTrue(output.contains("Dashboard: http://127.0.0.1:" + port + "/#key="), output);
        assertTrue(output.contains("API:     http://127.0.0.1:" + port + "/api/v1"), output);
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI stations = URI.create("http://127.0.0.1:" + port + "/api/v1/stations");
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(stations)
                    .header("Authorization", "Bearer " + key.group(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            for (SimulatedStation station : running.simulation().stations()) {
                assertTrue(ok.body().contains("\"id\":\"" + station.id() + "\""), ok.body());
            }
            assertEquals(401, http.send(HttpRequest.newBuilder(stations)
                    .header("Authorization", "Bearer not-" + key.group(1)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a wrong key is refused");
        }
    }
}
