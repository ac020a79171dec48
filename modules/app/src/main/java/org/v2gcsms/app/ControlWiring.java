package org.v2gcsms.app;

import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.control.ControlLoop;
import org.v2gcsms.control.dispatch.Dispatcher;
import org.v2gcsms.control.planner.Planner;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.GridSafetyEvent;
import org.v2gcsms.gridsafety.dispatch.ControlLimitGuard;
import org.v2gcsms.gridsafety.dispatch.DomainEvseLimits;
import org.v2gcsms.ocpp.v21.ReportBaseEnumType;
import org.v2gcsms.server.StationLink;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.events.StationEvent;
import org.v2gcsms.sessions.session.SessionManager;

/**
 * Plugs the control loop into a CSMS: its dispatcher sends through the grid-safety guard (no setpoint leaves
 * without passing it), a site's station that boots has its device model read (ratings, V2X ability, rate unit:
 * the dispatcher needs them before the first profile), a loss-of-mains transition re-plans the site at once and
 * renews every profile there, and an EV's charging needs at a site's station are answered by the loop (a profile
 * follows within the loop's event delay).
 */
final class ControlWiring {
    private static final Logger log = LoggerFactory.getLogger(ControlWiring.class);

    private ControlWiring() {}

    static ControlLoop create(Sites sites, CsmsDomain domain, GridSafety safety, Supplier<StationLink> link,
                              Clock clock) {
        Dispatcher dispatcher = new Dispatcher(domain.commands(),
                new ControlLimitGuard(safety, new DomainEvseLimits(domain, id -> link.get().protocolVersion(id))),
                clock, Dispatcher.Settings.defaults());
        return new ControlLoop(sites, domain.sessions(), domain.deviceModel(), DomainWiring.calls(link), dispatcher,
                new Planner(), clock, ControlLoop.Settings.defaults());
    }

    /** Starts the loop and what feeds it besides session events; the handle unsubscribes. */
    static AutoCloseable start(ControlLoop loop, CsmsDomain domain) {
        loop.start(domain.events());
        domain.sessions().answerChargingNeedsWith(loop::answerNeeds);
        AutoCloseable feed = domain.events().subscribe(e -> onEvent(e, loop, domain));
        return () -> {
            domain.sessions().answerChargingNeedsWith(SessionManager.NO_SCHEDULE);
            feed.close();
        };
    }

    private static void onEvent(DomainEvent e, ControlLoop loop, CsmsDomain domain) {
        switch (e) {
            case StationEvent.StationBooted b when "Accepted".equals(b.registrationStatus()) ->
                    loop.sites().siteOf(b.stationId()).ifPresent(site -> domain.deviceModel()
                            .requestBaseReport(b.stationId(), ReportBaseEnumType.FullInventory)
                            .whenComplete((report, failure) -> {
                                if (failure != null) {
                                    log.warn("Station {} of site {}: device model not read ({}); planning it as "
                                            + "charge-only", b.stationId(), site.id(), failure.toString());
                                }
                                loop.requestReplan(site.id());
                            }));
            case GridSafetyEvent g when !(g instanceof GridSafetyEvent.SetpointsClamped)
                    && !(g instanceof GridSafetyEvent.DerControlReported) -> loop.renewSite(g.siteId());
            default -> {
                // the loop follows session events itself
            }
        }
    }
}
