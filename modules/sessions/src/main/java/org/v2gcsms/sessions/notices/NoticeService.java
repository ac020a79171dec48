package org.v2gcsms.sessions.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.EventDataType;
import org.v2gcsms.ocpp.v21.FirmwareStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.FirmwareStatusNotificationResponse;
import org.v2gcsms.ocpp.v21.LogStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.LogStatusNotificationResponse;
import org.v2gcsms.ocpp.v21.NotifyEventRequest;
import org.v2gcsms.ocpp.v21.NotifyEventResponse;
import org.v2gcsms.ocpp.v21.ReservationStatusUpdateRequest;
import org.v2gcsms.ocpp.v21.ReservationStatusUpdateResponse;
import org.v2gcsms.ocpp.v21.SecurityEventNotificationRequest;
import org.v2gcsms.ocpp.v21.SecurityEventNotificationResponse;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.WireEnums;

/** Stores security events, device-model events and the status notifications commands cause. */
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

    public List<StationNotice> find(String stationId, NoticeKind kind, Instant since, int limit) {
        return notices.find(stationId, kind, since, limit);
    }

    private void store(StationContext ctx, NoticeKind kind, String type, Instant occurredAt, Object message) {
        Instant now = clock.instant();
        notices.add(List.of(new StationNotice(0, ctx.stationId(), kind, type, occurredAt == null ? now : occurredAt,
                json(message), now)));
    }

    private static String json(Object message) {
        return OcppMessages.of(OcppVersion.V21).encode(message).toString();
    }
}
