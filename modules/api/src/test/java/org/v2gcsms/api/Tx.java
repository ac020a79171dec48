package org.v2gcsms.api;

import java.time.Instant;

/** TransactionEvent payloads with two-way energy registers (and power, and SoC) for tests. */
final class Tx {
    private Tx() {
    }

    static String event(String type, String id, int seqNo, Instant at, double importWh, double exportWh) {
        return event(type, id, seqNo, at, importWh, exportWh, 7000);
    }

    static String event(String type, String id, int seqNo, Instant at, double importWh, double exportWh,
                        double powerW) {
        return head(type, id, seqNo, at, "") + "\"sampledValue\":[{\"value\":" + importWh + "},{\"value\":" + exportWh
                + ",\"measurand\":\"Energy.Active.Export.Register\"}," + power(powerW) + "]}]}";
    }

    /**
     * An event of an EV charging (positive power) or discharging (negative) with its SoC; Ended says the EV was
     * disconnected.
     */
    static String withSoc(String type, String id, int seqNo, Instant at, double importWh, double powerW, int soc) {
        String info = type.equals("Ended") ? ",\"stoppedReason\":\"EVDisconnected\"" : ",\"chargingState\":\"Charging\"";
        return head(type, id, seqNo, at, info) + "\"sampledValue\":[{\"value\":" + importWh + "}," + power(powerW)
                + ",{\"value\":" + soc + ",\"measurand\":\"SoC\",\"unitOfMeasure\":{\"unit\":\"Percent\"}}]}]}";
    }

    private static String head(String type, String id, int seqNo, Instant at, String transactionInfo) {
        String trigger = switch (type) {
            case "Started" -> "CablePluggedIn";
            case "Ended" -> "EVCommunicationLost";
            default -> "MeterValuePeriodic";
        };
        return "{\"eventType\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"triggerReason\":\"" + trigger
                + "\",\"seqNo\":" + seqNo + ",\"transactionInfo\":{\"transactionId\":\"" + id + "\"" + transactionInfo
                + "},\"evse\":{\"id\":1,\"connectorId\":1},\"meterValue\":[{\"timestamp\":\"" + at + "\",";
    }

    private static String power(double watts) {
        return "{\"value\":" + watts + ",\"measurand\":\"Power.Active.Import\",\"unitOfMeasure\":{\"unit\":\"W\"}}";
    }
}
