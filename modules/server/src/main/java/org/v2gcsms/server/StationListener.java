package org.v2gcsms.server;

/**
 * Hears stations come and go. Called on the station's own handler thread, in order with its
 * messages: connected before its first message, disconnected after its last one. When a new
 * connection replaces an old one, the old one's disconnect is delivered before the new one's connect.
 */
public interface StationListener {
    StationListener NONE = new StationListener() {};

    default void connected(ConnectedStation station) {}

    default void disconnected(ConnectedStation station, String reason) {}
}
