package org.v2gcsms.server;

import java.util.EnumMap;
import java.util.Map;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;

/** One shared message catalogue per OCPP version, built on first use. */
final class Catalogues {
    private static final Map<OcppVersion, OcppMessages> BY_VERSION = new EnumMap<>(OcppVersion.class);

    private Catalogues() {}

    static synchronized OcppMessages of(OcppVersion version) {
        return BY_VERSION.computeIfAbsent(version, OcppMessages::of);
    }
}
