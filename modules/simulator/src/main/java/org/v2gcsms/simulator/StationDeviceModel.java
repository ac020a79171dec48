package org.v2gcsms.simulator;

import static org.v2gcsms.ocpp.v21.DataEnumType.MemberList;
import static org.v2gcsms.ocpp.v21.DataEnumType.OptionList;
import static org.v2gcsms.ocpp.v21.DataEnumType.SequenceList;
import static org.v2gcsms.ocpp.v21.DataEnumType.boolean_;
import static org.v2gcsms.ocpp.v21.DataEnumType.decimal;
import static org.v2gcsms.ocpp.v21.DataEnumType.integer;
import static org.v2gcsms.ocpp.v21.DataEnumType.string;

import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.MutabilityEnumType;

/** The device model a simulated station starts with: the standard components a V2G fast charger reports. */
final class StationDeviceModel {
    static final String MEASURANDS = "SoC,Energy.Active.Import.Register,Energy.Active.Export.Register,"
            + "Power.Active.Import,Power.Active.Export,Voltage,Current.Import,Current.Export,Frequency";

    private StationDeviceModel() {
    }

    static DeviceModel of(StationSpec spec, StationSettings settings) {
        DeviceModel m = new DeviceModel()
                .fixed("ChargingStation", null, "AvailabilityState", OptionList, "Available")
                .fixed("ChargingStation", null, "Available", boolean_, "true")
                .fixed("ChargingStation", null, "Model", string, "V2G-SIM-" + (int) spec.chargeKw())
                .fixed("ChargingStation", null, "VendorName", string, "v2g-csms simulator")
                .fixed("ChargingStation", null, "SupplyPhases", integer, "3")
                .add("DeviceDataCtrlr", null, null, "ItemsPerMessage", "GetReport", MutabilityEnumType.ReadOnly, integer, null, null, null, "20")
                .add("DeviceDataCtrlr", null, null, "ItemsPerMessage", "GetVariables", MutabilityEnumType.ReadOnly, integer, null, null, null, "50")
                .add("DeviceDataCtrlr", null, null, "ItemsPerMessage", "SetVariables", MutabilityEnumType.ReadOnly, integer, null, null, null, "50")
                .add("DeviceDataCtrlr", null, null, "BytesPerMessage", "GetReport", MutabilityEnumType.ReadOnly, integer, null, null, null, "65000")
                .writable("OCPPCommCtrlr", "HeartbeatInterval", integer, "s", null, "300")
                .add("OCPPCommCtrlr", null, null, "MessageTimeout", "Default", MutabilityEnumType.ReadOnly, integer, "s", null, null,
                        Long.toString(settings.callTimeout().toSeconds()))
                .writable("OCPPCommCtrlr", "OfflineThreshold", integer, "s", null, "60")
                .writable("OCPPCommCtrlr", "NetworkConfigurationPriority", SequenceList, null, "0", "0")
                .writable("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", integer, null, null, "3")
                .add("OCPPCommCtrlr", null, null, "MessageAttempts", "TransactionEvent", MutabilityEnumType.ReadWrite, integer, null, null, null, "3")
                .add("OCPPCommCtrlr", null, null, "MessageAttemptInterval", "TransactionEvent", MutabilityEnumType.ReadWrite, integer, "s", null, null, "30")
                .writable("OCPPCommCtrlr", "ResetRetries", integer, null, null, "2")
                .fixed("SecurityCtrlr", null, "SecurityProfile", integer, Integer.toString(spec.securityProfile()))
                .fixed("SecurityCtrlr", null, "Identity", string, spec.id())
                .writable("SecurityCtrlr", "OrganizationName", string, null, null, "v2g-csms")
                .add("SecurityCtrlr", null, null, "BasicAuthPassword", null, MutabilityEnumType.WriteOnly, string, null, null, null,
                        spec.password().orElse(""))
                .writable("AuthCtrlr", "Enabled", boolean_, null, null, "true")
                .writable("AuthCtrlr", "AuthorizeRemoteStart", boolean_, null, null, "false")
                .writable("AuthCtrlr", "LocalAuthorizeOffline", boolean_, null, null, "true")
                .writable("AuthCtrlr", "LocalPreAuthorize", boolean_, null, null, "false")
                .writable("AuthCtrlr", "OfflineTxForUnknownIdEnabled", boolean_, null, null, "true")
                .writable("LocalAuthListCtrlr", "Enabled", boolean_, null, null, "true")
                .fixed("LocalAuthListCtrlr", null, "Entries", integer, "0")
                .writable("TxCtrlr", "EVConnectionTimeOut", integer, "s", null, "60")
                .writable("TxCtrlr", "StopTxOnEVSideDisconnect", boolean_, null, null, "true")
                .writable("TxCtrlr", "StopTxOnInvalidId", boolean_, null, null, "true")
                .writable("TxCtrlr", "TxStartPoint", MemberList, null, "Authorized,EVConnected,PowerPathClosed", "Authorized")
                .writable("TxCtrlr", "TxStopPoint", MemberList, null, "Authorized,EVConnected,PowerPathClosed", "EVConnected")
                .fixed("TxCtrlr", null, "MaxSessionDuration", integer, Long.toString(settings.sessionLimit().toSeconds()))
                .writable("SampledDataCtrlr", "TxUpdatedInterval", integer, "s", null,
                        Long.toString(settings.meterInterval().toSeconds()))
                .writable("SampledDataCtrlr", "TxUpdatedMeasurands", MemberList, null, MEASURANDS, MEASURANDS)
                .writable("SampledDataCtrlr", "TxStartedMeasurands", MemberList, null, MEASURANDS, MEASURANDS)
                .writable("SampledDataCtrlr", "TxEndedMeasurands", MemberList, null, MEASURANDS, MEASURANDS)
                .writable("SmartChargingCtrlr", "Enabled", boolean_, null, null, "true")
                .fixed("SmartChargingCtrlr", null, "RateUnit", MemberList, "A,W")
                .fixed("SmartChargingCtrlr", null, "PeriodsPerSchedule", integer, Integer.toString(ChargingProfiles.MAX_PERIODS))
                .fixed("SmartChargingCtrlr", null, "ProfileStackLevel", integer, Integer.toString(ChargingProfiles.MAX_STACK_LEVEL))
                .add("SmartChargingCtrlr", null, null, "Entries", "ChargingProfiles", MutabilityEnumType.ReadOnly, integer, null,
                        (double) ChargingProfiles.MAX_ENTRIES, null, "0")
                .writable("SmartChargingCtrlr", "LimitChangeSignificance", decimal, "Percent", null, "5.0");
        for (int e = 1; e <= spec.evses(); e++) {
            m.fixed("EVSE", e, "AvailabilityState", OptionList, "Available")
                    .fixed("EVSE", e, "Available", boolean_, "true")
                    .fixed("EVSE", e, "SupplyPhases", integer, "3")
                    .add("EVSE", e, null, "Power", null, MutabilityEnumType.ReadOnly, decimal, "W", spec.chargeW(), null, "0")
                    .add("Connector", e, Evse.CONNECTOR, "AvailabilityState", null, MutabilityEnumType.ReadOnly, OptionList, null, null,
                            null, "Available")
                    .add("Connector", e, Evse.CONNECTOR, "ConnectorType", null, MutabilityEnumType.ReadOnly, string, null, null, null,
                            "cCCS2");
            if (spec.version() == OcppVersion.V21) {
                m.add("EVSE", e, null, "DischargePower", null, MutabilityEnumType.ReadOnly, decimal, "W", spec.dischargeW(), null, "0")
                        .fixed("V2XChargingCtrlr", e, "Enabled", boolean_, Boolean.toString(spec.v2x()))
                        .add("V2XChargingCtrlr", e, null, "SupportedEnergyTransferModes", null, MutabilityEnumType.ReadOnly, MemberList,
                                null, null, null, spec.v2x() ? "DC,DC_BPT" : "DC")
                        .add("V2XChargingCtrlr", e, null, "SupportedOperationModes", null, MutabilityEnumType.ReadOnly, MemberList,
                                null, null, null, spec.v2x() ? "ChargingOnly,CentralSetpoint,Idle" : "ChargingOnly,Idle");
            }
        }
        if (spec.version() == OcppVersion.V21) {
            m.fixed("DERCtrlr", null, "Enabled", boolean_, Boolean.toString(spec.v2x()))
                    .fixed("DERCtrlr", null, "SupportedControlTypes", MemberList, spec.v2x() ? "EnterService,LimitMaxDischarge" : "");
        }
        return m;
    }
}
