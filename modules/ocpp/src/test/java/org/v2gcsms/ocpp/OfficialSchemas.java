package org.v2gcsms.ocpp;

import com.google.gson.JsonObject;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OCA schema files from the team's shared folder ({@code ocpp.schemas.dir}, set by surefire), and an
 * independent validator over them (networknt json-schema-validator) to hold ours against.
 */
final class OfficialSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<Path, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OfficialSchemas() {
    }

    static Path dir() {
        String configured = System.getProperty("ocpp.schemas.dir");
        Path dir = Path.of(configured != null ? configured : "../../../shared/ocpp/schemas");
        if (!Files.isDirectory(dir.resolve("v201"))) {
            throw new IllegalStateException("Official schemas not found at " + dir.toAbsolutePath()
                    + ": run the tests through Maven, which sets ocpp.schemas.dir");
        }
        return dir;
    }

    static Path file(OcppVersion version, String payloadName) {
        return dir().resolve(version.name().toLowerCase(Locale.ROOT)).resolve(payloadName + ".json");
    }

    static JsonObject read(OcppVersion version, String payloadName) {
        try {
            return JsonParser.parseString(Files.readString(file(version, payloadName))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What networknt finds wrong with the payload; empty when it is valid. */
    static List<Error> errors(OcppVersion version, String payloadName, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(file(version, payloadName), f -> {
            try (InputStream in = Files.newInputStream(f)) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(json, InputFormat.JSON);
    }
}
