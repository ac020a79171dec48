package org.v2gcsms.sessions.notices;

/** The station-side notifications the CSMS keeps. */
public enum NoticeKind {
    SECURITY_EVENT,
    EVENT,
    LOG_STATUS,
    FIRMWARE_STATUS,
    RESERVATION_STATUS,
    /** Vendor-specific DataTransfer from a station (the CSMS has no vendor extensions: answered UnknownVendorId). */
    DATA_TRANSFER,
    /** Chunks of NotifyCustomerInformation (answers to CustomerInformation). */
    CUSTOMER_INFORMATION,
    /** ReportChargingProfiles chunks (answers to GetChargingProfiles). */
    CHARGING_PROFILES_REPORT,
    /** NotifyMonitoringReport chunks (answers to GetMonitoringReport). */
    MONITORING_REPORT,
    /** NotifyDisplayMessages chunks (answers to GetDisplayMessages). */
    DISPLAY_MESSAGES,
    /** External charging limits set (NotifyChargingLimit) or released (ClearedChargingLimit). */
    CHARGING_LIMIT,
    /** PublishFirmwareStatusNotification of a local controller. */
    PUBLISH_FIRMWARE_STATUS
}
