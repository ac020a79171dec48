package org.v2gcsms.app;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.server.ConnectedStation;
import org.v2gcsms.server.OcppHandlers;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v201.BootNotificationRequest;
import org.v2gcsms.ocpp.v201.BootNotificationResponse;
import org.v2gcsms.ocpp.v201.HeartbeatRequest;
import org.v2gcsms.ocpp.v201.HeartbeatResponse;
import org.v2gcsms.ocpp.v201.RegistrationStatusEnumType;
import org.v2gcsms.ocpp.v201.StatusNotificationRequest;
import org.v2gcsms.ocpp.v201.StatusNotificationResponse;

/**
 * The provisioning and availability basics every station needs before anything else: BootNotification,
 * Heartbeat and StatusNotification, for OCPP 2.0.1 and 2.1. Registration follows the auto-registration
 * policy: a station the CSMS let in as unknown under PENDING is answered Pending.
 */
final class CoreHandlers {
    private static final Logger log = LoggerFactory.getLogger(CoreHandlers.class);

    private CoreHandlers() {}

    static void register(OcppHandlers handlers, CsmsSettings settings) {
        int interval = Math.toIntExact(settings.heartbeatInterval().toSeconds());
        handlers.on(OcppVersion.V201, BootNotificationRequest.class, (station, req) -> {
            boolean pending = pending(station, settings);
            logBoot(station, req.chargingStation().vendorName(), req.chargingStation().model(), req.reason().name(), pending);
            return new BootNotificationResponse(Instant.now(), interval,
                    pending ? RegistrationStatusEnumType.Pending : RegistrationStatusEnumType.Accepted);
        });
        handlers.on(OcppVersion.V201, HeartbeatRequest.class, (station, req) -> new HeartbeatResponse(Instant.now()));
        handlers.on(OcppVersion.V201, StatusNotificationRequest.class, (station, req) -> {
            log.info("{} EVSE {} connector {}: {}", station.stationId(), req.evseId(), req.connectorId(),
                    req.connectorStatus());
            return new StatusNotificationResponse();
        });

        handlers.on(OcppVersion.V21, org.v2gcsms.ocpp.v21.BootNotificationRequest.class, (station, req) -> {
            boolean pending = pending(station, settings);
            logBoot(station, req.chargingStation().vendorName(), req.chargingStation().model(), req.reason().name(), pending);
            return new org.v2gcsms.ocpp.v21.BootNotificationResponse(Instant.now(), interval, pending
                    ? org.v2gcsms.ocpp.v21.RegistrationStatusEnumType.Pending
                    : org.v2gcsms.ocpp.v21.RegistrationStatusEnumType.Accepted);
        });
        handlers.on(OcppVersion.V21, org.v2gcsms.ocpp.v21.HeartbeatRequest.class,
                (station, req) -> new org.v2gcsms.ocpp.v21.HeartbeatResponse(Instant.now()));
        handlers.on(OcppVersion.V21, org.v2gcsms.ocpp.v21.StatusNotificationRequest.class, (station, req) -> {
            log.info("{} EVSE {} connector {}: {}", station.stationId(), req.evseId(), req.connectorId(),
                    req.connectorStatus());
            return new org.v2gcsms.ocpp.v21.StatusNotificationResponse();
        });
    }

    private static boolean pending(ConnectedStation station, CsmsSettings settings) {
        return station.autoRegistered() && settings.autoRegister() == AutoRegistration.PENDING;
    }

    private static void logBoot(ConnectedStation station, String vendor, String model, String reason, boolean pending) {
        log.info("{} booted ({} {}, {}, {}): {}", station.stationId(), vendor, model, reason,
                station.version().subprotocol(), pending ? "Pending" : "Accepted");
    }
}
