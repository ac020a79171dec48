package org.v2gcsms.simulator;

import java.util.List;
import org.v2gcsms.ocpp.v21.*;

/**
 * What the station answers to each call a CSMS may send, as a real V2G station would: Accepted or Rejected as
 * its state dictates, and the follow-up messages (NotifyReport, ReportChargingProfiles, StatusNotification...)
 * after the answer. Features a fast charger of this kind does not have (certificates, display messages,
 * tariffs, firmware, monitoring, reservations) are answered with the refusal each message defines.
 */
final class CsmsCallAnswers {

    /** The response, and what to do once it is on the wire. */
    record Answer(Object response, Runnable then) {}

    private final SimulatedStation station;
    private final DeviceModelAnswers deviceModel;
    private final SmartChargingAnswers smartCharging;

    CsmsCallAnswers(SimulatedStation station) {
        this.station = station;
        this.deviceModel = new DeviceModelAnswers(station);
        this.smartCharging = new SmartChargingAnswers(station);
    }

    Answer answer(Object request) {
        return switch (request) {
            case GetVariablesRequest r -> now(deviceModel.get(r));
            case SetVariablesRequest r -> now(deviceModel.set(r));
            case GetBaseReportRequest r -> deviceModel.baseReport(r);
            case GetReportRequest r -> deviceModel.report(r);
            case SetChargingProfileRequest r -> smartCharging.set(r);
            case GetChargingProfilesRequest r -> smartCharging.get(r);
            case ClearChargingProfileRequest r -> smartCharging.clear(r);
            case GetCompositeScheduleRequest r -> now(smartCharging.composite(r));
            case SetDERControlRequest r -> now(smartCharging.setDer(r));
            case GetDERControlRequest r -> smartCharging.getDer(r);
            case ClearDERControlRequest r -> now(smartCharging.clearDer(r));
            case RequestStartTransactionRequest r -> start(r);
            case RequestStopTransactionRequest r -> stop(r);
            case ResetRequest r -> reset(r);
            case ChangeAvailabilityRequest r -> availability(r);
            case UnlockConnectorRequest r -> now(unlock(r));
            case TriggerMessageRequest r -> trigger(r);
            case GetTransactionStatusRequest r -> now(new GetTransactionStatusResponse(
                    r.transactionId() == null ? null : station.evseWithTransaction(r.transactionId()).isPresent(),
                    station.outbox.holdsTransactionEvents(), null));
            case GetLocalListVersionRequest r -> now(new GetLocalListVersionResponse(station.localListVersion(), null));
            case SendLocalListRequest r -> {
                station.localListVersion(r.versionNumber());
                yield now(new SendLocalListResponse(SendLocalListStatusEnumType.Accepted, null, null));
            }
            case ClearCacheRequest r -> now(new ClearCacheResponse(ClearCacheStatusEnumType.Accepted, null, null));
            case DataTransferRequest r -> now(new DataTransferResponse(DataTransferStatusEnumType.UnknownVendorId, null, null, null));
            case CostUpdatedRequest r -> now(new CostUpdatedResponse(null));
            case CustomerInformationRequest r -> new Answer(
                    new CustomerInformationResponse(CustomerInformationStatusEnumType.Accepted, null, null),
                    () -> station.outbox.call(new NotifyCustomerInformationRequest("No customer data is stored.", null, 0,
                            station.now(), r.requestId(), null)));
            case ReserveNowRequest r -> now(new ReserveNowResponse(ReserveNowStatusEnumType.Rejected, unsupported("Reservation"), null));
            case CancelReservationRequest r -> now(new CancelReservationResponse(CancelReservationStatusEnumType.Rejected, unsupported("Reservation"), null));
            case CertificateSignedRequest r -> now(new CertificateSignedResponse(CertificateSignedStatusEnumType.Rejected, unsupported("Certificates"), null));
            case InstallCertificateRequest r -> now(new InstallCertificateResponse(InstallCertificateStatusEnumType.Rejected, unsupported("Certificates"), null));
            case DeleteCertificateRequest r -> now(new DeleteCertificateResponse(DeleteCertificateStatusEnumType.NotFound, null, null));
            case GetInstalledCertificateIdsRequest r -> now(new GetInstalledCertificateIdsResponse(GetInstalledCertificateStatusEnumType.NotFound, null, null, null));
            case GetLogRequest r -> now(new GetLogResponse(LogStatusEnumType.Rejected, unsupported("LogUpload"), null, null));
            case UpdateFirmwareRequest r -> now(new UpdateFirmwareResponse(UpdateFirmwareStatusEnumType.Rejected, unsupported("FirmwareUpdate"), null));
            case PublishFirmwareRequest r -> now(new PublishFirmwareResponse(GenericStatusEnumType.Rejected, unsupported("LocalController"), null));
            case UnpublishFirmwareRequest r -> now(new UnpublishFirmwareResponse(UnpublishFirmwareStatusEnumType.NoFirmware, null));
            case SetNetworkProfileRequest r -> now(new SetNetworkProfileResponse(SetNetworkProfileStatusEnumType.Rejected, unsupported("NetworkProfiles"), null));
            case SetDisplayMessageRequest r -> now(new SetDisplayMessageResponse(DisplayMessageStatusEnumType.Rejected, unsupported("Display"), null));
            case GetDisplayMessagesRequest r -> now(new GetDisplayMessagesResponse(GetDisplayMessagesStatusEnumType.Unknown, null, null));
            case ClearDisplayMessageRequest r -> now(new ClearDisplayMessageResponse(ClearMessageStatusEnumType.Unknown, null, null));
            case GetMonitoringReportRequest r -> now(new GetMonitoringReportResponse(GenericDeviceModelStatusEnumType.NotSupported, unsupported("Monitoring"), null));
            case SetMonitoringBaseRequest r -> now(new SetMonitoringBaseResponse(GenericDeviceModelStatusEnumType.NotSupported, unsupported("Monitoring"), null));
            case SetMonitoringLevelRequest r -> now(new SetMonitoringLevelResponse(GenericStatusEnumType.Rejected, unsupported("Monitoring"), null));
            case SetVariableMonitoringRequest r -> now(new SetVariableMonitoringResponse(r.setMonitoringData().stream()
                    .map(d -> new SetMonitoringResultType(d.id(), null, SetMonitoringStatusEnumType.UnsupportedMonitorType,
                            d.type(), d.component(), d.variable(), d.severity(), null)).toList(), null));
            case ClearVariableMonitoringRequest r -> now(new ClearVariableMonitoringResponse(r.id().stream()
                    .map(id -> new ClearMonitoringResultType(ClearMonitoringStatusEnumType.NotFound, id, null, null)).toList(), null));
            // OCPP 2.1 only
            case AFRRSignalRequest r -> now(new AFRRSignalResponse(GenericStatusEnumType.Rejected, unsupported("AFRR"), null));
            case UpdateDynamicScheduleRequest r -> now(new UpdateDynamicScheduleResponse(ChargingProfileStatusEnumType.Rejected, unsupported("DynamicProfiles"), null));
            case UsePriorityChargingRequest r -> now(new UsePriorityChargingResponse(PriorityChargingStatusEnumType.NoProfile, null, null));
            case NotifyAllowedEnergyTransferRequest r -> now(new NotifyAllowedEnergyTransferResponse(
                    station.evseWithTransaction(r.transactionId()).isPresent() ? NotifyAllowedEnergyTransferStatusEnumType.Accepted
                            : NotifyAllowedEnergyTransferStatusEnumType.Rejected, null, null));
            case NotifyWebPaymentStartedRequest r -> now(new NotifyWebPaymentStartedResponse(null));
            case RequestBatterySwapRequest r -> now(new RequestBatterySwapResponse(GenericStatusEnumType.Rejected, unsupported("BatterySwap"), null));
            case SetDefaultTariffRequest r -> now(new SetDefaultTariffResponse(TariffSetStatusEnumType.Rejected, unsupported("Tariffs"), null));
            case ChangeTransactionTariffRequest r -> now(new ChangeTransactionTariffResponse(TariffChangeStatusEnumType.Rejected, unsupported("Tariffs"), null));
            case GetTariffsRequest r -> now(new GetTariffsResponse(TariffGetStatusEnumType.NoTariff, null, null, null));
            case ClearTariffsRequest r -> now(new ClearTariffsResponse(List.of(new ClearTariffsResultType(null, null, TariffClearStatusEnumType.NoTariff, null)), null));
            case AdjustPeriodicEventStreamRequest r -> now(new AdjustPeriodicEventStreamResponse(GenericStatusEnumType.Rejected, unsupported("PeriodicEventStream"), null));
            case GetPeriodicEventStreamRequest r -> now(new GetPeriodicEventStreamResponse(null, null));
            case ClosePeriodicEventStreamRequest r -> now(new ClosePeriodicEventStreamResponse(null));
            default -> throw new IllegalStateException("no answer for " + request.getClass().getSimpleName());
        };
    }

