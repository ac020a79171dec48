package org.v2gcsms.api;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.GetVariablesRequest;
import org.v2gcsms.ocpp.v21.GetVariablesResponse;
import org.v2gcsms.ocpp.v21.SetVariablesRequest;
import org.v2gcsms.ocpp.v21.SetVariablesResponse;
import org.v2gcsms.sessions.CsmsDomain;

/**
 * One typed endpoint per command a CPO sends: {@code POST /api/v1/stations/{id}/commands/<command>} with the
 * OCPP 2.1 request payload as body (a 2.0.1 station gets the 2.0.1 form). The answer is the station's response
 * payload; each call and its outcome goes to the command log. Get/SetVariables go through the device model so
 * their results are kept and batched to the station's limits.
 */
final class CommandEndpoints implements EndpointGroup {
    /** The commands, by OCPP action; the path is the action in kebab case (RequestStartTransaction → request-start-transaction). */
    static final List<String> ACTIONS = List.of("RequestStartTransaction", "RequestStopTransaction", "Reset",
            "ChangeAvailability", "UnlockConnector", "TriggerMessage", "GetVariables", "SetVariables",
            "GetBaseReport", "GetReport", "SetChargingProfile", "GetChargingProfiles", "ClearChargingProfile",
            "GetCompositeSchedule", "SendLocalList", "GetLocalListVersion", "ReserveNow", "CancelReservation",
            "SetDisplayMessage", "GetDisplayMessages", "ClearDisplayMessage", "UpdateFirmware", "GetLog",
            "DataTransfer", "GetTransactionStatus", "ClearCache", "SetDERControl", "GetDERControl",
            "ClearDERControl");

    private final CsmsDomain domain;
    private final StationCallPort stations;
    private final OcppMessages v21 = OcppMessages.of(OcppVersion.V21);

    CommandEndpoints(CsmsDomain domain, StationCallPort stations) {
        this.domain = domain;
        this.stations = stations;
    }

    static String path(String action) {
        return "/api/v1/stations/{id}/commands/" + action.replaceAll("([a-z])([A-Z])", "$1-$2")
                .replace("DER", "Der").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        for (String name : ACTIONS) {
            Action<?, ?> action = v21.action(name).orElseThrow();
            r.post(path(name), Role.OPERATOR, q -> send(q, action));
        }
    }

    private Reply send(ApiRequest q, Action<?, ?> action) {
        String stationId = q.path("id");
        JsonObject payload = q.body();
        Object request;
        try {
            v21.validateRequest(action, payload);
            request = v21.decode(payload, action.requestType());
        } catch (OcppError e) {
            throw StationFailures.schemaViolation(e);
        }
        OcppVersion version = stations.protocolVersion(stationId).orElseThrow(() ->
                new ApiError(409, "Station " + stationId + " is not connected", null));
        if (OcppMessages.of(version).action(action.name()).isEmpty()) {
            throw new ApiError(409, action.name() + " needs OCPP 2.1; station " + stationId + " speaks "
                    + version.subprotocol(), null);
        }
        try {
            Object response = sender(stationId, request, action).join();
            return Reply.ok(v21.encode(response));
        } catch (RuntimeException e) {
            throw StationFailures.toApiError(e);
        }
    }

    private CompletableFuture<?> sender(String stationId, Object request, Action<?, ?> action) {
        return switch (request) {
            case GetVariablesRequest g -> domain.deviceModel().getVariables(stationId, g.getVariableData())
                    .thenApply(results -> new GetVariablesResponse(results, null));
            case SetVariablesRequest s -> domain.deviceModel().setVariables(stationId, s.setVariableData())
                    .thenApply(results -> new SetVariablesResponse(results, null));
            default -> domain.commands().send(stationId, request, action.responseType());
        };
    }
}
