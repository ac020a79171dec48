package org.v2gcsms.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * Checks frames against the official OCA schemas in {@code ocpp.schemas.dir} with an independent validator
 * (networknt), so the simulator's own validation is not the only judge of what it sends.
 */
final class OfficialSchemaCheck {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<Path, Schema> schemas = new ConcurrentHashMap<>();
    /** The action of each CALL the CSMS sent, by message id, per station: CALLRESULTs name none. */
    private final Map<String, String> csmsCalls = new ConcurrentHashMap<>();

    static Path dir() {
        String configured = System.getProperty("ocpp.schemas.dir");
        Path dir = Path.of(configured != null ? configured : "../../../shared/ocpp/schemas");
        if (!Files.isDirectory(dir.resolve("v201"))) {
            throw new IllegalStateException("official schemas not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** Remembers what the CSMS asked, so the station's answer can be checked. */
    void received(String stationId, String frame) {
        JsonArray a = JsonParser.parseString(frame).getAsJsonArray();
        if (a.get(0).getAsInt() == 2) {
            csmsCalls.put(stationId + "/" + a.get(1).getAsString(), a.get(2).getAsString());
        }
    }

    /**
     * The payload name and the schema errors of one frame a station sent; errors empty when valid.
     */
    Result check(String stationId, OcppVersion version, String frame) {
        JsonArray a = JsonParser.parseString(frame).getAsJsonArray();
        int type = a.get(0).getAsInt();
        String payloadName;
        String payload;
        switch (type) {
            case 2 -> {
                payloadName = a.get(2).getAsString() + "Request";
                payload = a.get(3).toString();
            }
            case 3 -> {
                payloadName = csmsCalls.get(stationId + "/" + a.get(1).getAsString()) + "Response";
                payload = a.get(2).toString();
            }
            default -> {
                return new Result("CALLERROR", List.of("station sent " + frame));
            }
        }
        Path file = dir().resolve(version.name().toLowerCase(Locale.ROOT)).resolve(payloadName + ".json");
        Schema schema = schemas.computeIfAbsent(file, f -> {
            try (InputStream in = Files.newInputStream(f)) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> errors = new ArrayList<>();
        for (Error e : schema.validate(payload, InputFormat.JSON)) {
            errors.add(e.toString());
        }
        return new Result(version.subprotocol() + " " + payloadName, errors);
    }

    record Result(String payloadName, List<String> errors) {}
}
