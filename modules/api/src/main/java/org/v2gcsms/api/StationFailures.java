package org.v2gcsms.api;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.server.CallErrorException;
import org.v2gcsms.server.CallTimeoutException;
import org.v2gcsms.server.ConnectionLostException;
import org.v2gcsms.server.InvalidResponseException;
import org.v2gcsms.server.StationOfflineException;

/**
 * How a call to a station that produced no answer is told to the API client: 409 station offline, 504 no answer
 * in time, 502 the station answered with a CALLERROR (its code and description included), sent an invalid
 * response, or went away mid-call; 422 the request breaks the OCPP schema (the field named).
 */
final class StationFailures {
    private StationFailures() {
    }

    static ApiError toApiError(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return switch (t) {
            case ApiError e -> e;
            case StationOfflineException e -> new ApiError(409, e.getMessage(), null);
            case org.v2gcsms.sessions.commands.StationOfflineException e -> new ApiError(409, e.getMessage(), null);
            case CallTimeoutException e -> new ApiError(504, e.getMessage(), null);
            case CallErrorException e -> new ApiError(502, e.getMessage(), null,
                    Map.of("ocppErrorCode", e.code().name(), "ocppErrorDescription", e.description()));
            case InvalidResponseException e -> new ApiError(502, e.getMessage(), null,
                    Map.of("ocppErrorCode", e.code().name()));
            case ConnectionLostException e -> new ApiError(502, e.getMessage(), null);
            case OcppError e -> schemaViolation(e);
            case IllegalArgumentException e when e.getCause() instanceof OcppError o -> schemaViolation(o);
            case IllegalArgumentException e -> new ApiError(422, e.getMessage(), null);
            default -> throw new IllegalStateException("Unexpected failure of a station call", t);
        };
    }

    /** "chargingProfile.id: required" names the field {@code chargingProfile.id}. */
    static ApiError schemaViolation(OcppError e) {
        String d = e.description();
        int colon = d.indexOf(": ");
        String field = colon > 0 && !d.substring(0, colon).contains(" ") ? d.substring(0, colon) : null;
        return new ApiError(422, d, field, Map.of("ocppErrorCode", e.code().name()));
    }
}
