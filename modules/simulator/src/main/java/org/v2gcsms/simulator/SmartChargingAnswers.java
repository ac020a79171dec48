package org.v2gcsms.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.ClearChargingProfileRequest;
import org.v2gcsms.ocpp.v21.ClearChargingProfileResponse;
import org.v2gcsms.ocpp.v21.ClearChargingProfileStatusEnumType;
import org.v2gcsms.ocpp.v21.ClearChargingProfileType;
import org.v2gcsms.ocpp.v21.ClearDERControlRequest;
import org.v2gcsms.ocpp.v21.ClearDERControlResponse;
import org.v2gcsms.ocpp.v21.CompositeScheduleType;
import org.v2gcsms.ocpp.v21.DERControlStatusEnumType;
import org.v2gcsms.ocpp.v21.EnterServiceGetType;
import org.v2gcsms.ocpp.v21.GenericStatusEnumType;
import org.v2gcsms.ocpp.v21.GetChargingProfileStatusEnumType;
import org.v2gcsms.ocpp.v21.GetChargingProfilesRequest;
import org.v2gcsms.ocpp.v21.GetChargingProfilesResponse;
import org.v2gcsms.ocpp.v21.GetCompositeScheduleRequest;
import org.v2gcsms.ocpp.v21.GetCompositeScheduleResponse;
import org.v2gcsms.ocpp.v21.GetDERControlRequest;
import org.v2gcsms.ocpp.v21.GetDERControlResponse;
import org.v2gcsms.ocpp.v21.LimitMaxDischargeGetType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;
import org.v2gcsms.ocpp.v21.ReportChargingProfilesRequest;
import org.v2gcsms.ocpp.v21.ReportDERControlRequest;
import org.v2gcsms.ocpp.v21.SetChargingProfileRequest;
import org.v2gcsms.ocpp.v21.SetChargingProfileResponse;
import org.v2gcsms.ocpp.v21.SetDERControlRequest;
import org.v2gcsms.ocpp.v21.SetDERControlResponse;
import org.v2gcsms.ocpp.v21.StatusInfoType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;

/** Answers the smart-charging calls (profiles, composite schedule) and, on 2.1, the DER-control calls. */
final class SmartChargingAnswers {
    private final SimulatedStation station;

    SmartChargingAnswers(SimulatedStation station) {
        this.station = station;
    }

    CsmsCallAnswers.Answer set(SetChargingProfileRequest request) {
        if (station.faults.rejectsProfiles()) {
            return new CsmsCallAnswers.Answer(rejected("SimulatedRejection"), null);
        }
        int evseId = request.evseId();
        Optional<ChargingProfiles.Transaction> tx = evseId >= 1 && evseId <= station.evses.size()
                ? station.evse(evseId).transaction() : Optional.empty();
        boolean discharge = station.spec.v2x() && station.version() == OcppVersion.V21;
        station.advanceAll(); // the old rules apply up to now
        Optional<String> refusal = station.profiles.install(evseId, request.chargingProfile(), tx, station.evses.size(),
                discharge, station.now());
        if (refusal.isPresent()) {
            return new CsmsCallAnswers.Answer(rejected(refusal.get()), null);
        }
        station.deviceModel.update("SmartChargingCtrlr", null, null, "Entries", Integer.toString(station.profiles.all().size()));
        return new CsmsCallAnswers.Answer(new SetChargingProfileResponse(ChargingProfileStatusEnumType.Accepted, null, null),
                () -> station.refreshAll(TriggerReasonEnumType.ChargingRateChanged));
    }

    private static SetChargingProfileResponse rejected(String reason) {
        return new SetChargingProfileResponse(ChargingProfileStatusEnumType.Rejected,
                new StatusInfoType(reason, null, null), null);
    }

