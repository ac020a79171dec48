package org.v2gcsms.control.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.v2gcsms.sessions.transactions.EnergyPrices;
import org.v2gcsms.sessions.transactions.Tariffs;

/**
 * The tariff a station's transactions are costed at: its site's (in the site's time zone, as the site has it
 * now: a tariff changed at run time applies from then on), else the CSMS-wide default, else none.
 */
public final class StationTariffs implements Tariffs {
    /** The default tariff's file in the config directory: a tariff file, plus an optional {@code time-zone}. */
    public static final String DEFAULT_FILE = "tariffs/default.properties";

    private final Sites sites;
    private final Optional<EnergyPrices> fallback;

    public StationTariffs(Sites sites, Optional<EnergyPrices> fallback) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /**
     * The sites' tariffs, and {@value #DEFAULT_FILE} for stations at no site when that file exists (its hours in
     * {@code time-zone}, default UTC). A bad default tariff is refused naming the file and the field.
     */
    public static StationTariffs load(Path configDir, Sites sites) throws IOException {
        Path file = configDir.resolve(DEFAULT_FILE);
        return new StationTariffs(sites, Files.isRegularFile(file) ? Optional.of(defaultPrices(file))
                : Optional.empty());
    }

    @Override
    public Optional<EnergyPrices> at(String stationId) {
        return sites.siteOf(stationId).<EnergyPrices>map(s -> new TariffPrices(s.tariff(), s.zone()))
                .or(() -> fallback);
    }

    private static TariffPrices defaultPrices(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        // A site's tariff takes the site's time zone; the default has no site, so its file names one.
        String zone = p.getProperty("time-zone", "UTC").trim();
        p.remove("time-zone");
        try {
            return new TariffPrices(Tariff.parse(p, "default", file.toString()), ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new SiteConfigException(file.toString(), "time-zone", "is not a time zone: '" + zone + "'");
        }
    }
}
