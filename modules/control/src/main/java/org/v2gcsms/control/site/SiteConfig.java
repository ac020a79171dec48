package org.v2gcsms.control.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.sessions.session.MaxDuration;

/**
 * Reads sites from {@code <config>/sites/*.properties} (one file per site; the file name is the site id).
 * Paths inside (base load, PV, tariff) are relative to the config directory. See docs/control.md, "Sites".
 */
public final class SiteConfig {
    private static final Set<String> FIELDS = Set.of("name", "stations", "import-limit-kw", "export-limit-kw",
            "base-load", "pv", "tariff", "grid-code", "time-zone", "objective", "step-minutes", "soc-min-percent",
            "soc-max-percent", "discharge-cap-kwh-per-day", "max-session");

    private SiteConfig() {}

    /** Every site under {@code configDir/sites}; none when the folder does not exist. */
    public static List<Site> loadAll(Path configDir) throws IOException {
        Path dir = configDir.resolve("sites");
        List<Site> sites = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return sites;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
            for (Path f : files) {
                sites.add(load(f, configDir));
            }
        }
        sites.sort(java.util.Comparator.comparing(Site::id));
        return sites;
    }

    public static Site load(Path file, Path configDir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        String id = file.getFileName().toString().replaceFirst("\\.properties$", "");
        return parse(id, p, configDir, file.toString());
    }

    static Site parse(String id, Properties p, Path configDir, String source) throws IOException {
        for (String key : p.stringPropertyNames()) {
            if (!FIELDS.contains(key)) {
                throw new SiteConfigException(source, key, "is not a site field (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
        }
        List<String> stations = stations(p, source);
        double importKw = Fields.number(p, source, "import-limit-kw", null, 0);
        double exportKw = Fields.number(p, source, "export-limit-kw", 0.0, 0);
        LoadProfile base = profile(p, "base-load", configDir, source, true);
        LoadProfile pv = p.getProperty("pv") == null ? LoadProfile.flat("no-pv", 0)
                : profile(p, "pv", configDir, source, true);
        Tariff tariff = tariff(p, configDir, source);
        ZoneId zone;
        try {
            zone = ZoneId.of(p.getProperty("time-zone", "UTC").trim());
        } catch (DateTimeException e) {
            throw new SiteConfigException(source, "time-zone", "is not a time zone: '" + p.getProperty("time-zone") + "'");
        }
        Objective objective;
        try {
            objective = Objective.parse(p.getProperty("objective", "peak"));
        } catch (IllegalArgumentException e) {
            throw new SiteConfigException(source, "objective", e.getMessage());
        }
        double step = Fields.number(p, source, "step-minutes", 10.0, 1);
        if (step != Math.rint(step) || 1440 % (int) step != 0) {
            throw new SiteConfigException(source, "step-minutes", "must divide the day in whole minutes, not " + step);
        }
        double socMin = Fields.number(p, source, "soc-min-percent", 20.0, 0);
        double socMax = Fields.number(p, source, "soc-max-percent", 100.0, 0);
        if (socMax > 100 || socMin > socMax) {
            throw new SiteConfigException(source, "soc-max-percent", "must be >= soc-min-percent and <= 100");
        }
        double cap = Fields.number(p, source, "discharge-cap-kwh-per-day", Double.POSITIVE_INFINITY, 0);
        String max = p.getProperty("max-session", "");
        return new Site(id, p.getProperty("name", id).trim(), stations, importKw, exportKw, base, pv, tariff,
                p.getProperty("grid-code", "none").trim(), zone, objective, Duration.ofMinutes((long) step), socMin,
                socMax, cap, max.isBlank() ? Optional.empty() : Optional.of(maxSession(max, source)));
    }

    /** The {@code stations} field of a site or station-group file: ids, or prefixes ending in {@code *}. */
    public static List<String> stations(Properties p, String source) {
        List<String> stations = Arrays.stream(p.getProperty("stations", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (stations.isEmpty()) {
            throw new SiteConfigException(source, "stations", "is missing: list station ids (prefix* allowed)");
        }
        return stations;
    }

    /** A {@code max-session} value of a site or station-group file. */
    public static MaxDuration maxSession(String value, String source) {
        try {
            return MaxDuration.parse(value);
        } catch (RuntimeException e) {
            throw new SiteConfigException(source, "max-session", "is not a maximum session duration: '"
                    + value.trim() + "' (use e.g. 40m, 90s, 1h30m or off)");
        }
    }

    private static LoadProfile profile(Properties p, String key, Path configDir, String source, boolean required)
            throws IOException {
        Path f = file(p, key, configDir, source);
        try {
            return LoadProfile.load(f);
        } catch (SiteConfigException e) {
            throw new SiteConfigException(source, key, "names a bad profile: " + e.getMessage());
        }
    }

    private static Tariff tariff(Properties p, Path configDir, String source) throws IOException {
        Path f = file(p, "tariff", configDir, source);
        try {
            return Tariff.load(f);
        } catch (SiteConfigException e) {
            throw new SiteConfigException(source, "tariff", "names a bad tariff: " + e.getMessage());
        }
    }

    private static Path file(Properties p, String key, Path configDir, String source) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new SiteConfigException(source, key, "is missing");
        }
        Path f = configDir.resolve(v.trim());
        if (!Files.isRegularFile(f)) {
            throw new SiteConfigException(source, key, "names a file that does not exist: " + f);
        }
        return f;
    }
}
