package org.v2gcsms.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionManager;

/**
 * A site's power over the last hour, sampled: the base load forecast (less PV), what the EVs draw and feed back
 * (their sessions' latest power), and the site's total; the highest total since start is the peak so far.
 */
final class SitePowerLog {
    /** One sample, kW. {@code siteLoadKw} = base + EV import − EV export (negative: the site exports). */
    record Sample(Instant at, double baseLoadKw, double evImportKw, double evExportKw, double siteLoadKw) {}

    private final SessionManager sessions;
    private final Clock clock;
    private final Duration window;
    private final Map<String, ArrayDeque<Sample>> samples = new HashMap<>();
    private final Map<String, Sample> peaks = new HashMap<>();

    SitePowerLog(SessionManager sessions, Clock clock, Duration window) {
        this.sessions = sessions;
        this.clock = clock;
        this.window = window;
    }

    /** Takes a sample of the site now (unless the last one is younger than {@code minAge}) and returns the latest. */
    synchronized Sample record(Site site, Duration minAge) {
        ArrayDeque<Sample> log = samples.computeIfAbsent(site.id(), id -> new ArrayDeque<>());
        Instant now = clock.instant();
        Sample last = log.peekLast();
        if (last != null && Duration.between(last.at(), now).compareTo(minAge) < 0) {
            return last;
        }
        Sample s = now(site, now);
        log.addLast(s);
        while (!log.isEmpty() && log.peekFirst().at().isBefore(now.minus(window))) {
            log.removeFirst();
        }
        Sample peak = peaks.get(site.id());
        if (peak == null || s.siteLoadKw() > peak.siteLoadKw()) {
            peaks.put(site.id(), s);
        }
        return s;
    }

    synchronized List<Sample> recent(String siteId) {
        return List.copyOf(samples.getOrDefault(siteId, new ArrayDeque<>()));
    }

    /** The sample with the highest site load since start. */
    synchronized Optional<Sample> peak(String siteId) {
        return Optional.ofNullable(peaks.get(siteId));
    }

    private Sample now(Site site, Instant now) {
        LocalTime local = now.atZone(site.zone()).toLocalTime();
        double base = site.baseLoad().at(local) - site.pv().at(local);
        double in = 0;
        double out = 0;
        for (Session s : sessions.active()) {
            if (s.powerW() != null && site.contains(s.stationId())) {
                in += Math.max(0, s.powerW()) / 1000;
                out += Math.max(0, -s.powerW()) / 1000;
            }
        }
        return new Sample(now, base, in, out, base + in - out);
    }
}