    private static Answer now(Object response) {
        return new Answer(response, null);
    }

    private static StatusInfoType unsupported(String feature) {
        return new StatusInfoType("UnsupportedRequest", feature + " is not supported by this station", null);
    }

    private Answer start(RequestStartTransactionRequest r) {
        Evse evse = r.evseId() == null ? station.evses.stream().filter(Evse::free).findFirst().orElse(null)
                : r.evseId() >= 1 && r.evseId() <= station.evses.size() ? station.evse(r.evseId()) : null;
        if (evse == null || !evse.free()) {
            return now(new RequestStartTransactionResponse(RequestStartStopStatusEnumType.Rejected,
                    new StatusInfoType(evse == null ? "UnknownEvse" : "Occupied", null, null), null, null));
        }
        // The driver plugs in the next EV of the fleet; the CSMS has authorised it already.
        Arrival arrival = station.remoteStartArrival();
        return new Answer(new RequestStartTransactionResponse(RequestStartStopStatusEnumType.Accepted, null, null, null), () -> {
            if (evse.free()) {
                station.arrive(evse, arrival, r.idToken(), r.remoteStartId(), TriggerReasonEnumType.RemoteStart);
                if (r.chargingProfile() != null && evse.session != null) {
                    var p = r.chargingProfile();
                    station.profiles.install(evse.id, new ChargingProfileType(p.id(), p.stackLevel(), p.chargingProfilePurpose(),
                            p.chargingProfileKind(), p.recurrencyKind(), p.validFrom(), p.validTo(), evse.session.transactionId,
                            p.maxOfflineDuration(), p.chargingSchedule(), p.invalidAfterOfflineDuration(), p.dynUpdateInterval(),
                            p.dynUpdateTime(), p.priceScheduleSignature(), p.customData()), evse.transaction(),
                            station.evses.size(), station.spec.v2x(), station.now());
                    station.refresh(evse, TriggerReasonEnumType.ChargingRateChanged);
                }
            }
        });
    }

