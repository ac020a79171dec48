package org.v2gcsms.gridsafety.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridCodesTest {
    static final Path DIR = Path.of("../../config/gridcodes");
    private static final Pattern CITATION = Pattern.compile("^#\\s*(V|U|NF)\\b.*");

    @Test
    void everyShippedPresetLoads() throws IOException {
        GridCodes codes = GridCodes.load(DIR);
        assertEquals(List.of("en50549-1", "ieee1547-cat2", "korea-kepco", "uk-g99", "vde-ar-n-4105"),
                codes.all().stream().map(GridCode::id).toList());
        GridCode ieee = codes.get("ieee1547-cat2");
        assertEquals(300, ieee.enterService().delayS());
        assertEquals(0.16, ieee.frequencyTripFor(56.0).orElseThrow().clearingS());
        assertEquals(300, ieee.frequencyTripFor(58.0).orElseThrow().clearingS());
        assertTrue(ieee.voltVar().isPresent());
        assertEquals(1.0, codes.get("uk-g99").lossOfMains().rocofHzPerS());
        assertEquals(60, codes.get("korea-kepco").nominalHertz());
        assertTrue(codes.get("vde-ar-n-4105").overVoltage10MinPu().isPresent());
    }

    /** Each value line is directly under a comment that starts with its provenance mark (V, U or NF). */
    @Test
    void everyValueCitesItsSource() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path f : files.toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("#") || line.startsWith("name")) {
                        continue;
                    }
                    String above = i > 0 ? lines.get(i - 1).strip() : "";
                    assertTrue(CITATION.matcher(above).matches() || (above.startsWith("#") && lines.subList(0, i)
                                    .reversed().stream().takeWhile(l -> l.strip().startsWith("#"))
                                    .anyMatch(l -> CITATION.matcher(l.strip()).matches())),
                            f.getFileName() + " line " + (i + 1) + " '" + line + "' has no V/U/NF citation above it");
                    if (above.startsWith("# NF")) {
                        assertTrue(above.contains("default") || above.contains("Operator-set")
                                        || lines.get(i - 2).contains("default"),
                                f.getFileName() + " line " + (i + 1) + ": an NF value must say it is an operator-set default");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {2}")
    @CsvSource({
            "enter-service.delay-s, -5, enter-service.delay-s",
            "ov2.pu, 1.05, ov2.pu",
            "ov2.clear-s, 3.0, ov2.clear-s",
            "uf1.clear-s, -1, uf1.clear-s",
            "enter-service.v-high-pu, 1.15, enter-service.v-high-pu",
            "enter-service.f-low-hz, 58.0, enter-service.f-low-hz",
            "enter-service.f-low-hz, 60.5, enter-service.f-low-hz",
            "uv1.pu, 1.2, uv1.pu",
            "droop.over, 1.5, droop.over",
            "ramp.enter-service-pct-per-s, 0, ramp.enter-service-pct-per-s",
            "rocof.hz-per-s, fast, rocof.hz-per-s",
            "export-limit-kw, -10, export-limit-kw",
            "volt-var.v3-pu, 0.9, volt-var.v3-pu",
            "trip-time, 1, trip-time",
    })
    void brokenPresetIsRefusedNamingTheField(String key, String value, String field) throws IOException {
        Properties p = GridCodes.read(DIR.resolve("ieee1547-cat2.properties"));
        p.setProperty(key, value);
        GridCodeException e = assertThrows(GridCodeException.class, () -> GridCodes.parse("x", p, "x.properties"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("x.properties: " + field), e.getMessage());
    }

    @Test
    void missingValueIsNamed() throws IOException {
        Properties p = GridCodes.read(DIR.resolve("uk-g99.properties"));
        p.remove("enter-service.delay-s");
        assertEquals("enter-service.delay-s",
                assertThrows(GridCodeException.class, () -> GridCodes.parse("g99", p, "g99")).field());
        Properties half = GridCodes.read(DIR.resolve("uk-g99.properties"));
        half.remove("uv2.clear-s");
        assertEquals("uv2.clear-s",
                assertThrows(GridCodeException.class, () -> GridCodes.parse("g99", half, "g99")).field());
    }

    @Test
    void everyShippedPresetBrokenIsRefused() throws IOException {
        GridCodes codes = GridCodes.load(DIR);
        for (GridCode c : codes.all()) {
            assertThrows(GridCodeException.class, () -> codes.withOverrides(c.id(),
                    Map.of("enter-service.delay-s", "-1"), "site"), c.id());
            assertThrows(GridCodeException.class, () -> codes.withOverrides(c.id(),
                    Map.of("enter-service.f-high-hz", String.valueOf(c.nominalHertz() + 5)), "site"), c.id());
        }
    }

    @Test
    void aSiteOverridesSingleValues(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        GridCodes codes = GridCodes.load(DIR);
        GridCode g = codes.withOverrides("uk-g99", Map.of("export-limit-kw", "250", "enter-service.delay-s", "60"),
                "site-a");
        assertEquals(250, g.exportLimitKw());
        assertEquals(60, g.enterService().delayS());
        assertEquals(1.0, g.lossOfMains().rocofHzPerS());
        assertEquals(0, codes.get("uk-g99").exportLimitKw());
        assertEquals("no-such-field", assertThrows(GridCodeException.class,
                () -> codes.withOverrides("uk-g99", Map.of("no-such-field", "1"), "site-a")).field());
        Files.writeString(tmp.resolve("bad.properties"), Files.readString(DIR.resolve("uk-g99.properties"))
                .replace("uf2.hz = 47.0", "uf2.hz = 48.0"));
        GridCodeException e = assertThrows(GridCodeException.class, () -> GridCodes.load(tmp));
        assertTrue(e.getMessage().contains("bad.properties") && e.field().equals("uf2.hz"), e.getMessage());
    }
}
