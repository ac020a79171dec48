package org.v2gcsms.gridsafety.trip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.ocpp.OcppVersion;

/** The stations connected now, with the OCPP version they speak and the site each belongs to. Thread-safe. */
public final class SiteStations {
    private final Sites sites;
    private final Map<String, OcppVersion> connected = new ConcurrentHashMap<>();

    public SiteStations(Sites sites) {
        this.sites = sites;
    }

    public void connected(String stationId, OcppVersion version) {
        connected.put(stationId, version);
    }

    public void disconnected(String stationId) {
        connected.remove(stationId);
    }

    public Optional<OcppVersion> version(String stationId) {
        return Optional.ofNullable(connected.get(stationId));
    }

    public Optional<Site> siteOf(String stationId) {
        return sites.siteOf(stationId);
    }

    /** The connected stations of a site that speak OCPP 2.1 (the only ones that may discharge). */
    public List<String> v21StationsOf(String siteId) {
        Optional<Site> site = sites.site(siteId);
        if (site.isEmpty()) {
            return List.of();
        }
        return connected.entrySet().stream()
                .filter(e -> e.getValue() == OcppVersion.V21 && site.get().contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
