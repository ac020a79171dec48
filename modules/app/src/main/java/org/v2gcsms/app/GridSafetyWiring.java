package org.v2gcsms.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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
import org.v2gcsms.server.CallHandler;
import org.v2gcsms.server.CallPriority;
import org.v2gcsms.server.OcppHandlers;
import org.v2gcsms.server.StationLink;
import org.v2gcsms.server.StationOfflineException;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.MessageVersions;
import org.v2gcsms.store.Store;

/** Plugs grid safety into a CSMS: its ports, the station messages it reads, the DER handlers. */
final class GridSafetyWiring {
    /** The station messages the domain answers that may say something about the grid. */
    private static final Set<String> GRID_MESSAGES = Set.of("MeterValuesRequest", "TransactionEventRequest",
            "NotifyEventRequest", "SecurityEventNotificationRequest");

    private GridSafetyWiring() {}

    /**
     * Where station messages and DER handlers go: the composed grid safety, or one a test put in its place
     * ({@link #attach}). Handlers can be registered only once, so they follow this route.
     */
    static final class Route {
        volatile GridSafety safety;
    }

    /**
     * Grid safety over the domain, database and connections ({@code link}: known once the server exists), with
     * presets and site settings from {@code configDir}; {@link Csms#start} composes it before stations connect.
     */
    static GridSafety create(Path configDir, Sites sites, CsmsDomain domain, Store store, Supplier<StationLink> link,
                             StationMessageTaps taps, OcppHandlers handlers, Clock clock, Route route)
            throws IOException {
        route.safety = gridSafety(configDir, sites, domain, store, link, clock);
        taps.add((stationId, request) -> {
            if (GRID_MESSAGES.contains(request.getClass().getSimpleName())) {
                route.safety.observe(stationId, MessageVersions.toV21(request));
            }
        });
        handlers.on(OcppVersion.V21, NotifyDERAlarmRequest.class,
                        admitted(domain, (id, r) -> route.safety.derAlarm(id, r)))
                .on(OcppVersion.V21, ReportDERControlRequest.class,
                        admitted(domain, (id, r) -> route.safety.derControls().reported(id, r)))
                .on(OcppVersion.V21, NotifyDERStartStopRequest.class,
                        admitted(domain, (id, r) -> route.safety.derControls().startStop(id, r)));
        return route.safety;
    }

    /**
     * A DER handler behind the domain's admission gate, as every station CALL the domain answers: a station that
     * is not accepted is answered SecurityError and grid safety never sees its message (an unauthenticated
     * alarm must not trip a site). The gate is a map lookup, so an accepted station's alarm trips at once.
     */
    private static <Q, R> CallHandler<Q, R> admitted(CsmsDomain domain, BiFunction<String, Q, R> handler) {
        return (station, request) -> {
            domain.stations().admit(DomainWiring.context(station), MessageVersions.actionOf(request));
            return handler.apply(station.stationId(), request);
        };
    }

    private static GridSafety gridSafety(Path configDir, Sites sites, CsmsDomain domain, Store store,
                                         Supplier<StationLink> link, Clock clock) throws IOException {
        return GridSafety.create(configDir, sites, new GridSafety.Ports(priorityLane(link), domain.commands(),
                domain.repositories().transactions(), new DomainEvseLimits(domain, id -> link.get().protocolVersion(id)),
                domain.events(), store.lossOfMainsJournal()), clock);
    }

    /**
     * Puts a grid safety with its own sites and clock in the composed one's place for station messages and DER
     * handlers: for tests that move grid-safety time by hand while the stations run on simulated time. The
     * caller closes it.
     */
    static GridSafety attach(Csms csms, Path configDir, Sites sites, Clock clock) throws IOException {
        GridSafety safety = gridSafety(configDir, sites, csms.domain(), csms.store(), csms::stations, clock);
        csms.gridSafetyRoute().safety = safety;
        return safety;
    }

    /** The server's HIGH call priority: ahead of every queued call to the station. */
    static PriorityLane priorityLane(Supplier<StationLink> link) {
        return new PriorityLane() {
            @Override
            public CompletableFuture<Object> callFirst(String stationId, Object v21Request) {
                return callFirstEach(List.of(stationId), v21Request).get(0);
            }

            /** Per protocol version, the request is mapped, encoded and validated once for all its stations. */
            @Override
            @SuppressWarnings("unchecked")
            public List<CompletableFuture<Object>> callFirstEach(List<String> stationIds, Object v21Request) {
                StationLink stations = link.get();
                Map<OcppVersion, List<Integer>> byVersion = new EnumMap<>(OcppVersion.class);
                List<CompletableFuture<Object>> answers = new ArrayList<>(stationIds.size());
                for (int i = 0; i < stationIds.size(); i++) {
                    OcppVersion version = stations.protocolVersion(stationIds.get(i)).orElse(null);
                    answers.add(version != null ? null : CompletableFuture.failedFuture(
                            new StationOfflineException(stationIds.get(i), MessageVersions.actionOf(v21Request))));
                    if (version != null) {
                        byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(i);
                    }
                }
                byVersion.forEach((version, positions) -> {
                    Object wire = MessageVersions.to(version, v21Request);
                    Action<Object, Object> action = (Action<Object, Object>) OcppMessages.of(version)
                            .actionOf((Class<Object>) wire.getClass());
                    List<CompletableFuture<Object>> sent = stations.callEach(
                            positions.stream().map(stationIds::get).toList(), action, wire, CallPriority.HIGH);
                    for (int k = 0; k < positions.size(); k++) {
                        answers.set(positions.get(k), version == OcppVersion.V21 ? sent.get(k)
                                : sent.get(k).thenApply(MessageVersions::toV21));
                    }
                });
                return answers;
            }
        };
    }
}
