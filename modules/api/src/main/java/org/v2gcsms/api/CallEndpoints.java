package org.v2gcsms.api;

import com.google.gson.JsonObject;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * {@code POST /api/v1/stations/{id}/calls/{action}}: any CSMS-initiated action of the station's own protocol
 * version, the payload as given (validated like every outbound call), the station's reply payload back as it
 * came. What a conformance harness uses to make the CSMS act.
 */
final class CallEndpoints implements EndpointGroup {
    private final StationCallPort stations;

    CallEndpoints(StationCallPort stations) {
        this.stations = stations;
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.post("/api/v1/stations/{id}/calls/{action}", Role.OPERATOR, this::call);
    }

    @SuppressWarnings("unchecked")
    private Reply call(ApiRequest q) {
        String stationId = q.path("id");
        String name = q.path("action");
        JsonObject payload = q.body();
        OcppVersion version = stations.protocolVersion(stationId).orElseThrow(() ->
                new ApiError(409, "Station " + stationId + " is not connected", null));
        OcppMessages messages = OcppMessages.of(version);
        Action<Object, Object> action = (Action<Object, Object>) messages.action(name).orElseThrow(() ->
                new ApiError(404, version.subprotocol() + " has no action " + name, "action"));
        if (!action.direction().csmsMaySend() || action.isSendOnly()) {
            throw new ApiError(422, name + " is sent by stations, not by the CSMS", "action");
        }
        Object request;
        try {
            messages.validateRequest(action, payload);
            request = messages.decode(payload, action.requestType());
        } catch (OcppError e) {
            throw StationFailures.schemaViolation(e);
        }
        try {
            return Reply.ok(messages.encode(stations.call(stationId, action, request).join()));
        } catch (RuntimeException e) {
            throw StationFailures.toApiError(e);
        }
    }
}
