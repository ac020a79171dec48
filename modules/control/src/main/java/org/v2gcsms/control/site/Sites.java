package org.v2gcsms.control.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The sites in force, changeable at run time (a new limit or tariff re-plans the site at once through the
 * listeners).
 */
public final class Sites {
    private final Map<String, Site> byId = new ConcurrentHashMap<>();
    private final List<Consumer<Site>> listeners = new CopyOnWriteArrayList<>();

    public Sites(List<Site> initial) {
        initial.forEach(s -> byId.put(s.id(), s));
    }

    public List<Site> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Site::id)).toList();
    }

    public Optional<Site> site(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The first site (by id) that lists the station. */
    public Optional<Site> siteOf(String stationId) {
        return all().stream().filter(s -> s.contains(stationId)).findFirst();
    }

    /** Adds or replaces a site and tells the listeners. */
    public void put(Site site) {
        byId.put(site.id(), site);
        listeners.forEach(l -> l.accept(site));
    }

    public void onChange(Consumer<Site> listener) {
        listeners.add(listener);
    }
}
