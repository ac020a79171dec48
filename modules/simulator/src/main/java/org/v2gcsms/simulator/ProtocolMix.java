package org.v2gcsms.simulator;

import org.v2gcsms.ocpp.OcppVersion;

/** Which OCPP versions the stations of a site speak. */
public enum ProtocolMix {
    OCPP201, OCPP21, MIXED;

    /** The version of the {@code n}-th station (0-based): MIXED alternates, starting with 2.1. */
    public OcppVersion versionOf(int n) {
        return switch (this) {
            case OCPP201 -> OcppVersion.V201;
            case OCPP21 -> OcppVersion.V21;
            case MIXED -> n % 2 == 0 ? OcppVersion.V21 : OcppVersion.V201;
        };
    }

    /** Reads {@code ocpp2.0.1}, {@code ocpp2.1} or {@code mixed}. */
    public static ProtocolMix parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "ocpp2.0.1", "2.0.1" -> OCPP201;
            case "ocpp2.1", "2.1" -> OCPP21;
            case "mixed" -> MIXED;
            default -> throw new IllegalArgumentException("protocol must be ocpp2.0.1, ocpp2.1 or mixed, was " + text);
        };
    }
}
