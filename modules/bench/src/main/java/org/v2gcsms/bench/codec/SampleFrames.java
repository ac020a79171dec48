package org.v2gcsms.bench.codec;

/** Realistic CALL frames for the codec benchmark, as a station (or, for SetChargingProfile, the CSMS) sends them. */
final class SampleFrames {
    private SampleFrames() {}

    static String of(String message) {
        return switch (message) {
            case "BootNotification" -> """
                    [2,"19223201","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"V2G-DC-50",\
                    "vendorName":"ExampleVendor","serialNumber":"SN-00012345","firmwareVersion":"2.4.1",\
                    "modem":{"iccid":"8944500102198304826","imsi":"234150999999999"}}}]""";
            case "TransactionEvent" -> """
                    [2,"a7c1e1c4-5d1b-4b8e-9c62-2f1f0c7d9e10","TransactionEvent",{"eventType":"Updated",\
                    "timestamp":"2026-11-21T10:15:00.000Z","triggerReason":"MeterValuePeriodic","seqNo":7,\
                    "transactionInfo":{"transactionId":"TX-000042","chargingState":"Charging","timeSpentCharging":900},\
                    "evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2026-11-21T10:15:00.000Z",\
                    "sampledValue":[\
                    {"value":15234.5,"measurand":"Energy.Active.Import.Register","context":"Sample.Periodic","unitOfMeasure":{"unit":"Wh"}},\
                    {"value":120.0,"measurand":"Energy.Active.Export.Register","context":"Sample.Periodic","unitOfMeasure":{"unit":"Wh"}},\
                    {"value":48500,"measurand":"Power.Active.Import","context":"Sample.Periodic","unitOfMeasure":{"unit":"W"}},\
                    {"value":0,"measurand":"Power.Active.Export","context":"Sample.Periodic","unitOfMeasure":{"unit":"W"}},\
                    {"value":63.5,"measurand":"SoC","context":"Sample.Periodic","location":"EV","unitOfMeasure":{"unit":"Percent"}},\
                    {"value":121.2,"measurand":"Current.Import","context":"Sample.Periodic","unitOfMeasure":{"unit":"A"}},\
                    {"value":400.1,"measurand":"Voltage","context":"Sample.Periodic","unitOfMeasure":{"unit":"V"}},\
                    {"value":60.01,"measurand":"Frequency","context":"Sample.Periodic","unitOfMeasure":{"unit":"Hz"}}]}]}]""";
            case "SetChargingProfile" -> """
                    [2,"c0ffee01","SetChargingProfile",{"evseId":1,"chargingProfile":{"id":1001,"stackLevel":1,\
                    "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","transactionId":"TX-000042",\
                    "chargingSchedule":[{"id":1,"startSchedule":"2026-11-21T10:00:00Z","duration":2400,\
                    "chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":50000},\
                    {"startPeriod":600,"limit":20000},{"startPeriod":1200,"limit":50000},{"startPeriod":1800,"limit":35000}]}]}}]""";
            case "SetChargingProfile21" -> """
                    [2,"c0ffee02","SetChargingProfile",{"evseId":1,"chargingProfile":{"id":1002,"stackLevel":1,\
                    "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","transactionId":"TX-000043",\
                    "chargingSchedule":[{"id":1,"startSchedule":"2026-11-21T10:00:00Z","duration":2400,\
                    "chargingRateUnit":"W","chargingSchedulePeriod":[\
                    {"startPeriod":0,"limit":50000,"dischargeLimit":-50000,"setpoint":40000,"operationMode":"CentralSetpoint"},\
                    {"startPeriod":600,"limit":50000,"dischargeLimit":-50000,"setpoint":-25000,"operationMode":"CentralSetpoint"},\
                    {"startPeriod":1200,"limit":50000,"dischargeLimit":-50000,"setpoint":30000,"operationMode":"CentralSetpoint"},\
                    {"startPeriod":1800,"limit":50000,"dischargeLimit":-50000,"setpoint":50000,"operationMode":"CentralSetpoint"}]}]}}]""";
            default -> throw new IllegalArgumentException("no sample for " + message);
        };
    }
}
