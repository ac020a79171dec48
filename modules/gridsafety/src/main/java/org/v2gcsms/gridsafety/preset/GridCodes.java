package org.v2gcsms.gridsafety.preset;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads grid-code presets from {@code config/gridcodes/*.properties} (file name = preset id) and checks them:
 * every value present and a number, trip stages ordered (stage 2 beyond stage 1, and clearing no slower),
 * the enter-service window inside the trip window, no negative time or ramp. A site may override single
 * values ({@link #withOverrides}); the result is checked again as a whole.
 */
public final class GridCodes {
    private static final List<String> REQUIRED = List.of("nominal-volts", "nominal-hz",
            "ov1.pu", "ov1.clear-s", "uv1.pu", "uv1.clear-s", "of1.hz", "of1.clear-s", "uf1.hz", "uf1.clear-s",
            "rocof.hz-per-s", "rocof.delay-s", "island.cease-s",
            "enter-service.v-low-pu", "enter-service.v-high-pu", "enter-service.f-low-hz",
            "enter-service.f-high-hz", "enter-service.delay-s", "ramp.enter-service-pct-per-s",
            "ramp.normal-pct-per-s", "droop.deadband-hz", "droop.over", "droop.under", "droop.response-s",
            "export-limit-kw");
    private static final List<String> OPTIONAL = List.of("name", "ov2.pu", "ov2.clear-s", "uv2.pu",
            "uv2.clear-s", "of2.hz", "of2.clear-s", "uf2.hz", "uf2.clear-s", "ov-10min.pu",
            "volt-var.v1-pu", "volt-var.v2-pu", "volt-var.v3-pu", "volt-var.v4-pu", "volt-var.q1-pu",
            "volt-var.q2-pu", "volt-var.q3-pu", "volt-var.q4-pu", "volt-var.response-s");
    /** Every key a preset (or an override) may set. */
    public static final Set<String> KEYS;

    static {
        Set<String> keys = new TreeSet<>(REQUIRED);
        keys.addAll(OPTIONAL);
        KEYS = Set.copyOf(keys);
    }

    private final Map<String, Properties> raw;
    private final Map<String, GridCode> byId;

    private GridCodes(Map<String, Properties> raw, Map<String, GridCode> byId) {
        this.raw = raw;
        this.byId = byId;
    }

    /** Every preset in {@code dir}; any broken one fails the whole load, naming file and field. */
    public static GridCodes load(Path dir) throws IOException {
        Map<String, Properties> raw = new TreeMap<>();
        Map<String, GridCode> byId = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            throw new GridCodeException(dir.toString(), "directory", "does not exist");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
            for (Path f : files) {
                String id = f.getFileName().toString().replaceFirst("\\.properties$", "");
                Properties p = read(f);
                byId.put(id, parse(id, p, f.toString()));
                raw.put(id, p);
            }
        }
        return new GridCodes(raw, byId);
    }

    public static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    public Optional<GridCode> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public GridCode get(String id) {
        GridCode c = byId.get(id);
        if (c == null) {
            throw new GridCodeException("grid codes", id, "is not a preset (known: " + String.join(", ", byId.keySet())
                    + ")");
        }
        return c;
    }

    public List<GridCode> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Preset {@code id} with some values replaced (a site's own settings, e.g. its DNO's export limit), checked
     * as a whole; {@code source} names where the overrides came from in errors.
     */
    public GridCode withOverrides(String id, Map<String, String> overrides, String source) {
        get(id);
        Properties p = new Properties();
        p.putAll(raw.get(id));
        for (var e : overrides.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new GridCodeException(source, e.getKey(), "is not a grid-code field");
            }
            p.setProperty(e.getKey(), e.getValue());
        }
        return parse(id, p, source);
    }

    /** Parses and checks one preset. */
    public static GridCode parse(String id, Properties p, String source) {
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new GridCodeException(source, key, "is not a grid-code field");
            }
        }
        Values v = new Values(p, source);
        double nominalV = v.positive("nominal-volts");
        double nominalHz = v.positive("nominal-hz");
        List<GridCode.Trip> volts = new ArrayList<>();
        List<GridCode.Trip> hertz = new ArrayList<>();
        stages(v, "ov", "pu", GridCode.Side.OVER, 1.0, volts);
        stages(v, "uv", "pu", GridCode.Side.UNDER, 1.0, volts);
        stages(v, "of", "hz", GridCode.Side.OVER, nominalHz, hertz);
        stages(v, "uf", "hz", GridCode.Side.UNDER, nominalHz, hertz);
        Optional<Double> ov10 = v.optional("ov-10min.pu");
        if (ov10.isPresent() && !(ov10.get() > 1.0)) {
            throw new GridCodeException(source, "ov-10min.pu", "must be above 1.0 pu, not " + ov10.get());
        }
        var lom = new GridCode.LossOfMains(v.positive("rocof.hz-per-s"), v.atLeastZero("rocof.delay-s"),
                v.atLeastZero("island.cease-s"));
        var es = new GridCode.EnterService(v.positive("enter-service.v-low-pu"), v.positive("enter-service.v-high-pu"),
                v.positive("enter-service.f-low-hz"), v.positive("enter-service.f-high-hz"),
                v.atLeastZero("enter-service.delay-s"));
        if (!(es.lowPu() < 1.0 && es.highPu() > 1.0)) {
            throw new GridCodeException(source, "enter-service.v-low-pu", "and v-high-pu must bracket 1.0 pu, not "
                    + es.lowPu() + ".." + es.highPu());
        }
        if (!(es.lowHz() < nominalHz && es.highHz() > nominalHz)) {
            throw new GridCodeException(source, "enter-service.f-low-hz", "and f-high-hz must bracket nominal-hz "
                    + nominalHz + ", not " + es.lowHz() + ".." + es.highHz());
        }
        // The enter-service window must lie inside every trip threshold, or export would return into a trip.
        for (GridCode.Trip t : volts) {
            if (t.side() == GridCode.Side.OVER ? es.highPu() > t.threshold() : es.lowPu() < t.threshold()) {
                throw new GridCodeException(source, t.side() == GridCode.Side.OVER ? "enter-service.v-high-pu"
                        : "enter-service.v-low-pu", "lies outside trip stage " + t.key() + " (" + t.threshold() + ")");
            }
        }
        for (GridCode.Trip t : hertz) {
            if (t.side() == GridCode.Side.OVER ? es.highHz() > t.threshold() : es.lowHz() < t.threshold()) {
                throw new GridCodeException(source, t.side() == GridCode.Side.OVER ? "enter-service.f-high-hz"
                        : "enter-service.f-low-hz", "lies outside trip stage " + t.key() + " (" + t.threshold() + ")");
            }
        }
        if (ov10.isPresent() && es.highPu() > ov10.get()) {
            throw new GridCodeException(source, "enter-service.v-high-pu", "lies above ov-10min.pu");
        }
        double esRamp = v.positive("ramp.enter-service-pct-per-s");
        double normalRamp = v.positive("ramp.normal-pct-per-s");
        var droop = new GridCode.Droop(v.atLeastZero("droop.deadband-hz"), v.fraction("droop.over"),
                v.fraction("droop.under"), v.atLeastZero("droop.response-s"));
        if (droop.deadbandHz() >= Math.min(ov1Hz(hertz, nominalHz) - nominalHz, nominalHz - uf1Hz(hertz, nominalHz))) {
            throw new GridCodeException(source, "droop.deadband-hz", "must be narrower than the frequency trip window");
        }
        Optional<GridCode.VoltVar> voltVar = voltVar(v, source);
        double export = v.atLeastZero("export-limit-kw");
        return new GridCode(id, p.getProperty("name", id).trim(), nominalV, nominalHz, volts, hertz, ov10, lom, es,
                esRamp, normalRamp, droop, voltVar, export);
    }

    private static double ov1Hz(List<GridCode.Trip> hz, double nominal) {
        return hz.stream().filter(t -> t.side() == GridCode.Side.OVER).mapToDouble(GridCode.Trip::threshold).min()
                .orElse(nominal * 2);
    }

    private static double uf1Hz(List<GridCode.Trip> hz, double nominal) {
        return hz.stream().filter(t -> t.side() == GridCode.Side.UNDER).mapToDouble(GridCode.Trip::threshold).max()
                .orElse(0);
    }

    /** Stage 1 required, stage 2 optional; stage 2 lies beyond stage 1 and clears no slower. */
    private static void stages(Values v, String kind, String unit, GridCode.Side side, double nominal,
                               List<GridCode.Trip> out) {
        String k1 = kind + "1";
        double t1 = v.positive(k1 + "." + unit);
        double c1 = v.atLeastZero(k1 + ".clear-s");
        if (side == GridCode.Side.OVER ? !(t1 > nominal) : !(t1 < nominal)) {
            throw new GridCodeException(v.source, k1 + "." + unit, "must lie " + (side == GridCode.Side.OVER ? "above"
                    : "below") + " nominal (" + nominal + "), not " + t1);
        }
        out.add(new GridCode.Trip(k1, side, t1, c1));
        String k2 = kind + "2";
        Optional<Double> t2 = v.optional(k2 + "." + unit);
        Optional<Double> c2 = v.optional(k2 + ".clear-s");
        if (t2.isPresent() != c2.isPresent()) {
            throw new GridCodeException(v.source, t2.isPresent() ? k2 + ".clear-s" : k2 + "." + unit,
                    "is missing (a stage needs both threshold and clearing time)");
        }
        if (t2.isEmpty()) {
            return;
        }
        if (side == GridCode.Side.OVER ? !(t2.get() > t1) : !(t2.get() < t1)) {
            throw new GridCodeException(v.source, k2 + "." + unit, "must lie beyond " + k1 + "." + unit + " (" + t1
                    + "), not " + t2.get());
        }
        if (c2.get() < 0) {
            throw new GridCodeException(v.source, k2 + ".clear-s", "must be >= 0, not " + c2.get());
        }
        if (c2.get() > c1) {
            throw new GridCodeException(v.source, k2 + ".clear-s", "must clear no slower than " + k1 + ".clear-s ("
                    + c1 + " s), not " + c2.get() + " s");
        }
        out.add(new GridCode.Trip(k2, side, t2.get(), c2.get()));
    }

    private static Optional<GridCode.VoltVar> voltVar(Values v, String source) {
        if (v.optional("volt-var.v1-pu").isEmpty()) {
            for (String k : KEYS) {
                if (k.startsWith("volt-var.") && v.optional(k).isPresent()) {
                    throw new GridCodeException(source, "volt-var.v1-pu", "is missing (" + k + " is set)");
                }
            }
            return Optional.empty();
        }
        double[] vs = new double[4];
        double[] qs = new double[4];
        for (int i = 0; i < 4; i++) {
            vs[i] = v.positive("volt-var.v" + (i + 1) + "-pu");
            qs[i] = v.number("volt-var.q" + (i + 1) + "-pu");
            if (Math.abs(qs[i]) > 1) {
                throw new GridCodeException(source, "volt-var.q" + (i + 1) + "-pu", "must be within -1..1 pu");
            }
            if (i > 0 && vs[i] < vs[i - 1]) {
                throw new GridCodeException(source, "volt-var.v" + (i + 1) + "-pu", "must not be below v" + i);
            }
        }
        return Optional.of(new GridCode.VoltVar(vs, qs, v.atLeastZero("volt-var.response-s")));
    }

    /** Typed access to the properties, refusing bad values with the key's name. */
    private record Values(Properties p, String source) {
        Optional<Double> optional(String key) {
            String s = p.getProperty(key);
            if (s == null || s.isBlank()) {
                return Optional.empty();
            }
            try {
                double d = Double.parseDouble(s.trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return Optional.of(d);
            } catch (NumberFormatException e) {
                throw new GridCodeException(source, key, "must be a number, not '" + s.trim() + "'");
            }
        }

        double number(String key) {
            return optional(key).orElseThrow(() -> new GridCodeException(source, key, "is missing"));
        }

        double atLeastZero(String key) {
            double d = number(key);
            if (d < 0) {
                throw new GridCodeException(source, key, "must be >= 0, not " + d);
            }
            return d;
        }

        double positive(String key) {
            double d = number(key);
            if (!(d > 0)) {
                throw new GridCodeException(source, key, "must be > 0, not " + d);
            }
            return d;
        }

        double fraction(String key) {
            double d = positive(key);
            if (d > 1) {
                throw new GridCodeException(source, key, "must be a per-unit droop in (0, 1], not " + d);
            }
            return d;
        }
    }
}
