package org.v2gcsms.control.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A daily load (or PV) forecast in kW: one value per interval of the local day, hourly (24 rows) or every 10
 * minutes (144 rows). CSV with {@code #} comments and the header {@code time,kw}; {@code time} is the
 * interval's start, {@code HH:MM}, in order from 00:00 at a constant spacing.
 */
public record LoadProfile(String name, double[] kw) {

    public LoadProfile {
        if (kw.length == 0 || 1440 % kw.length != 0) {
            throw new IllegalArgumentException("a load profile needs intervals that divide the day evenly");
        }
        kw = kw.clone();
    }

    public static LoadProfile flat(String name, double kw) {
        return new LoadProfile(name, new double[] {kw});
    }

    public Duration interval() {
        return Duration.ofMinutes(1440 / kw.length);
    }

    /** The forecast for the interval containing {@code time} of day. */
    public double at(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return kw[minute / (1440 / kw.length)];
    }

    /** The mean over {@code [from, from + length)}, which may cross midnight. */
    public double mean(LocalTime from, Duration length) {
        int start = from.toSecondOfDay() / 60;
        int minutes = (int) Math.max(1, length.toMinutes());
        double sum = 0;
        int every = 1440 / kw.length;
        for (int m = 0; m < minutes; m++) {
            sum += kw[((start + m) % 1440) / every];
        }
        return sum / minutes;
    }

    public double dailyEnergyKwh() {
        return Arrays.stream(kw).sum() * (24.0 / kw.length);
    }

    public static LoadProfile load(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return read(r, csv.toString());
        }
    }

    static LoadProfile read(Reader reader, String source) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<Double> values = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        boolean header = false;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!s.replace(" ", "").equalsIgnoreCase("time,kw")) {
                    throw new SiteConfigException(source, "header", "must be 'time,kw', not '" + s + "'");
                }
                header = true;
                continue;
            }
            String[] cells = s.split(",");
            String field = "line " + lineNo;
            if (cells.length != 2) {
                throw new SiteConfigException(source, field, "must have two cells: time,kw");
            }
            try {
                LocalTime t = LocalTime.parse(cells[0].trim().length() == 4 ? "0" + cells[0].trim() : cells[0].trim());
                minutes.add(t.getHour() * 60 + t.getMinute());
            } catch (RuntimeException e) {
                throw new SiteConfigException(source, field, "time must be HH:MM, not '" + cells[0].trim() + "'");
            }
            try {
                values.add(Double.parseDouble(cells[1].trim()));
            } catch (NumberFormatException e) {
                throw new SiteConfigException(source, field, "kw must be a number, not '" + cells[1].trim() + "'");
            }
        }
        int n = values.size();
        if (n != 24 && n != 144) {
            throw new SiteConfigException(source, "rows", "must be 24 (hourly) or 144 (10-minute), found " + n);
        }
        int every = 1440 / n;
        for (int i = 0; i < n; i++) {
            if (minutes.get(i) != i * every) {
                throw new SiteConfigException(source, "row " + (i + 1), "must start at "
                        + LocalTime.ofSecondOfDay(i * every * 60L) + " (rows in order, " + every + " minutes apart)");
            }
        }
        String name = source.replaceFirst("^.*/", "").replaceFirst("\\.csv$", "");
        return new LoadProfile(name, values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
