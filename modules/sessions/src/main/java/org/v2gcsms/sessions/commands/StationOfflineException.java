package org.v2gcsms.sessions.commands;

/** A command was asked for a station that is not connected. */
public final class StationOfflineException extends RuntimeException {
    public StationOfflineException(String stationId) {
        super("Station " + stationId + " is not connected");
    }
}
