package org.v2gcsms.sessions.stations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.BootNotificationResponse;
import org.v2gcsms.ocpp.v21.ChargingStationType;
import org.v2gcsms.ocpp.v21.HeartbeatRequest;
import org.v2gcsms.ocpp.v21.HeartbeatResponse;
import org.v2gcsms.ocpp.v21.RegistrationStatusEnumType;
import org.v2gcsms.ocpp.v21.StatusNotificationRequest;
import org.v2gcsms.ocpp.v21.StatusNotificationResponse;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.WireEnums;

/**
 * Stations coming and going, booting, heartbeating and reporting connector states; and the gate that keeps a
 * station which is not accepted from doing anything but booting (answered SecurityError).
 */
public final class StationService {
    private static final Logger log = LoggerFactory.getLogger(StationService.class);
    /** What a station that is not accepted may still send: its boot and the reports the CSMS asks for. */
    private static final Set<String> ALLOWED_BEFORE_ACCEPTED = Set.of("BootNotification", "NotifyReport");

    private final StationRepository stations;
    private final StationSettings settings;
    private final Clock clock;
    private final Map<String, Admission> admissions = new ConcurrentHashMap<>();
    /**
     * Last-seen times not yet written. A heartbeat is the most frequent message and its time is not worth a
     * durable write each: at 5,000 heartbeats/s a write per heartbeat took the p99 round trip from ~15 ms to
     * ~200 ms. They are written in one batch every few seconds ({@link #flushLastSeen}); a crash loses at most
     * that much of "last seen", never a transaction.
     */
    private final Map<String, Instant> unwrittenLastSeen = new ConcurrentHashMap<>();
    private volatile PendingStationSetup setup;

    /** A connected station's standing, and the messages the CSMS triggered it to send while not accepted. */
    private record Admission(long connectionId, RegistrationStatus status, Set<String> triggered) {}

    public StationService(StationRepository stations, StationSettings settings, Clock clock) {
        this.stations = stations;
        this.settings = settings;
        this.clock = clock;
    }

    /** Wires the provisioning of pending stations (built after this service: it needs the device model). */
    public void provisionWith(PendingStationSetup setup) {
        this.setup = setup;
    }

    public void connected(StationContext ctx) {
        stations.connected(ctx.stationId(), ctx.version(), clock.instant());
        RegistrationStatus status = stations.find(ctx.stationId()).map(Station::registrationStatus)
                .orElse(RegistrationStatus.NEW);
        admissions.put(ctx.stationId(), new Admission(ctx.connectionId(), status, ConcurrentHashMap.newKeySet()));
    }

    public void disconnected(StationContext ctx) {
        // A replaced connection's disconnect must not forget its successor.
        Admission gone = admissions.get(ctx.stationId());
        if (gone != null && gone.connectionId() == ctx.connectionId()) {
            admissions.remove(ctx.stationId(), gone);
        }
        stations.disconnected(ctx.stationId(), clock.instant());
    }

    /**
     * Refuses (SecurityError) a CALL a station may not send in its registration state: before it is accepted
     * only BootNotification, NotifyReport and what the CSMS triggered are served.
     */
    public void admit(StationContext ctx, String action) throws OcppError {
        if (ALLOWED_BEFORE_ACCEPTED.contains(action)) {
            return;
        }
        Admission a = admissions.get(ctx.stationId());
        RegistrationStatus status = a != null && a.connectionId() == ctx.connectionId() ? a.status()
                : stations.find(ctx.stationId()).map(Station::registrationStatus).orElse(RegistrationStatus.NEW);
        if (status == RegistrationStatus.ACCEPTED || (a != null && a.triggered().remove(action))) {
            return;
        }
        throw new OcppError(ErrorCode.SecurityError, action + " is not allowed before the station is accepted ("
                + status.name().toLowerCase() + ")");
    }

