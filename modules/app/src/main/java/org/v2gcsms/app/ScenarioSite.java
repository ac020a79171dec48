package org.v2gcsms.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A configuration directory with one site for a scenario or benchmark run: the shipped grid-code presets, no
 * base load, a flat tariff, the site's stations and limits, and its grid-safety overrides.
 */
public final class ScenarioSite {
    private ScenarioSite() {}

    /**
     * Writes {@code config} (created) with presets copied from {@code shipped/gridcodes} and site {@code siteId}
     * of the stations matching {@code stations} (e.g. {@code LOM-*}), import and export limits of {@code kw},
     * under {@code preset} with each of {@code overrides} as {@code override.<key>}.
     */
    public static Path write(Path shipped, Path config, String siteId, String stations, double kw, String preset,
                             Map<String, String> overrides) throws IOException {
        Files.createDirectories(config.resolve("gridcodes"));
        try (var presets = Files.list(shipped.resolve("gridcodes"))) {
            for (Path p : presets.toList()) {
                Files.copy(p, config.resolve("gridcodes").resolve(p.getFileName()));
            }
        }
        Files.createDirectories(config.resolve("loads"));
        StringBuilder zero = new StringBuilder("time,kw\n");
        for (int h = 0; h < 24; h++) {
            zero.append(String.format("%02d:00,0%n", h));
        }
        Files.writeString(config.resolve("loads/none.csv"), zero);
        Files.createDirectories(config.resolve("tariffs"));
        Files.writeString(config.resolve("tariffs/flat.properties"),
                "currency=KRW\nband.all-day.hours=1-24\nband.all-day.import=100\nband.all-day.export=50\n");
        Files.createDirectories(config.resolve("sites"));
        Files.writeString(config.resolve("sites/" + siteId + ".properties"), "name=" + siteId + "\nstations="
                + stations + "\nimport-limit-kw=" + kw + "\nexport-limit-kw=" + kw + "\nbase-load=loads/none.csv\n"
                + "tariff=tariffs/flat.properties\ngrid-code=" + preset + "\nobjective=cost\n");
        Files.createDirectories(config.resolve("grid-safety"));
        StringBuilder gs = new StringBuilder();
        overrides.forEach((k, v) -> gs.append("override.").append(k).append(" = ").append(v).append('\n'));
        Files.writeString(config.resolve("grid-safety/" + siteId + ".properties"), gs);
        return config;
    }
}
