package org.v2gcsms.control.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.v2gcsms.sessions.transactions.EnergyPrices;
import org.v2gcsms.sessions.transactions.PricePeriod;

/** A tariff's hourly prices in the local time of {@code zone}, as transactions are costed at them. */
public record TariffPrices(Tariff tariff, ZoneId zone) implements EnergyPrices {
    public TariffPrices {
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String currency() {
        return tariff.currency();
    }

    /** The prices of the local hour {@code at} falls in, until the next local hour (across DST changes too). */
    @Override
    public PricePeriod periodAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        int hour = local.getHour();
        return new PricePeriod(tariff.importPrice(hour), tariff.exportPrice(hour),
                local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant());
    }
}
