package org.v2gcsms.server;

/**
 * What happens when a station the registry does not know connects. ACCEPT and PENDING both let it
 * through the handshake (it is then marked {@link ConnectedStation#autoRegistered()}); whether its
 * BootNotification is answered Accepted or Pending is the domain's decision. REJECT answers HTTP 404.
 */
public enum AutoRegistration {
    ACCEPT,
    PENDING,
    REJECT;

    public boolean admitsUnknownStations() {
        return this != REJECT;
    }
}
