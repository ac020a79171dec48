package org.v2gcsms.sessions.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.v21.ClearedChargingLimitRequest;
import org.v2gcsms.ocpp.v21.ClearedChargingLimitResponse;
import org.v2gcsms.ocpp.v21.DataTransferRequest;
import org.v2gcsms.ocpp.v21.DataTransferResponse;
import org.v2gcsms.ocpp.v21.DataTransferStatusEnumType;
import org.v2gcsms.ocpp.v21.EventDataType;
import org.v2gcsms.ocpp.v21.FirmwareStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.FirmwareStatusNotificationResponse;
import org.v2gcsms.ocpp.v21.LogStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.LogStatusNotificationResponse;
import org.v2gcsms.ocpp.v21.NotifyChargingLimitRequest;
import org.v2gcsms.ocpp.v21.NotifyChargingLimitResponse;
import org.v2gcsms.ocpp.v21.NotifyCustomerInformationRequest;
import org.v2gcsms.ocpp.v21.NotifyCustomerInformationResponse;
import org.v2gcsms.ocpp.v21.NotifyDisplayMessagesRequest;
import org.v2gcsms.ocpp.v21.NotifyDisplayMessagesResponse;
import org.v2gcsms.ocpp.v21.NotifyEventRequest;
import org.v2gcsms.ocpp.v21.NotifyEventResponse;
import org.v2gcsms.ocpp.v21.NotifyMonitoringReportRequest;
import org.v2gcsms.ocpp.v21.NotifyMonitoringReportResponse;
import org.v2gcsms.ocpp.v21.PublishFirmwareStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.PublishFirmwareStatusNotificationResponse;
import org.v2gcsms.ocpp.v21.ReportChargingProfilesRequest;
import org.v2gcsms.ocpp.v21.ReportChargingProfilesResponse;
import org.v2gcsms.ocpp.v21.ReservationStatusUpdateRequest;
import org.v2gcsms.ocpp.v21.ReservationStatusUpdateResponse;
import org.v2gcsms.ocpp.v21.SecurityEventNotificationRequest;
import org.v2gcsms.ocpp.v21.SecurityEventNotificationResponse;
import org.v2gcsms.sessions.MessageVersions;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.WireEnums;

/**
 * Stores what stations report on their own or in answer to a command: security events, device-model events,
 * status notifications, reports in chunks (customer information, charging profiles, monitors, display
 * messages), external charging limits and vendor DataTransfers.
 */
public final class NoticeService {
    private final NoticeRepository notices;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    public SecurityEventNotificationResponse securityEvent(StationContext ctx, SecurityEventNotificationRequest r) {
        store(ctx, NoticeKind.SECURITY_EVENT, r.type(), r.timestamp(), r);
        return new SecurityEventNotificationResponse(null);
    }

    public NotifyEventResponse notifyEvent(StationContext ctx, NotifyEventRequest r) {
        Instant now = clock.instant();
        List<StationNotice> list = new ArrayList<>();
        for (EventDataType e : r.eventData()) {
            String type = e.component().name() + "." + e.variable().name() + " " + WireEnums.wire(e.trigger());
            list.add(new StationNotice(0, ctx.stationId(), NoticeKind.EVENT, type, e.timestamp(), json(e), now));
        }
        notices.add(list);
        return new NotifyEventResponse(null);
    }

    public LogStatusNotificationResponse logStatus(StationContext ctx, LogStatusNotificationRequest r) {
        store(ctx, NoticeKind.LOG_STATUS, WireEnums.wire(r.status()), null, r);
        return new LogStatusNotificationResponse(null);
    }

    public FirmwareStatusNotificationResponse firmwareStatus(StationContext ctx, FirmwareStatusNotificationRequest r) {
        store(ctx, NoticeKind.FIRMWARE_STATUS, WireEnums.wire(r.status()), null, r);
        return new FirmwareStatusNotificationResponse(null);
    }

    public ReservationStatusUpdateResponse reservationStatus(StationContext ctx, ReservationStatusUpdateRequest r) {
        store(ctx, NoticeKind.RESERVATION_STATUS, WireEnums.wire(r.reservationUpdateStatus()), null, r);
        return new ReservationStatusUpdateResponse(null);
    }

