package org.v2gcsms.ocpp;

/** Who may initiate an action. */
public enum Direction {
    /** Charging station to CSMS (the station sends the request). */
    STATION_TO_CSMS,
    /** CSMS to charging station. */
    CSMS_TO_STATION,
    /** Either side (DataTransfer). */
    BOTH;

    public boolean stationMaySend() {
        return this != CSMS_TO_STATION;
    }

    public boolean csmsMaySend() {
        return this != STATION_TO_CSMS;
    }
}
