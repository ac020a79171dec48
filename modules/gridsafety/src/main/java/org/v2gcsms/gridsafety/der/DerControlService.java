package org.v2gcsms.gridsafety.der;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.ocpp.v21.ClearDERControlRequest;
import org.v2gcsms.ocpp.v21.ClearDERControlResponse;
import org.v2gcsms.ocpp.v21.DERControlStatusEnumType;
import org.v2gcsms.ocpp.v21.GetDERControlRequest;
import org.v2gcsms.ocpp.v21.GetDERControlResponse;
import org.v2gcsms.ocpp.v21.NotifyDERStartStopRequest;
import org.v2gcsms.ocpp.v21.NotifyDERStartStopResponse;
import org.v2gcsms.ocpp.v21.ReportDERControlRequest;
import org.v2gcsms.ocpp.v21.ReportDERControlResponse;
import org.v2gcsms.ocpp.v21.SetDERControlRequest;
import org.v2gcsms.ocpp.v21.SetDERControlResponse;
import org.v2gcsms.sessions.commands.StationCommands;

/**
 * Keeps each OCPP 2.1 station's default DER controls equal to its site's preset: pushed with SetDERControl at
 * boot and whenever the site's preset changes, then read back with GetDERControl; the station's
 * ReportDERControl and NotifyDERStartStop messages are recorded here. {@link #clear} removes the defaults.
 * Calls go through the typed commands, so each is in the command log.
 */
public final class DerControlService {
    private static final Logger log = LoggerFactory.getLogger(DerControlService.class);

    /** What one station was sent and answered, and what it reported back. */
    public record StationDer(String stationId, String siteId, Map<String, String> pushed, List<String> reported,
                             List<String> startStops, Instant pushedAt) {}

    private final StationCommands commands;
    private final Clock clock;
    private final Consumer<String[]> reports;
    private final AtomicInteger requestIds = new AtomicInteger();
    private final Map<String, StationDer> byStation = new ConcurrentHashMap<>();

    /** @param reports told (site, station, what) of every report a station sends, for the event bus */
    public DerControlService(StationCommands commands, Clock clock, Consumer<String[]> reports) {
        this.commands = commands;
        this.clock = clock;
        this.reports = reports;
    }

    /**
     * Sends the site's preset to a station as default controls, then asks for them back. Completes with the
     * status of each control type once every answer is in.
     */
    public CompletableFuture<Map<String, String>> push(String stationId, String siteId, GridCode code) {
        List<SetDERControlRequest> controls = DerSettings.of(siteId, code);
        Map<String, String> statuses = new ConcurrentHashMap<>();
        byStation.put(stationId, new StationDer(stationId, siteId, statuses, new ArrayList<>(), new ArrayList<>(),
                clock.instant()));
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (SetDERControlRequest c : controls) {
            answers.add(commands.send(stationId, c, SetDERControlResponse.class)
                    .handle((r, e) -> {
                        statuses.put(c.controlType().value(), e != null ? "failed: " + e.getMessage()
                                : r.status().value());
                        if (e == null && r.status() == DERControlStatusEnumType.Rejected) {
                            log.warn("Station {} rejected DER control {} of site {}'s preset {}", stationId,
                                    c.controlType().value(), siteId, code.id());
                        }
                        return null;
                    }));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenCompose(x -> commands.send(stationId, new GetDERControlRequest(requestIds.incrementAndGet(),
                        true, null, null, null), GetDERControlResponse.class).handle((r, e) -> {
                            statuses.put("GetDERControl", e != null ? "failed: " + e.getMessage() : r.status().value());
                            return null;
                        }))
                .thenApply(x -> {
                    log.info("Station {} DER controls for site {} ({}): {}", stationId, siteId, code.id(), statuses);
                    return Map.copyOf(statuses);
                });
    }

    /** Removes the station's default DER controls (the site no longer applies a preset to it). */
    public CompletableFuture<ClearDERControlResponse> clear(String stationId) {
        byStation.remove(stationId);
        return commands.send(stationId, new ClearDERControlRequest(true), ClearDERControlResponse.class);
    }

    /** A station's ReportDERControl (the answer to GetDERControl). */
    public ReportDERControlResponse reported(String stationId, ReportDERControlRequest r) {
        List<String> what = new ArrayList<>();
        list(what, "EnterService", r.enterService());
        list(what, "Curve", r.curve());
        list(what, "FreqDroop", r.freqDroop());
        list(what, "Gradient", r.gradient());
        list(what, "LimitMaxDischarge", r.limitMaxDischarge());
        list(what, "FixedPFAbsorb", r.fixedPFAbsorb());
        list(what, "FixedPFInject", r.fixedPFInject());
        list(what, "FixedVar", r.fixedVar());
        String line = "ReportDERControl " + r.requestId() + (Boolean.TRUE.equals(r.tbc()) ? " (more follows)" : "")
                + ": " + (what.isEmpty() ? "no controls" : String.join(", ", what));
        StationDer d = byStation.get(stationId);
        if (d != null) {
            synchronized (d) {
                d.reported().add(line);
            }
        }
        log.info("Station {}: {}", stationId, line);
        reports.accept(new String[] {d == null ? null : d.siteId(), stationId, line});
        return new ReportDERControlResponse();
    }

    /** A station's NotifyDERStartStop: a DER control started or stopped acting. */
    public NotifyDERStartStopResponse startStop(String stationId, NotifyDERStartStopRequest r) {
        String line = "control " + r.controlId() + (r.started() ? " started" : " stopped") + " at " + r.timestamp()
                + (r.supersededIds() == null ? "" : ", superseding " + r.supersededIds());
        StationDer d = byStation.get(stationId);
        if (d != null) {
            synchronized (d) {
                d.startStops().add(line);
            }
        }
        log.info("Station {}: {}", stationId, line);
        reports.accept(new String[] {d == null ? null : d.siteId(), stationId, line});
        return new NotifyDERStartStopResponse();
    }

    public Optional<StationDer> of(String stationId) {
        StationDer d = byStation.get(stationId);
        if (d == null) {
            return Optional.empty();
        }
        synchronized (d) {
            return Optional.of(new StationDer(d.stationId(), d.siteId(), Map.copyOf(d.pushed()),
                    List.copyOf(d.reported()), List.copyOf(d.startStops()), d.pushedAt()));
        }
    }

    private static void list(List<String> out, String kind, List<?> entries) {
        if (entries != null && !entries.isEmpty()) {
            out.add(entries.size() + " " + kind);
        }
    }
}