    /** The CSMS has no vendor extensions: every DataTransfer is kept and answered UnknownVendorId. */
    public DataTransferResponse dataTransfer(StationContext ctx, DataTransferRequest r) {
        store(ctx, NoticeKind.DATA_TRANSFER, r.vendorId() + (r.messageId() == null ? "" : " " + r.messageId()), null, r);
        return new DataTransferResponse(DataTransferStatusEnumType.UnknownVendorId);
    }

    public NotifyCustomerInformationResponse customerInformation(StationContext ctx, NotifyCustomerInformationRequest r) {
        store(ctx, NoticeKind.CUSTOMER_INFORMATION, chunk(r.requestId(), r.seqNo(), r.tbc()), r.generatedAt(), r);
        return new NotifyCustomerInformationResponse(null);
    }

    public ReportChargingProfilesResponse chargingProfilesReport(StationContext ctx, ReportChargingProfilesRequest r) {
        store(ctx, NoticeKind.CHARGING_PROFILES_REPORT, chunk(r.requestId(), null, r.tbc()) + " evse " + r.evseId()
                + " " + r.chargingLimitSource(), null, r);
        return new ReportChargingProfilesResponse(null);
    }

    public NotifyMonitoringReportResponse monitoringReport(StationContext ctx, NotifyMonitoringReportRequest r) {
        store(ctx, NoticeKind.MONITORING_REPORT, chunk(r.requestId(), r.seqNo(), r.tbc()), r.generatedAt(), r);
        return new NotifyMonitoringReportResponse(null);
    }

    /** A 2.0.1 monitoring report, kept as the station sent it (see {@code StationMessages.onV201}). */
    public org.v2gcsms.ocpp.v201.NotifyMonitoringReportResponse monitoringReport(StationContext ctx,
            org.v2gcsms.ocpp.v201.NotifyMonitoringReportRequest r) {
        store(ctx, NoticeKind.MONITORING_REPORT, chunk(r.requestId(), r.seqNo(), r.tbc()), r.generatedAt(), r);
        return new org.v2gcsms.ocpp.v201.NotifyMonitoringReportResponse(null);
    }

    public NotifyDisplayMessagesResponse displayMessages(StationContext ctx, NotifyDisplayMessagesRequest r) {
        store(ctx, NoticeKind.DISPLAY_MESSAGES, chunk(r.requestId(), null, r.tbc()), null, r);
        return new NotifyDisplayMessagesResponse(null);
    }

    public NotifyChargingLimitResponse chargingLimit(StationContext ctx, NotifyChargingLimitRequest r) {
        store(ctx, NoticeKind.CHARGING_LIMIT, "set by " + r.chargingLimit().chargingLimitSource() + " evse " + r.evseId(),
                null, r);
        return new NotifyChargingLimitResponse(null);
    }

    public ClearedChargingLimitResponse chargingLimitCleared(StationContext ctx, ClearedChargingLimitRequest r) {
        store(ctx, NoticeKind.CHARGING_LIMIT, "cleared by " + r.chargingLimitSource() + " evse " + r.evseId(), null, r);
        return new ClearedChargingLimitResponse(null);
    }

    public PublishFirmwareStatusNotificationResponse publishFirmwareStatus(StationContext ctx,
                                                                           PublishFirmwareStatusNotificationRequest r) {
        store(ctx, NoticeKind.PUBLISH_FIRMWARE_STATUS, WireEnums.wire(r.status()), null, r);
        return new PublishFirmwareStatusNotificationResponse(null);
    }

    private static String chunk(Integer requestId, Integer seqNo, Boolean tbc) {
        return "request " + requestId + (seqNo == null ? "" : " part " + seqNo) + (Boolean.TRUE.equals(tbc) ? " (more)" : "");
    }

    public List<StationNotice> find(String stationId, NoticeKind kind, Instant since, int limit) {
        return notices.find(stationId, kind, since, limit);
    }

    private void store(StationContext ctx, NoticeKind kind, String type, Instant occurredAt, Object message) {
        Instant now = clock.instant();
        notices.add(List.of(new StationNotice(0, ctx.stationId(), kind, type, occurredAt == null ? now : occurredAt,
                json(message), now)));
    }

    private static String json(Object message) {
        return OcppMessages.of(MessageVersions.versionOf(message.getClass())).encode(message).toString();
    }
}
