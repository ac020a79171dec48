package org.v2gcsms.gridsafety.lom;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.site.SiteGridSettings;

/**
 * Every site's loss-of-mains state machine. A site resumes in the state its journal last recorded: a CSMS
 * restarted while TRIPPED or WAITING_TO_REENTER comes back exporting nothing (waiting restarts its timer); one
 * restarted while RAMPING restarts the ramp from zero. Each transition is acted on ({@code actions}: the trip
 * switch), then committed to the journal, then published ({@code published}), in that order — the stations
 * hear first.
 */
public final class LossOfMainsSupervisor {
    private static final Logger log = LoggerFactory.getLogger(LossOfMainsSupervisor.class);

    private final Map<String, SiteSupervisor> sites = new ConcurrentHashMap<>();
    private final LossOfMainsJournal journal;
    private final Clock clock;
    private final Consumer<LomTransition> actions;
    private final Consumer<LomTransition> published;

    public LossOfMainsSupervisor(LossOfMainsJournal journal, Clock clock, Consumer<LomTransition> actions,
                                 Consumer<LomTransition> published) {
        this.journal = journal;
        this.clock = clock;
        this.actions = actions;
        this.published = published;
    }

    /** Supervises a site under its grid code; returns the state it resumed in. */
    public LomState add(String siteId, GridCode code, SiteGridSettings settings) {
        Instant now = clock.instant();
        LomState initial = journal.latest(siteId).map(t -> resume(t, now)).orElse(new LomState.Normal(now));
        if (!(initial instanceof LomState.Normal)) {
            log.warn("Site {} resumes {} (journal: since {})", siteId, initial.name(), initial.since());
        }
        sites.put(siteId, new SiteSupervisor(siteId, code, settings.gridMeter(), settings.meterTimeout(), initial,
                this::transition));
        return initial;
    }

    private static LomState resume(LomTransition last, Instant now) {
        return switch (last.to()) {
            case "TRIPPED" -> new LomState.Tripped(last.at(), last.cause());
            case "WAITING_TO_REENTER" -> new LomState.WaitingToReenter(last.at(), null);
            case "RAMPING" -> new LomState.Ramping(now);
            default -> new LomState.Normal(last.at());
        };
    }

    private void transition(LomTransition t) {
        try {
            actions.accept(t);
        } finally {
            journal.append(t);
            published.accept(t);
        }
    }

    public Optional<SiteSupervisor> site(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    public List<SiteSupervisor> all() {
        return sites.values().stream().sorted(java.util.Comparator.comparing(SiteSupervisor::siteId)).toList();
    }

    public void on(String siteId, GridSignal signal) {
        SiteSupervisor s = sites.get(siteId);
        if (s != null) {
            s.on(signal, clock.instant());
        }
    }

    /** Checks every site against the clock now (clearing times, meter silence, delays, ramps). */
    public void tick() {
        Instant now = clock.instant();
        for (SiteSupervisor s : sites.values()) {
            try {
                s.tick(now);
            } catch (RuntimeException e) {
                log.error("Loss-of-mains check of site {} failed", s.siteId(), e);
            }
        }
    }

    /** The discharge share the site may use now; 0 for a site not supervised (no grid code: no discharge). */
    public double dischargeFraction(String siteId) {
        SiteSupervisor s = sites.get(siteId);
        return s == null ? 0 : s.dischargeFraction(clock.instant());
    }

    public List<LomTransition> history(String siteId, int limit) {
        return journal.history(siteId, limit);
    }

    public Clock clock() {
        return clock;
    }
}
