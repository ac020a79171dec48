package org.v2gcsms.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The vehicle models EVs are drawn from, each with its share. Read from a CSV: lines starting with
 * {@code #} are comments, the first other line is the header
 * {@code model,share_percent,battery_kwh,km_per_kwh[,max_charge_kw][,max_discharge_kw][,v2x]}.
 */
public record FleetMix(List<EvModel> models) {
    /** S1's Korean fleet (KIEE 2020), shipped as {@code config/fleets/s1-korea.csv}. */
    public static final String S1_KOREA = "s1-korea.csv";

    public FleetMix {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a fleet mix needs at least one EV model");
        }
    }

    public static FleetMix s1Korea() {
        try (InputStream in = FleetMix.class.getResourceAsStream("fleets/" + S1_KOREA)) {
            if (in == null) {
                throw new IllegalStateException("the S1 fleet preset is missing from the simulator jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), S1_KOREA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FleetMix load(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return read(r, csv.toString());
        }
    }

    static FleetMix read(Reader reader, String source) throws IOException {
        List<EvModel> models = new ArrayList<>();
        Csv csv = Csv.read(reader, source);
        for (Csv.Row row : csv.rows()) {
            models.add(new EvModel(row.text("model"), row.number("share_percent"), row.number("battery_kwh"),
                    row.number("km_per_kwh"), row.number("max_charge_kw", Double.POSITIVE_INFINITY),
                    row.bool("v2x", true) ? row.number("max_discharge_kw", Double.POSITIVE_INFINITY) : 0));
        }
        return new FleetMix(models);
    }

    /** A model drawn with probability proportional to its share. */
    public EvModel pick(Random random) {
        double total = models.stream().mapToDouble(EvModel::share).sum();
        double x = random.nextDouble() * total;
        for (EvModel m : models) {
            x -= m.share();
            if (x < 0) {
                return m;
            }
        }
        return models.getLast();
    }

    public EvModel model(String name) {
        return models.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no EV model '" + name + "' in the fleet mix"));
    }
}