    CsmsCallAnswers.Answer get(GetChargingProfilesRequest request) {
        var criterion = request.chargingProfile();
        List<ChargingProfiles.Installed> found = station.profiles.all().stream()
                .filter(i -> request.evseId() == null || i.evseId() == request.evseId())
                .filter(i -> criterion.chargingProfilePurpose() == null || i.purpose() == criterion.chargingProfilePurpose())
                .filter(i -> criterion.stackLevel() == null || i.profile().stackLevel().equals(criterion.stackLevel()))
                .filter(i -> criterion.chargingProfileId() == null || criterion.chargingProfileId().contains(i.profile().id()))
                .filter(i -> criterion.chargingLimitSource() == null || criterion.chargingLimitSource().contains("CSO"))
                .toList();
        if (found.isEmpty()) {
            return new CsmsCallAnswers.Answer(new GetChargingProfilesResponse(GetChargingProfileStatusEnumType.NoProfiles, null, null), null);
        }
        return new CsmsCallAnswers.Answer(new GetChargingProfilesResponse(GetChargingProfileStatusEnumType.Accepted, null, null), () -> {
            List<Integer> evseIds = found.stream().map(ChargingProfiles.Installed::evseId).distinct().toList();
            for (int n = 0; n < evseIds.size(); n++) {
                int evseId = evseIds.get(n);
                station.outbox.call(new ReportChargingProfilesRequest(request.requestId(), "CSO",
                        found.stream().filter(i -> i.evseId() == evseId).map(ChargingProfiles.Installed::profile).toList(),
                        n < evseIds.size() - 1 ? Boolean.TRUE : null, evseId, null));
            }
        });
    }

    CsmsCallAnswers.Answer clear(ClearChargingProfileRequest request) {
        ClearChargingProfileType c = request.chargingProfileCriteria();
        Predicate<ChargingProfiles.Installed> which = i -> (request.chargingProfileId() == null
                || i.profile().id().equals(request.chargingProfileId()))
                && (c == null || ((c.evseId() == null || c.evseId() == i.evseId())
                && (c.chargingProfilePurpose() == null || c.chargingProfilePurpose() == i.purpose())
                && (c.stackLevel() == null || c.stackLevel().equals(i.profile().stackLevel()))));
        station.advanceAll();
        int cleared = station.profiles.clear(which);
        station.deviceModel.update("SmartChargingCtrlr", null, null, "Entries", Integer.toString(station.profiles.all().size()));
        return new CsmsCallAnswers.Answer(new ClearChargingProfileResponse(cleared > 0
                ? ClearChargingProfileStatusEnumType.Accepted : ClearChargingProfileStatusEnumType.Unknown, null, null),
                cleared > 0 ? () -> station.refreshAll(TriggerReasonEnumType.ChargingRateChanged) : null);
    }

    /**
     * The schedule the station will follow on an EVSE (or, for EVSE 0, the station maximum) from now on,
     * including its own rating as a limit, sampled at every change.
     */
    GetCompositeScheduleResponse composite(GetCompositeScheduleRequest request) {
        int evseId = request.evseId();
        if (evseId < 0 || evseId > station.evses.size()) {
            return new GetCompositeScheduleResponse(GenericStatusEnumType.Rejected, new StatusInfoType("UnknownEvse", null, null), null, null);
        }
        ChargingRateUnitEnumType unit = request.chargingRateUnit() == null ? ChargingRateUnitEnumType.W : request.chargingRateUnit();
        double perUnit = unit == ChargingRateUnitEnumType.W ? 1 : ChargingProfiles.VOLTS * ChargingProfiles.DEFAULT_PHASES;
        Instant start = station.now();
        Instant end = start.plusSeconds(request.duration());
        Optional<ChargingProfiles.Transaction> tx = evseId == 0 ? Optional.empty() : station.evse(evseId).transaction();
        double chargeRating = evseId == 0 ? station.spec.chargeW() * station.evses.size() : station.spec.chargeW();
        double dischargeRating = evseId == 0 ? station.spec.dischargeW() * station.evses.size() : station.spec.dischargeW();
        List<ChargingSchedulePeriodType> periods = new ArrayList<>();
        Instant t = start;
        while (t.isBefore(end) && periods.size() < ChargingProfiles.MAX_PERIODS) {
            PowerWindow w = (evseId == 0 ? station.profiles.windowAt(0, Optional.empty(), t, 1)
                    : station.profiles.windowAt(evseId, tx, t, 1)).capped(chargeRating, dischargeRating);
            periods.add(period((int) Duration.between(start, t).toSeconds(), w, perUnit));
            Instant next = station.profiles.nextChangeAfter(Math.max(evseId, 1), tx, t);
            if (next == null) {
                break;
            }
            t = next;
        }
        return new GetCompositeScheduleResponse(GenericStatusEnumType.Accepted, null,
                new CompositeScheduleType(evseId, request.duration(), start, unit, periods, null), null);
    }

