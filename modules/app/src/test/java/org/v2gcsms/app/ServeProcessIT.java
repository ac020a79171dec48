package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csms serve} as an operator runs it: a separate JVM from the shaded jar, configured by a config file
 * and the environment, serving /health and stations, and stopping gracefully on SIGTERM (Ctrl-C).
 */
class ServeProcessIT {
    private static final Pattern STATIONS_URL = Pattern.compile("Stations: (ws://\\S+/)<stationId>");

    @TempDir
    Path dir;
    Process csms;

    @AfterEach
    void kill() {
        if (csms != null) {
            csms.destroyForcibly();
        }
    }

    @Test
    void servesHealthAndStationsThenStopsGracefullyOnSigterm() throws Exception {
        Path config = dir.resolve("csms.properties");
        Files.writeString(config, "host=127.0.0.1\nheartbeat-interval=60\n");
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-jar", System.getProperty("csms.jar"), "serve",
                "--config", config.toString(), "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true);
        pb.environment().putAll(Map.of("CSMS_PORT", "0"));
        csms = pb.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<String> stationsUrl = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> readLines(output, stationsUrl));

        String ocpp = stationsUrl.get(60, TimeUnit.SECONDS);
        URI health = URI.create(ocpp.replace("ws://", "http://").replaceAll("/ocpp/$", "/health"));
        HttpResponse<String> up = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, up.statusCode(), up.body());

        Station station = new Station(URI.create(ocpp + "PROC-1"));
        assertTrue(station.connectBlocking(10, TimeUnit.SECONDS), "station could not connect");
        station.send("[2,\"1\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}]");
        String boot = station.replies.get(10, TimeUnit.SECONDS);
        assertTrue(boot.contains("\"status\":\"Accepted\"") && boot.contains("\"interval\":60"), boot);

        // SIGTERM, what `docker stop` sends (Ctrl-C is SIGINT, handled alike). Through the handle: Process.destroy()
        // would also close our end of the output pipe.
        assertTrue(csms.toHandle().destroy(), "could not signal the CSMS");
        assertEquals(1001, station.closeCode.get(15, TimeUnit.SECONDS), "station socket closed with 1001 going away");
        assertTrue(csms.waitFor(30, TimeUnit.SECONDS), "CSMS did not exit after SIGTERM:\n" + String.join("\n", output));
        assertTrue(reader.join(java.time.Duration.ofSeconds(10)), "CSMS output did not end");
        assertTrue(output.stream().anyMatch(l -> l.contains("CSMS stopped")), String.join("\n", output));
        assertTrue(Files.readString(dir.resolve("data/logs/csms.log")).contains("PROC-1 booted"),
                "the log file under the data directory records the boot");
    }

    private void readLines(List<String> output, CompletableFuture<String> stationsUrl) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(csms.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.add(line);
                Matcher m = STATIONS_URL.matcher(line);
                if (m.find()) {
                    stationsUrl.complete(m.group(1));
                }
            }
            stationsUrl.completeExceptionally(new AssertionError("CSMS exited early:\n" + String.join("\n", output)));
        } catch (Exception e) {
            stationsUrl.completeExceptionally(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static final class Station extends WebSocketClient {
        final CompletableFuture<String> replies = new CompletableFuture<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

        Station(URI uri) {
            super(uri, new Draft_6455(List.of(), List.of(new Protocol("ocpp2.0.1"))));
        }

        @Override public void onOpen(ServerHandshake handshake) {}
        @Override public void onMessage(String message) { replies.complete(message); }
        @Override public void onClose(int code, String reason, boolean remote) { closeCode.complete(code); }
        @Override public void onError(Exception ex) { replies.completeExceptionally(ex); }
    }
}
