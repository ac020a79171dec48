package org.v2gcsms.control.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.sessions.transactions.EnergyPrices;
import org.v2gcsms.sessions.transactions.PricePeriod;

class StationTariffsTest {
    private static final Path SHIPPED = Path.of("../../config");

    @TempDir
    Path config;

    private static Site site(Tariff tariff, ZoneId zone) {
        return new Site("seoul", "Seoul", List.of("SEL-*"), 100, 50, LoadProfile.flat("base", 10),
                LoadProfile.flat("pv", 0), tariff, "none", zone, Objective.PEAK, Duration.ofMinutes(10), 20, 100,
                Double.POSITIVE_INFINITY);
    }

    private void defaultTariff(String text) throws IOException {
        Files.createDirectories(config.resolve("tariffs"));
        Files.writeString(config.resolve(StationTariffs.DEFAULT_FILE), text);
    }

    @Test
    void aSitesStationIsCostedAtTheSitesTariffInTheSitesLocalHours() throws IOException {
        Tariff tou = Tariff.load(SHIPPED.resolve("tariffs/s1-fast-charging-tou.properties"));
        StationTariffs tariffs = StationTariffs.load(config, new Sites(List.of(site(tou, ZoneId.of("Asia/Seoul")))));

        EnergyPrices prices = tariffs.at("SEL-7").orElseThrow();
        // 01:30 UTC is 10:30 in Seoul: S1's hour 11, peak, until 11:00 Seoul time.
        assertEquals(new PricePeriod(278.6, 278.6, Instant.parse("2026-11-21T02:00:00Z")),
                prices.periodAt(Instant.parse("2026-11-21T01:30:00Z")));
        assertEquals("KRW", prices.currency());
        assertTrue(tariffs.at("ELSEWHERE-1").isEmpty(), "no site, no default: no tariff");
    }

    @Test
    void aTariffChangedAtRunTimeAppliesFromThenOn() throws IOException {
        Sites sites = new Sites(List.of(site(Tariff.flat("a", "EUR", 0.30, 0), ZoneId.of("UTC"))));
        StationTariffs tariffs = StationTariffs.load(config, sites);
        sites.put(site(Tariff.flat("b", "EUR", 0.25, 0.10), ZoneId.of("UTC")));

        PricePeriod p = tariffs.at("SEL-1").orElseThrow().periodAt(Instant.parse("2026-11-21T12:00:00Z"));
        assertEquals(0.25, p.importPerKwh());
        assertEquals(0.10, p.exportPerKwh());
    }

    @Test
    void stationsAtNoSiteTakeTheDefaultTariffInItsTimeZone() throws IOException {
        defaultTariff("currency=EUR\ntime-zone=Europe/Berlin\nband.night.hours=1-6\nband.night.import=0.20\n"
                + "band.day.hours=7-24\nband.day.import=0.35\nband.day.export=0.08\n");
        StationTariffs tariffs = StationTariffs.load(config, new Sites(List.of()));

        EnergyPrices prices = tariffs.at("ANY-1").orElseThrow();
        assertEquals("EUR", prices.currency());
        // 05:30 UTC is 06:30 in Berlin (CET): day prices.
        assertEquals(new PricePeriod(0.35, 0.08, Instant.parse("2026-11-21T06:00:00Z")),
                prices.periodAt(Instant.parse("2026-11-21T05:30:00Z")));
        // 25 October 2026, clocks go back at 01:00 UTC: local 02:00-03:00 happens twice, each an hour long.
        assertEquals(Instant.parse("2026-10-25T01:00:00Z"),
                prices.periodAt(Instant.parse("2026-10-25T00:30:00Z")).end());
        assertEquals(Instant.parse("2026-10-25T02:00:00Z"),
                prices.periodAt(Instant.parse("2026-10-25T01:30:00Z")).end());
    }

    @Test
    void theShippedDefaultTariffLoads() throws IOException {
        StationTariffs tariffs = StationTariffs.load(SHIPPED, new Sites(List.of()));
        assertTrue(tariffs.at("ANY-1").isPresent(), "a plain ./csms serve costs transactions");
    }

    @Test
    void aBadDefaultTariffIsRefusedNamingFileAndField() throws IOException {
        defaultTariff("currency=EUR\ntime-zone=Mars/Olympus\nband.all.hours=1-24\nband.all.import=0.3\n");
        SiteConfigException zone = assertThrows(SiteConfigException.class,
                () -> StationTariffs.load(config, new Sites(List.of())));
        assertTrue(zone.getMessage().contains("default.properties: time-zone"), zone.getMessage());

        defaultTariff("currency=EUR\nband.all.hours=1-23\nband.all.import=0.3\n");
        SiteConfigException hours = assertThrows(SiteConfigException.class,
                () -> StationTariffs.load(config, new Sites(List.of())));
        assertTrue(hours.getMessage().contains("hour 24"), hours.getMessage());
    }
}
