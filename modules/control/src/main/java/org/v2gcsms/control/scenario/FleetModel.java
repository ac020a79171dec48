package org.v2gcsms.control.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One EV model of a fleet mix and its share (S1's table: share, battery, efficiency), read from
 * {@code config/fleets/*.csv} (header {@code model,share_percent,battery_kwh,km_per_kwh}, extra columns ignored).
 */
public record FleetModel(String model, double sharePercent, double batteryKwh, double kmPerKwh) {

    public static List<FleetModel> load(Path csv) throws IOException {
        List<FleetModel> out = new ArrayList<>();
        List<String> header = null;
        for (String line : Files.readAllLines(csv)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(s.split(",")).map(String::trim).toList();
            if (header == null) {
                header = cells;
                continue;
            }
            out.add(new FleetModel(cells.get(header.indexOf("model")),
                    Double.parseDouble(cells.get(header.indexOf("share_percent"))),
                    Double.parseDouble(cells.get(header.indexOf("battery_kwh"))),
                    Double.parseDouble(cells.get(header.indexOf("km_per_kwh")))));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(csv + ": no EV models");
        }
        return out;
    }

    /** A model drawn with probability proportional to its share. */
    public static FleetModel pick(List<FleetModel> fleet, Random random) {
        double total = fleet.stream().mapToDouble(FleetModel::sharePercent).sum();
        double x = random.nextDouble() * total;
        for (FleetModel m : fleet) {
            x -= m.sharePercent();
            if (x < 0) {
                return m;
            }
        }
        return fleet.getLast();
    }
}
