package org.v2gcsms.ocpp.codegen;

import java.util.Map;
import org.v2gcsms.ocpp.Direction;

/**
 * Who initiates each OCPP 2.x action, from the team's protocol digest (shared/ocpp/digest.md, section 4). The schemas
 * do not say it. Actions common to 2.0.1 and 2.1 go the same way in both.
 */
final class ActionDirections {
    private static final Direction UP = Direction.STATION_TO_CSMS;
    private static final Direction DOWN = Direction.CSMS_TO_STATION;

    private static final Map<String, Direction> DIRECTIONS = Map.ofEntries(
            Map.entry("AFRRSignal", DOWN),
            Map.entry("AdjustPeriodicEventStream", DOWN),
            Map.entry("Authorize", UP),
            Map.entry("BatterySwap", UP),
            Map.entry("BootNotification", UP),
            Map.entry("CancelReservation", DOWN),
            Map.entry("CertificateSigned", DOWN),
            Map.entry("ChangeAvailability", DOWN),
            Map.entry("ChangeTransactionTariff", DOWN),
            Map.entry("ClearCache", DOWN),
            Map.entry("ClearChargingProfile", DOWN),
            Map.entry("ClearDERControl", DOWN),
            Map.entry("ClearDisplayMessage", DOWN),
            Map.entry("ClearTariffs", DOWN),
            Map.entry("ClearVariableMonitoring", DOWN),
            Map.entry("ClearedChargingLimit", UP),
            Map.entry("ClosePeriodicEventStream", UP),
            Map.entry("CostUpdated", DOWN),
            Map.entry("CustomerInformation", DOWN),
            Map.entry("DataTransfer", Direction.BOTH),
            Map.entry("DeleteCertificate", DOWN),
            Map.entry("FirmwareStatusNotification", UP),
            Map.entry("Get15118EVCertificate", UP),
            Map.entry("GetBaseReport", DOWN),
            Map.entry("GetCertificateChainStatus", UP),
            Map.entry("GetCertificateStatus", UP),
            Map.entry("GetChargingProfiles", DOWN),
            Map.entry("GetCompositeSchedule", DOWN),
            Map.entry("GetDERControl", DOWN),
            Map.entry("GetDisplayMessages", DOWN),
            Map.entry("GetInstalledCertificateIds", DOWN),
            Map.entry("GetLocalListVersion", DOWN),
            Map.entry("GetLog", DOWN),
            Map.entry("GetMonitoringReport", DOWN),
            Map.entry("GetPeriodicEventStream", DOWN),
            Map.entry("GetReport", DOWN),
            Map.entry("GetTariffs", DOWN),
            Map.entry("GetTransactionStatus", DOWN),
            Map.entry("GetVariables", DOWN),
            Map.entry("Heartbeat", UP),
            Map.entry("InstallCertificate", DOWN),
            Map.entry("LogStatusNotification", UP),
            Map.entry("MeterValues", UP),
            Map.entry("NotifyAllowedEnergyTransfer", DOWN),
            Map.entry("NotifyChargingLimit", UP),
            Map.entry("NotifyCustomerInformation", UP),
            Map.entry("NotifyDERAlarm", UP),
            Map.entry("NotifyDERStartStop", UP),
            Map.entry("NotifyDisplayMessages", UP),
            Map.entry("NotifyEVChargingNeeds", UP),
            Map.entry("NotifyEVChargingSchedule", UP),
            Map.entry("NotifyEvent", UP),
            Map.entry("NotifyMonitoringReport", UP),
            Map.entry("NotifyPeriodicEventStream", UP),
            Map.entry("NotifyPriorityCharging", UP),
            Map.entry("NotifyReport", UP),
            Map.entry("NotifySettlement", UP),
            Map.entry("NotifyWebPaymentStarted", DOWN),
            Map.entry("OpenPeriodicEventStream", UP),
            Map.entry("PublishFirmware", DOWN),
            Map.entry("PublishFirmwareStatusNotification", UP),
            Map.entry("PullDynamicScheduleUpdate", UP),
            Map.entry("ReportChargingProfiles", UP),
            Map.entry("ReportDERControl", UP),
            Map.entry("RequestBatterySwap", DOWN),
            Map.entry("RequestStartTransaction", DOWN),
            Map.entry("RequestStopTransaction", DOWN),
            Map.entry("ReservationStatusUpdate", UP),
            Map.entry("ReserveNow", DOWN),
            Map.entry("Reset", DOWN),
            Map.entry("SecurityEventNotification", UP),
            Map.entry("SendLocalList", DOWN),
            Map.entry("SetChargingProfile", DOWN),
            Map.entry("SetDERControl", DOWN),
            Map.entry("SetDefaultTariff", DOWN),
            Map.entry("SetDisplayMessage", DOWN),
            Map.entry("SetMonitoringBase", DOWN),
            Map.entry("SetMonitoringLevel", DOWN),
            Map.entry("SetNetworkProfile", DOWN),
            Map.entry("SetVariableMonitoring", DOWN),
            Map.entry("SetVariables", DOWN),
            Map.entry("SignCertificate", UP),
            Map.entry("StatusNotification", UP),
            Map.entry("TransactionEvent", UP),
            Map.entry("TriggerMessage", DOWN),
            Map.entry("UnlockConnector", DOWN),
            Map.entry("UnpublishFirmware", DOWN),
            Map.entry("UpdateDynamicSchedule", DOWN),
            Map.entry("UpdateFirmware", DOWN),
            Map.entry("UsePriorityCharging", DOWN),
            Map.entry("VatNumberValidation", UP));

    private ActionDirections() {
    }

    static Direction of(String action) {
        Direction d = DIRECTIONS.get(action);
        if (d == null) {
            throw new IllegalStateException("No direction known for action " + action + ": add it from the digest");
        }
        return d;
    }
}
