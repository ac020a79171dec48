package org.v2gcsms.server;

import com.google.gson.JsonObject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.frame.Frame;

/**
 * Turns a station's CALL into its answer: finds the action and handler, validates and decodes the
 * request, runs the handler and checks our response against the schema before it leaves. Every
 * failure becomes the CALLERROR OCPP-J prescribes. Runs on the station's inbox thread.
 */
final class InboundDispatch {
    private static final Logger log = LoggerFactory.getLogger(InboundDispatch.class);

    private final OcppHandlers handlers;

    InboundDispatch(OcppHandlers handlers) {
        this.handlers = handlers;
    }

    Frame answer(ConnectedStation station, OcppMessages messages, Frame.Call call) {
        try {
            Action<?, ?> action = messages.callFromStation(call.action()); // NotImplemented / NotSupported
            OcppHandlers.CallRoute<?, ?> route = handlers.call(messages.version(), action.name())
                    .orElseThrow(() -> new OcppError(ErrorCode.NotSupported, action.name() + " is not supported"));
            messages.validateRequest(action, call.payload());
            Object request = messages.decode(call.payload(), action.requestType());
            Object response = invoke(station, route, request);
            return new Frame.CallResult(call.messageId(), checkedResponse(station, messages, action, response));
        } catch (OcppError e) {
            return new Frame.CallError(call.messageId(), e.code(), e.description(), new JsonObject());
        }
    }

    void take(ConnectedStation station, OcppMessages messages, Frame.Send send) {
        try {
            Action<?, ?> action = messages.sendFromStation(send.action());
            Optional<OcppHandlers.SendRoute<?>> route = handlers.send(messages.version(), action.name());
            if (route.isEmpty()) {
                log.warn("Station {} sent SEND {} (message {}) that nothing handles; dropped", station.stationId(),
                        action.name(), send.messageId());
                return;
            }
            messages.validateRequest(action, send.payload());
            route.get().invoke(station, messages.decode(send.payload(), action.requestType()));
        } catch (OcppError e) {
            log.warn("Station {} sent an invalid SEND {} (message {}): {}", station.stationId(), printable(send.action()),
                    send.messageId(), e.toString());
        } catch (Exception e) {
            log.error("Handler for SEND {} from station {} failed", send.action(), station.stationId(), e);
        }
    }

    private static Object invoke(ConnectedStation station, OcppHandlers.CallRoute<?, ?> route, Object request)
            throws OcppError {
        Object response;
        try {
            response = route.invoke(station, request);
        } catch (OcppError e) {
            throw e;
        } catch (Exception e) {
            log.error("Handler for {} from station {} failed", route.action().name(), station.stationId(), e);
            throw internalError();
        }
        if (response == null) {
            log.error("Handler for {} from station {} returned null", route.action().name(), station.stationId());
            throw internalError();
        }
        return response;
    }

    /** A response that breaks its schema is our bug: it must not reach the station. */
    private static JsonObject checkedResponse(ConnectedStation station, OcppMessages messages, Action<?, ?> action,
                                              Object response) throws OcppError {
        JsonObject payload;
        try {
            payload = messages.encode(response);
            messages.validateResponse(action, payload);
        } catch (OcppError | RuntimeException e) {
            log.error("Our {} response to station {} is invalid and was not sent: {}", action.name(),
                    station.stationId(), e.toString());
            throw internalError();
        }
        return payload;
    }

    private static OcppError internalError() {
        return new OcppError(ErrorCode.InternalError, "Internal error while handling the request");
    }

    /** Station-supplied text goes into our error descriptions and logs only in a bounded, printable form. */
    static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
