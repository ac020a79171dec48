package org.v2gcsms.ocpp.schema;

import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;

/**
 * A payload that breaks its schema, on its way up from the failing value. Each enclosing object or array adds its
 * step to the path as the exception passes, so a valid payload costs no path bookkeeping at all.
 */
final class Violation extends RuntimeException {
    private final ErrorCode code;
    private final String reason;
    private final List<String> reversedPath = new ArrayList<>(4);

    Violation(ErrorCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.reason = reason;
    }

    Violation at(String step) {
        reversedPath.add(step);
        return this;
    }

    /** "chargingStation.model: required", "sampledValue[0].value: expected number, got string". */
    OcppError toOcppError() {
        StringBuilder s = new StringBuilder();
        for (int i = reversedPath.size() - 1; i >= 0; i--) {
            String step = reversedPath.get(i);
            if (!s.isEmpty() && step.charAt(0) != '[') {
                s.append('.');
            }
            s.append(step);
        }
        return new OcppError(code, s.isEmpty() ? reason : s + ": " + reason);
    }
}
