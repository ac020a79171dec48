package org.v2gcsms.ocpp;

import java.util.Optional;

/** The OCPP versions we speak, each named by its WebSocket sub-protocol. */
public enum OcppVersion {
    V201("ocpp2.0.1"),
    V21("ocpp2.1");

    private final String subprotocol;

    OcppVersion(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    public String subprotocol() {
        return subprotocol;
    }

    public static Optional<OcppVersion> fromSubprotocol(String name) {
        for (OcppVersion v : values()) {
            if (v.subprotocol.equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
