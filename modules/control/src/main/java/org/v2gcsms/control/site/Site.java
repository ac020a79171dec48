package org.v2gcsms.control.site;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.sessions.session.MaxDuration;
import org.v2gcsms.sessions.session.SessionLimits;

/**
 * A group of stations behind one grid connection.
 *
 * @param stations          station ids; an entry ending in {@code *} matches every id with that prefix
 * @param importLimitKw     most the connection may draw
 * @param exportLimitKw     most it may feed back (0: no export)
 * @param baseLoad          forecast of everything but the EVs, kW
 * @param pv                on-site PV forecast, kW (a zero profile when there is none)
 * @param gridCode          name of the grid-code preset the limit guard applies
 * @param step              planning step (default 10 minutes)
 * @param socMinPercent     lowest SoC discharge may reach (default 20: S1's KEPCO testbed)
 * @param socMaxPercent     highest SoC charging may reach (default 100)
 * @param dischargeCapKwhPerDay battery-care cap on each EV's daily discharge (infinite: none; S3 cites 6 kWh)
 * @param maxSession        the maximum session duration at the site's stations (empty: the CSMS's default; the
 *                          session manager enforces it, docs/sessions.md)
 */
public record Site(String id, String name, List<String> stations, double importLimitKw, double exportLimitKw,
                   LoadProfile baseLoad, LoadProfile pv, Tariff tariff, String gridCode, ZoneId zone,
                   Objective objective, Duration step, double socMinPercent, double socMaxPercent,
                   double dischargeCapKwhPerDay, Optional<MaxDuration> maxSession) {

    public Site {
        Objects.requireNonNull(id, "id");
        stations = List.copyOf(stations);
        Objects.requireNonNull(baseLoad, "baseLoad");
        Objects.requireNonNull(pv, "pv");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(maxSession, "maxSession");
    }

    /** A site that keeps the CSMS's default maximum session duration. */
    public Site(String id, String name, List<String> stations, double importLimitKw, double exportLimitKw,
                LoadProfile baseLoad, LoadProfile pv, Tariff tariff, String gridCode, ZoneId zone, Objective objective,
                Duration step, double socMinPercent, double socMaxPercent, double dischargeCapKwhPerDay) {
        this(id, name, stations, importLimitKw, exportLimitKw, baseLoad, pv, tariff, gridCode, zone, objective, step,
                socMinPercent, socMaxPercent, dischargeCapKwhPerDay, Optional.empty());
    }

    public boolean contains(String stationId) {
        return SessionLimits.listed(stations, stationId);
    }

    public Site withLimits(double importKw, double exportKw) {
        return new Site(id, name, stations, importKw, exportKw, baseLoad, pv, tariff, gridCode, zone, objective, step,
                socMinPercent, socMaxPercent, dischargeCapKwhPerDay, maxSession);
    }

    public Site withObjective(Objective o) {
        return new Site(id, name, stations, importLimitKw, exportLimitKw, baseLoad, pv, tariff, gridCode, zone, o,
                step, socMinPercent, socMaxPercent, dischargeCapKwhPerDay, maxSession);
    }
}
