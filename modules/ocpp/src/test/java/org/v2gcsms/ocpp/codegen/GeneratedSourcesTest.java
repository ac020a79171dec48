package org.v2gcsms.ocpp.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;

/** The committed message types are exactly what the generator writes from the shipped schemas today. */
class GeneratedSourcesTest {

    @Test
    void committedSourcesMatchTheGenerator() throws IOException {
        Path module = Path.of("");
        Map<Path, String> expected = OcppCodegen.generate(module);
        TreeSet<Path> committed = new TreeSet<>();
        for (OcppVersion version : OcppVersion.values()) {
            try (Stream<Path> files = Files.list(OcppCodegen.SOURCES.resolve(OcppCodegen.packageFolder(version)))) {
                files.forEach(committed::add);
            }
        }
        assertEquals(new TreeSet<>(expected.keySet()), committed,
                "generated files added or removed: run scripts/generate-ocpp.sh");
        List<Path> stale = new ArrayList<>();
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            if (!Files.readString(module.resolve(e.getKey()), StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        assertEquals(List.of(), stale, "generated files differ from the generator: run scripts/generate-ocpp.sh");
    }
}
