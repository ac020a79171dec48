package org.v2gcsms.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A configuration directory for a test: the shipped presets, loads and tariffs, plus the sites a test writes. */
final class SiteConfigDir {
    static final Path SHIPPED = Path.of("../../config");

    private SiteConfigDir() {}

    /** Copies gridcodes/, loads/ and tariffs/ from the shipped config into {@code dir}. */
    static Path create(Path dir) throws IOException {
        for (String sub : List.of("gridcodes", "loads", "tariffs")) {
            Files.createDirectories(dir.resolve(sub));
            try (var files = Files.list(SHIPPED.resolve(sub))) {
                for (Path p : files.toList()) {
                    Files.copy(p, dir.resolve(sub).resolve(p.getFileName()));
                }
            }
        }
        Files.createDirectories(dir.resolve("sites"));
        Files.createDirectories(dir.resolve("grid-safety"));
        return dir;
    }

    /** Writes {@code sites/<id>.properties} (base load and tariff are filled in when the text has none). */
    static void site(Path dir, String id, String properties) throws IOException {
        String text = properties;
        if (!text.contains("base-load")) {
            text += "\nbase-load=loads/depot-base.csv";
        }
        if (!text.contains("tariff")) {
            text += "\ntariff=tariffs/s1-flat.properties";
        }
        Files.writeString(dir.resolve("sites").resolve(id + ".properties"), text + "\n");
    }

    /** Writes {@code grid-safety/<id>.properties}. */
    static void gridSafety(Path dir, String id, String properties) throws IOException {
        Files.writeString(dir.resolve("grid-safety").resolve(id + ".properties"), properties + "\n");
    }
}
