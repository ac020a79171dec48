package org.v2gcsms.gridsafety.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.v2gcsms.gridsafety.preset.GridCodeException;
import org.v2gcsms.gridsafety.preset.GridCodes;

/**
 * A site's grid-safety settings beside its site file: {@code config/grid-safety/<site-id>.properties}.
 *
 * <ul>
 *   <li>{@code grid-meter}: the station whose meter values stand for the site's grid connection (its Voltage
 *       and Frequency readings are supervised, and its silence trips the site); absent: every station of the
 *       site counts and silence is not supervised;
 *   <li>{@code grid-meter.timeout-s}: how long the grid meter may stay silent (default 5 s, gridcode.md §4
 *       rule 11, an engineering choice);
 *   <li>{@code override.<field>}: replaces one value of the site's grid-code preset (e.g. the DNO's export
 *       limit: {@code override.export-limit-kw}); the result is validated as a whole;
 *   <li>{@code frequency-response}: {@code true} when the site is contracted for fast frequency response;
 *       {@code frequency-response.max-kw}: the contracted response (default: all V2X capacity).
 * </ul>
 */
public record SiteGridSettings(String siteId, Optional<String> gridMeter, Duration meterTimeout,
                               Map<String, String> overrides, boolean frequencyResponse,
                               Optional<Double> frequencyResponseMaxKw) {
    private static final Set<String> FIELDS = Set.of("grid-meter", "grid-meter.timeout-s", "frequency-response",
            "frequency-response.max-kw");

    public SiteGridSettings {
        overrides = Map.copyOf(overrides);
    }

    /** No file: every station counts, no silence check, the preset as it is, no frequency response. */
    public static SiteGridSettings defaults(String siteId) {
        return new SiteGridSettings(siteId, Optional.empty(), Duration.ofSeconds(5), Map.of(), false,
                Optional.empty());
    }

    /** The site's settings from {@code configDir/grid-safety/<siteId>.properties}, or the defaults. */
    public static SiteGridSettings load(Path configDir, String siteId) throws IOException {
        Path f = configDir.resolve("grid-safety").resolve(siteId + ".properties");
        if (!Files.isRegularFile(f)) {
            return defaults(siteId);
        }
        return parse(siteId, GridCodes.read(f), f.toString());
    }

    public static SiteGridSettings parse(String siteId, Properties p, String source) {
        Map<String, String> overrides = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("override.")) {
                String field = key.substring("override.".length());
                if (!GridCodes.KEYS.contains(field)) {
                    throw new GridCodeException(source, key, "overrides no grid-code field");
                }
                overrides.put(field, p.getProperty(key).trim());
            } else if (!FIELDS.contains(key)) {
                throw new GridCodeException(source, key, "is not a grid-safety field (known: grid-meter, "
                        + "grid-meter.timeout-s, frequency-response, frequency-response.max-kw, override.<field>)");
            }
        }
        Optional<String> meter = Optional.ofNullable(p.getProperty("grid-meter")).map(String::trim)
                .filter(s -> !s.isEmpty());
        double timeout = number(p, "grid-meter.timeout-s", 5, source);
        if (!(timeout > 0)) {
            throw new GridCodeException(source, "grid-meter.timeout-s", "must be > 0, not " + timeout);
        }
        String ffr = p.getProperty("frequency-response", "false").trim();
        if (!ffr.equals("true") && !ffr.equals("false")) {
            throw new GridCodeException(source, "frequency-response", "must be true or false, not '" + ffr + "'");
        }
        Optional<Double> maxKw = p.getProperty("frequency-response.max-kw") == null ? Optional.empty()
                : Optional.of(number(p, "frequency-response.max-kw", 0, source));
        if (maxKw.isPresent() && !(maxKw.get() > 0)) {
            throw new GridCodeException(source, "frequency-response.max-kw", "must be > 0");
        }
        return new SiteGridSettings(siteId, meter, Duration.ofMillis((long) (timeout * 1000)), overrides,
                ffr.equals("true"), maxKw);
    }

    private static double number(Properties p, String key, double fallback, String source) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new GridCodeException(source, key, "must be a number, not '" + v.trim() + "'");
        }
    }
}
