package org.v2gcsms.server;

/** The connection closed (or was replaced, or the server stopped) before the call was answered. */
public final class ConnectionLostException extends CallFailedException {
    public ConnectionLostException(String stationId, String action, String reason) {
        super(stationId, action, action + " to " + stationId + " lost its connection: " + reason, null);
    }
}