    /** Lets a station that is not accepted send one message of this action: the CSMS asked for it. */
    public void expectTriggered(String stationId, String action) {
        Admission a = admissions.get(stationId);
        if (a != null) {
            a.triggered().add(action);
        }
    }

    public BootNotificationResponse boot(StationContext ctx, BootNotificationRequest r) {
        Instant now = clock.instant();
        Optional<Station> known = stations.find(ctx.stationId());
        RegistrationStatus before = known.map(Station::registrationStatus).orElse(RegistrationStatus.NEW);
        RegistrationStatus status = before == RegistrationStatus.NEW ? switch (settings.unknownStations()) {
            case ACCEPT -> RegistrationStatus.ACCEPTED;
            case PENDING -> RegistrationStatus.PENDING;
            case REJECT -> RegistrationStatus.REJECTED;
        } : before;
        ChargingStationType cs = r.chargingStation();
        stations.booted(ctx.stationId(), new StationIdentity(cs.vendorName(), cs.model(), cs.serialNumber(),
                cs.firmwareVersion(), ctx.version(), WireEnums.wire(r.reason()), now), status);
        Admission previous = admissions.get(ctx.stationId());
        admissions.put(ctx.stationId(), new Admission(ctx.connectionId(), status,
                previous != null && previous.connectionId() == ctx.connectionId() ? previous.triggered()
                        : ConcurrentHashMap.newKeySet()));
        if (status == RegistrationStatus.PENDING && setup != null) {
            setup.start(ctx.stationId());
        }
        log.info("Station {} booted ({} {}, {}): {}", ctx.stationId(), cs.vendorName(), cs.model(),
                ctx.version().subprotocol(), status);
        long interval = status == RegistrationStatus.ACCEPTED ? settings.heartbeatInterval().toSeconds()
                : settings.bootRetryInterval().toSeconds();
        return new BootNotificationResponse(now, (int) interval, switch (status) {
            case ACCEPTED -> RegistrationStatusEnumType.Accepted;
            case PENDING -> RegistrationStatusEnumType.Pending;
            case REJECTED, NEW -> RegistrationStatusEnumType.Rejected;
        }, null, null);
    }

    /** Marks a station accepted (provisioning done, or an operator's decision); its next boot is Accepted. */
    public void accept(String stationId) {
        setStatus(stationId, RegistrationStatus.ACCEPTED);
    }

    public void setStatus(String stationId, RegistrationStatus status) {
        stations.setRegistrationStatus(stationId, status);
        admissions.computeIfPresent(stationId, (id, a) -> new Admission(a.connectionId(), status, a.triggered()));
    }

    public HeartbeatResponse heartbeat(StationContext ctx, HeartbeatRequest r) {
        Instant now = clock.instant();
        unwrittenLastSeen.merge(ctx.stationId(), now, (a, b) -> a.isAfter(b) ? a : b);
        return new HeartbeatResponse(now, null);
    }

    public StatusNotificationResponse statusNotification(StationContext ctx, StatusNotificationRequest r) {
        stations.connectorReported(new ConnectorState(ctx.stationId(), r.evseId(), r.connectorId(),
                r.connectorStatus(), r.timestamp()));
        return new StatusNotificationResponse(null);
    }

    /** Writes the last-seen times heard since the previous flush, in one batch. */
    public void flushLastSeen() {
        Map<String, Instant> batch = Map.copyOf(unwrittenLastSeen);
        if (batch.isEmpty()) {
            return;
        }
        stations.seen(batch);
        batch.forEach(unwrittenLastSeen::remove); // removes only entries no newer heartbeat replaced meanwhile
    }

    public Optional<Station> find(String stationId) {
        return stations.find(stationId);
    }

    public List<Station> all() {
        return stations.all();
    }

    public List<ConnectorState> connectors(String stationId) {
        return stations.connectors(stationId);
    }

    public StationSettings settings() {
        return settings;
    }
}
