package org.v2gcsms.control.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A time-of-use tariff: an import price and an export credit for each hour of the local day. Read from a
 * properties file of bands, each {@code band.<name>.hours} (hours numbered 1–24 as S1 does: hour 1 is
 * 00:00–01:00; ranges allowed, e.g. {@code 1-8,24}), {@code band.<name>.import} and optional
 * {@code band.<name>.export} (default 0). Every hour must fall in exactly one band.
 */
public record Tariff(String name, String currency, double[] importByHour, double[] exportByHour) {

    public Tariff {
        if (importByHour.length != 24 || exportByHour.length != 24) {
            throw new IllegalArgumentException("a tariff has 24 hourly prices");
        }
        importByHour = importByHour.clone();
        exportByHour = exportByHour.clone();
    }

    /** One price all day. */
    public static Tariff flat(String name, String currency, double importPrice, double exportPrice) {
        double[] i = new double[24];
        double[] e = new double[24];
        java.util.Arrays.fill(i, importPrice);
        java.util.Arrays.fill(e, exportPrice);
        return new Tariff(name, currency, i, e);
    }

    /** Import price in hour-of-day {@code hour} (0–23). */
    public double importPrice(int hour) {
        return importByHour[hour];
    }

    public double exportPrice(int hour) {
        return exportByHour[hour];
    }

    public double averageImport() {
        double s = 0;
        for (double v : importByHour) {
            s += v;
        }
        return s / 24;
    }

    public static Tariff load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
        return parse(p, name, file.toString());
    }

    static Tariff parse(Properties p, String name, String source) {
        double[] imp = new double[24];
        double[] exp = new double[24];
        String[] owner = new String[24];
        TreeSet<String> bands = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("band.")) {
                String[] parts = key.split("\\.");
                if (parts.length != 3) {
                    throw new SiteConfigException(source, key, "is not band.<name>.hours|import|export");
                }
                bands.add(parts[1]);
            } else if (!key.equals("currency")) {
                throw new SiteConfigException(source, key, "is not a tariff field (currency, band.<name>.*)");
            }
        }
        if (bands.isEmpty()) {
            throw new SiteConfigException(source, "band.*", "missing: a tariff needs at least one band");
        }
        for (String band : bands) {
            String hoursKey = "band." + band + ".hours";
            String hours = p.getProperty(hoursKey);
            if (hours == null) {
                throw new SiteConfigException(source, hoursKey, "is missing");
            }
            double price = Fields.number(p, source, "band." + band + ".import", null, -1e9);
            double credit = Fields.number(p, source, "band." + band + ".export", 0.0, -1e9);
            for (int h : Fields.hours(hours, source, hoursKey)) {
                if (owner[h] != null) {
                    throw new SiteConfigException(source, hoursKey, "puts hour " + (h + 1) + " in a second band (also in "
                            + owner[h] + ")");
                }
                owner[h] = band;
                imp[h] = price;
                exp[h] = credit;
            }
        }
        for (int h = 0; h < 24; h++) {
            if (owner[h] == null) {
                throw new SiteConfigException(source, "band.*.hours", "leave hour " + (h + 1) + " without a price");
            }
        }
        return new Tariff(name, p.getProperty("currency", ""), imp, exp);
    }
}
