package org.v2gcsms.server;

/** The station had no connection when the call was made. */
public final class StationOfflineException extends CallFailedException {
    public StationOfflineException(String stationId, String action) {
        super(stationId, action, "Station " + stationId + " is not connected", null);
    }
}
