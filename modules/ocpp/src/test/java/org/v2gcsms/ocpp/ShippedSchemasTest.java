package org.v2gcsms.ocpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schemas the module ships are the OCA files, byte for byte (the 2.1 licence allows no derivatives). */
class ShippedSchemasTest {
    private static final Path SHIPPED = Path.of("src/main/resources/org/v2gcsms/ocpp/schemas");

    @ParameterizedTest(name = "{0}")
    @EnumSource(OcppVersion.class)
    void shippedSchemasAreByteIdenticalToTheOfficialOnes(OcppVersion version) throws IOException {
        String folder = version.name().toLowerCase(Locale.ROOT);
        Path official = OfficialSchemas.dir().resolve(folder);
        Path shipped = SHIPPED.resolve(folder);
        List<String> names = names(official);
        assertEquals(names, names(shipped), "the same files");
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(official.resolve(name)), Files.readAllBytes(shipped.resolve(name)),
                    name);
        }
        assertEquals(version == OcppVersion.V201 ? 128 : 181, names.size());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
