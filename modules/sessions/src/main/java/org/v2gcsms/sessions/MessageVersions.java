package org.v2gcsms.sessions;

import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * Translates message records between OCPP 2.0.1 and 2.1. The domain is written once, against the 2.1
 * records (a superset of 2.0.1 for everything it handles); a 2.0.1 message is carried over through its
 * JSON form, where both versions agree on field names and wire values. Fields one version lacks are dropped.
 */
public final class MessageVersions {
    private static final String PACKAGE = "org.v2gcsms.ocpp.";

    private MessageVersions() {
    }

    public static OcppVersion versionOf(Class<?> messageType) {
        String pkg = messageType.getPackageName();
        if (pkg.equals(PACKAGE + "v21")) {
            return OcppVersion.V21;
        }
        if (pkg.equals(PACKAGE + "v201")) {
            return OcppVersion.V201;
        }
        throw new IllegalArgumentException(messageType.getName() + " is not an OCPP message record");
    }

    /** The same message in the given version; {@code message} itself when it already is. */
    public static Object to(OcppVersion version, Object message) {
        OcppVersion from = versionOf(message.getClass());
        if (from == version) {
            return message;
        }
        Class<?> target = typeIn(version, message.getClass().getSimpleName());
        try {
            return OcppMessages.of(version).decode(OcppMessages.of(from).encode(message), target);
        } catch (OcppError e) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " cannot be expressed in "
                    + version.subprotocol() + ": " + e.description(), e);
        }
    }

    /** The same message as a 2.1 record. */
    public static Object toV21(Object message) {
        return to(OcppVersion.V21, message);
    }

    /** The action a request record belongs to: {@code BootNotificationRequest} → {@code BootNotification}. */
    public static String actionOf(Object request) {
        String name = request.getClass().getSimpleName();
        if (!name.endsWith("Request")) {
            throw new IllegalArgumentException(name + " is not a request record");
        }
        return name.substring(0, name.length() - "Request".length());
    }

    private static Class<?> typeIn(OcppVersion version, String simpleName) {
        String pkg = switch (version) {
            case V201 -> "v201";
            case V21 -> "v21";
        };
        try {
            return Class.forName(PACKAGE + pkg + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(simpleName + " does not exist in " + version.subprotocol(), e);
        }
    }
}