    private Answer stop(RequestStopTransactionRequest r) {
        var evse = station.evseWithTransaction(r.transactionId());
        if (evse.isEmpty()) {
            return now(new RequestStopTransactionResponse(RequestStartStopStatusEnumType.Rejected, null, null));
        }
        return new Answer(new RequestStopTransactionResponse(RequestStartStopStatusEnumType.Accepted, null, null),
                () -> station.end(evse.get(), TriggerReasonEnumType.RemoteStop, ReasonEnumType.Remote));
    }

    private Answer reset(ResetRequest r) {
        if (r.evseId() != null && (r.evseId() < 1 || r.evseId() > station.evses.size())) {
            return now(new ResetResponse(ResetStatusEnumType.Rejected, new StatusInfoType("UnknownEvse", null, null), null));
        }
        if (r.type() == ResetEnumType.OnIdle && station.anySession()) {
            station.resetWhenIdle();
            return now(new ResetResponse(ResetStatusEnumType.Scheduled, null, null));
        }
        return new Answer(new ResetResponse(ResetStatusEnumType.Accepted, null, null), station::resetNow);
    }

    private Answer availability(ChangeAvailabilityRequest r) {
        boolean operative = r.operationalStatus() == OperationalStatusEnumType.Operative;
        List<Evse> targets = r.evse() == null || r.evse().id() == 0 ? station.evses
                : r.evse().id() <= station.evses.size() ? List.of(station.evse(r.evse().id())) : List.of();
        if (targets.isEmpty()) {
            return now(new ChangeAvailabilityResponse(ChangeAvailabilityStatusEnumType.Rejected,
                    new StatusInfoType("UnknownEvse", null, null), null));
        }
        boolean scheduled = false;
        for (Evse e : targets) {
            if (!operative && e.session != null) {
                e.inoperativeWhenIdle = true;
                scheduled = true;
            } else {
                e.operative = operative;
                e.inoperativeWhenIdle = false;
            }
        }
        return new Answer(new ChangeAvailabilityResponse(scheduled ? ChangeAvailabilityStatusEnumType.Scheduled
                : ChangeAvailabilityStatusEnumType.Accepted, null, null),
                () -> targets.stream().filter(e -> e.session == null)
                        .forEach(e -> station.outbox.call(StationMessages.status(e, station.now()))));
    }