    private ChargingSchedulePeriodType period(int startPeriod, PowerWindow w, double perUnit) {
        double limit = StationMessages.round(w.maxChargeW() / perUnit, 1);
        if (station.version() == OcppVersion.V201 || (w.setpointW() == null && w.maxDischargeW() == 0)) {
            return new ChargingSchedulePeriodType(startPeriod, limit, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null);
        }
        OperationModeEnumType mode = w.setpointW() == null ? OperationModeEnumType.ChargingOnly : OperationModeEnumType.CentralSetpoint;
        return new ChargingSchedulePeriodType(startPeriod, limit, null, null, null, null,
                StationMessages.round(-w.maxDischargeW() / perUnit, 1), null, null,
                w.setpointW() == null ? null : StationMessages.round(w.requestedW() / perUnit, 1),
                null, null, null, null, null, null, null, null, mode, null, null, null);
    }

    // ---- DER control (2.1) ------------------------------------------------------------------------------------

    SetDERControlResponse setDer(SetDERControlRequest request) {
        if (!station.spec.v2x() || !DerControls.supports(request.controlType())) {
            return new SetDERControlResponse(DERControlStatusEnumType.NotSupported, null, null, null);
        }
        station.advanceAll();
        List<String> superseded = station.der.set(request);
        station.der.enterService().ifPresent(station.protection::enterService);
        return new SetDERControlResponse(DERControlStatusEnumType.Accepted, null, superseded.isEmpty() ? null : superseded, null);
    }

    CsmsCallAnswers.Answer getDer(GetDERControlRequest request) {
        List<DerControls.Control> found = station.der.matching(c -> (request.controlId() == null || c.id().equals(request.controlId()))
                && (request.controlType() == null || c.type() == request.controlType())
                && (request.isDefault() == null || c.isDefault() == request.isDefault()));
        if (found.isEmpty()) {
            return new CsmsCallAnswers.Answer(new GetDERControlResponse(DERControlStatusEnumType.NotFound, null, null), null);
        }
        List<LimitMaxDischargeGetType> limits = found.stream().filter(c -> c.request().limitMaxDischarge() != null)
                .map(c -> new LimitMaxDischargeGetType(c.id(), c.isDefault(), false, c.request().limitMaxDischarge(), null)).toList();
        List<EnterServiceGetType> enter = found.stream().filter(c -> c.request().enterService() != null)
                .map(c -> new EnterServiceGetType(c.request().enterService(), c.id(), null)).toList();
        return new CsmsCallAnswers.Answer(new GetDERControlResponse(DERControlStatusEnumType.Accepted, null, null),
                () -> station.outbox.call(new ReportDERControlRequest(null, enter.isEmpty() ? null : enter, null, null,
                        null, null, null, limits.isEmpty() ? null : limits, request.requestId(), null, null)));
    }

    ClearDERControlResponse clearDer(ClearDERControlRequest request) {
        station.advanceAll();
        int cleared = station.der.clear(c -> (request.controlId() == null || c.id().equals(request.controlId()))
                && (request.controlType() == null || c.type() == request.controlType())
                && c.isDefault() == Boolean.TRUE.equals(request.isDefault()));
        station.protection.enterService(station.der.enterService().orElse(station.protection.defaultEnterService()));
        return new ClearDERControlResponse(cleared > 0 ? DERControlStatusEnumType.Accepted : DERControlStatusEnumType.NotFound, null, null);
    }
}
