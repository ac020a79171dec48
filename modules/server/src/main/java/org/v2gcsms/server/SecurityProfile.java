package org.v2gcsms.server;

/** The OCPP security profiles: how a station proves who it is and how the link is protected. */
public enum SecurityProfile {
    /** Plain ws:// with HTTP Basic authentication (trusted networks only). */
    BASIC_AUTH(1),
    /** TLS with HTTP Basic authentication. */
    TLS_BASIC_AUTH(2),
    /** Mutual TLS: the client certificate's CN is the station identity. */
    TLS_CLIENT_CERTIFICATE(3);

    private final int number;

    SecurityProfile(int number) {
        this.number = number;
    }

    /** The number OCPP uses (SecurityCtrlr.SecurityProfile). */
    public int number() {
        return number;
    }

    public static SecurityProfile ofNumber(int number) {
        for (SecurityProfile p : values()) {
            if (p.number == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("No OCPP security profile " + number);
    }
}