    private UnlockConnectorResponse unlock(UnlockConnectorRequest r) {
        if (r.evseId() < 1 || r.evseId() > station.evses.size() || r.connectorId() != Evse.CONNECTOR) {
            return new UnlockConnectorResponse(UnlockStatusEnumType.UnknownConnector, null, null);
        }
        Evse e = station.evse(r.evseId());
        if (e.session != null && e.session.started) {
            return new UnlockConnectorResponse(UnlockStatusEnumType.OngoingAuthorizedTransaction, null, null);
        }
        return new UnlockConnectorResponse(UnlockStatusEnumType.Unlocked, null, null);
    }

    private Answer trigger(TriggerMessageRequest r) {
        List<Evse> evses = r.evse() == null || r.evse().id() == null || r.evse().id() == 0 ? station.evses
                : r.evse().id() <= station.evses.size() ? List.of(station.evse(r.evse().id())) : List.of();
        if (evses.isEmpty()) {
            return now(new TriggerMessageResponse(TriggerMessageStatusEnumType.Rejected, new StatusInfoType("UnknownEvse", null, null), null));
        }
        Runnable then = switch (r.requestedMessage()) {
            case BootNotification -> station.bootAccepted() ? null : station::bootTriggered;
            case Heartbeat -> station::sendHeartbeat;
            case StatusNotification -> () -> evses.forEach(e -> station.outbox.call(StationMessages.status(e, station.now())));
            case MeterValues -> () -> evses.forEach(e -> {
                station.powerFlow.advance(e, station.now());
                station.outbox.call(new MeterValuesRequest(e.id, List.of(StationMessages.meterValue(e, station.protection.reading(),
                        station.now(), ReadingContextEnumType.Trigger)), null));
            });
            case TransactionEvent -> evses.stream().anyMatch(e -> e.session != null && e.session.started)
                    ? () -> evses.stream().filter(e -> e.session != null && e.session.started).forEach(e -> {
                        station.powerFlow.advance(e, station.now());
                        station.transactionEvent(e, TransactionEventEnumType.Updated, TriggerReasonEnumType.Trigger, null, false);
                    })
                    : null;
            case LogStatusNotification -> () -> station.outbox.call(new LogStatusNotificationRequest(UploadLogStatusEnumType.Idle, null, null, null));
            case FirmwareStatusNotification -> () -> station.outbox.call(new FirmwareStatusNotificationRequest(FirmwareStatusEnumType.Idle, null, null, null));
            default -> NOT_IMPLEMENTED;
        };
        if (then == NOT_IMPLEMENTED) {
            return now(new TriggerMessageResponse(TriggerMessageStatusEnumType.NotImplemented, null, null));
        }
        return then == null ? now(new TriggerMessageResponse(TriggerMessageStatusEnumType.Rejected, null, null))
                : new Answer(new TriggerMessageResponse(TriggerMessageStatusEnumType.Accepted, null, null), then);
    }

    private static final Runnable NOT_IMPLEMENTED = () -> { };
}
