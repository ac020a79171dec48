package org.v2gcsms.conformance.kit;

import com.google.gson.JsonObject;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OCA JSON schemas (draft-06) judged by an independent validator (networknt), so that a bug in the
 * CSMS's own codec or validation cannot hide itself from the conformance cases.
 */
public final class OfficialSchemas {
    /** System property naming the directory that holds {@code v201/} and {@code v21/}. */
    public static final String DIR_PROPERTY = "ocpp.schemas.dir";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<Path, OfficialSchemas> BY_DIR = new ConcurrentHashMap<>();

    private final Path dir;
    private final Map<Path, Schema> schemas = new ConcurrentHashMap<>();

    private OfficialSchemas(Path dir) {
        this.dir = dir;
    }

    /** The schemas in {@code ocpp.schemas.dir} (default {@code ../shared/ocpp/schemas}). */
    public static OfficialSchemas configured() {
        String configured = System.getProperty(DIR_PROPERTY, "../shared/ocpp/schemas");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("v201"))) {
            throw new IllegalStateException("The official OCPP schemas are not at " + dir
                    + " (set -D" + DIR_PROPERTY + "=DIR or --schemas DIR; DIR holds v201/ and v21/)");
        }
        return BY_DIR.computeIfAbsent(dir, OfficialSchemas::new);
    }

    /**
     * The schema errors of one payload; empty when valid.
     *
     * @param subprotocol {@code ocpp2.0.1} or {@code ocpp2.1}
     * @param payloadName e.g. {@code SetChargingProfileRequest}
     */
    public List<String> errors(String subprotocol, String payloadName, JsonObject payload) {
        Path file = dir.resolve(versionDir(subprotocol)).resolve(payloadName + ".json");
        if (!Files.isRegularFile(file)) {
            return List.of("no official schema " + file.getFileName() + " for " + subprotocol
                    + " (unknown action?)");
        }
        Schema schema = schemas.computeIfAbsent(file, f -> {
            try (InputStream in = Files.newInputStream(f)) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(payload.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static String versionDir(String subprotocol) {
        return switch (subprotocol) {
            case "ocpp2.0.1" -> "v201";
            case "ocpp2.1" -> "v21";
            default -> throw new IllegalArgumentException("no schemas for " + subprotocol);
        };
    }
}
