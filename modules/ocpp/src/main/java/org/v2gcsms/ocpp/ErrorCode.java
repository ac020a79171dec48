package org.v2gcsms.ocpp;

import java.util.Optional;

/** The OCPP-J RPC error codes (identical in 2.0.1 Edition 3 and 2.1). */
public enum ErrorCode {
    FormatViolation,
    GenericError,
    InternalError,
    MessageTypeNotSupported,
    NotImplemented,
    NotSupported,
    OccurrenceConstraintViolation,
    PropertyConstraintViolation,
    ProtocolError,
    RpcFrameworkError,
    SecurityError,
    TypeConstraintViolation;

    /** Reads a code from the wire, accepting the misspellings older editions and libraries send. */
    public static Optional<ErrorCode> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return switch (wire) {
            case "FormationViolation" -> Optional.of(FormatViolation);
            case "OccurenceConstraintViolation" -> Optional.of(OccurrenceConstraintViolation);
            default -> {
                try {
                    yield Optional.of(valueOf(wire));
                } catch (IllegalArgumentException e) {
                    yield Optional.empty();
                }
            }
        };
    }
}
