package org.v2gcsms.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.dispatch.DomainEvseLimits;
import org.v2gcsms.gridsafety.trip.PriorityLane;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.NotifyDERAlarmRequest;
import org.v2gcsms.ocpp.v21.NotifyDERStartStopRequest;
import org.v2gcsms.ocpp.v21.ReportDERControlRequest;
import org.v2gcsms.server.CallPriority;
import org.v2gcsms.server.StationOfflineException;
import org.v2gcsms.sessions.MessageVersions;

/** Plugs grid safety into a running CSMS: its ports, the station messages it reads, the DER handlers. */
final class GridSafetyWiring {
    /** The station messages the domain answers that may say something about the grid. */
    private static final Set<String> GRID_MESSAGES = Set.of("MeterValuesRequest", "TransactionEventRequest",
            "NotifyEventRequest", "SecurityEventNotificationRequest");

    private GridSafetyWiring() {}

    /**
     * Grid safety over the CSMS's domain, database and connections, with presets and site settings from
     * {@code configDir} and its own clock (tests move it by hand).
     */
    static GridSafety attach(Csms csms, Path configDir, Sites sites, Clock clock) throws IOException {
        var domain = csms.domain();
        GridSafety safety = GridSafety.create(configDir, sites, new GridSafety.Ports(priorityLane(csms),
                domain.commands(), domain.repositories().transactions(),
                new DomainEvseLimits(domain, csms.stations()::protocolVersion), domain.events(),
                csms.store().lossOfMainsJournal()), clock);
        csms.messageTaps().add((stationId, request) -> {
            if (GRID_MESSAGES.contains(request.getClass().getSimpleName())) {
                safety.observe(stationId, MessageVersions.toV21(request));
            }
        });
        csms.handlers()
                .on(OcppVersion.V21, NotifyDERAlarmRequest.class, (s, r) -> safety.derAlarm(s.stationId(), r))
                .on(OcppVersion.V21, ReportDERControlRequest.class,
                        (s, r) -> safety.derControls().reported(s.stationId(), r))
                .on(OcppVersion.V21, NotifyDERStartStopRequest.class,
                        (s, r) -> safety.derControls().startStop(s.stationId(), r));
        return safety;
    }

    /** The server's HIGH call priority: ahead of every queued call to the station. */
    @SuppressWarnings("unchecked")
    static PriorityLane priorityLane(Csms csms) {
        return (stationId, v21Request) -> {
            OcppVersion version = csms.stations().protocolVersion(stationId).orElse(null);
            if (version == null) {
                return CompletableFuture.failedFuture(new StationOfflineException(stationId, MessageVersions.actionOf(v21Request)));
            }
            Object wire = MessageVersions.to(version, v21Request);
            Action<Object, Object> action = (Action<Object, Object>) OcppMessages.of(version)
                    .actionOf((Class<Object>) wire.getClass());
            return csms.stations().call(stationId, action, wire, CallPriority.HIGH)
                    .thenApply(MessageVersions::toV21);
        };
    }
}
