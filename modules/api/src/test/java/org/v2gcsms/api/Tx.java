package org.v2gcsms.api;

import java.time.Instant;

/** TransactionEvent payloads with two-way energy registers (and power) for tests. */
final class Tx {
    private Tx() {
    }

    static String event(String type, String id, int seqNo, Instant at, double importWh, double exportWh) {
        return event(type, id, seqNo, at, importWh, exportWh, 7000);
    }

    static String event(String type, String id, int seqNo, Instant at, double importWh, double exportWh,
                        double powerW) {
        String trigger = switch (type) {
            case "Started" -> "CablePluggedIn";
            case "Ended" -> "EVCommunicationLost";
            default -> "MeterValuePeriodic";
        };
        return "{\"eventType\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"triggerReason\":\"" + trigger
                + "\",\"seqNo\":" + seqNo + ",\"transactionInfo\":{\"transactionId\":\"" + id + "\"},"
                + "\"evse\":{\"id\":1,\"connectorId\":1},\"meterValue\":[{\"timestamp\":\"" + at + "\","
                + "\"sampledValue\":[{\"value\":" + importWh + "},{\"value\":" + exportWh
                + ",\"measurand\":\"Energy.Active.Export.Register\"},{\"value\":" + powerW
                + ",\"measurand\":\"Power.Active.Import\",\"unitOfMeasure\":{\"unit\":\"W\"}}]}]}";
    }
}
