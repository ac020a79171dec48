package org.v2gcsms.api;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do; each role may do everything the ones before it may. */
public enum Role {
    /** Read everything (GET) but keys, audit and webhooks. */
    VIEWER,
    /** Also send commands to stations. */
    OPERATOR,
    /** Also register stations, manage id tokens, API keys and webhooks, read the audit trail. */
    ADMIN;

    public boolean allows(Role required) {
        return ordinal() >= required.ordinal();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String wire) {
        for (Role r : values()) {
            if (r.wire().equals(wire)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
