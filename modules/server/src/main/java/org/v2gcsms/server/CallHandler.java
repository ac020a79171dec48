package org.v2gcsms.server;

/**
 * Answers one kind of CALL from a station. Runs on a virtual thread, so it may block. Throw
 * {@link org.v2gcsms.ocpp.OcppError} to answer with that CALLERROR code; any other exception is
 * answered InternalError (and logged, never described to the station).
 */
@FunctionalInterface
public interface CallHandler<Q, R> {
    R handle(ConnectedStation station, Q request) throws Exception;
}
