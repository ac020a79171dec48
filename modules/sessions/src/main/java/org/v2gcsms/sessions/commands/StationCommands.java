package org.v2gcsms.sessions.commands;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.CancelReservationRequest;
import org.v2gcsms.ocpp.v21.CancelReservationResponse;
import org.v2gcsms.ocpp.v21.ChangeAvailabilityRequest;
import org.v2gcsms.ocpp.v21.ChangeAvailabilityResponse;
import org.v2gcsms.ocpp.v21.ClearCacheRequest;
import org.v2gcsms.ocpp.v21.ClearCacheResponse;
import org.v2gcsms.ocpp.v21.ClearDisplayMessageRequest;
import org.v2gcsms.ocpp.v21.ClearDisplayMessageResponse;
import org.v2gcsms.ocpp.v21.DataTransferRequest;
import org.v2gcsms.ocpp.v21.DataTransferResponse;
import org.v2gcsms.ocpp.v21.GetDisplayMessagesRequest;
import org.v2gcsms.ocpp.v21.GetDisplayMessagesResponse;
import org.v2gcsms.ocpp.v21.GetLogRequest;
import org.v2gcsms.ocpp.v21.GetLogResponse;
import org.v2gcsms.ocpp.v21.GetTransactionStatusRequest;
import org.v2gcsms.ocpp.v21.GetTransactionStatusResponse;
import org.v2gcsms.ocpp.v21.RequestStartTransactionRequest;
import org.v2gcsms.ocpp.v21.RequestStartTransactionResponse;
import org.v2gcsms.ocpp.v21.RequestStopTransactionRequest;
import org.v2gcsms.ocpp.v21.RequestStopTransactionResponse;
import org.v2gcsms.ocpp.v21.ReserveNowRequest;
import org.v2gcsms.ocpp.v21.ReserveNowResponse;
import org.v2gcsms.ocpp.v21.ResetRequest;
import org.v2gcsms.ocpp.v21.ResetResponse;
import org.v2gcsms.ocpp.v21.SetDisplayMessageRequest;
import org.v2gcsms.ocpp.v21.SetDisplayMessageResponse;
import org.v2gcsms.ocpp.v21.TriggerMessageRequest;
import org.v2gcsms.ocpp.v21.TriggerMessageResponse;
import org.v2gcsms.ocpp.v21.UnlockConnectorRequest;
import org.v2gcsms.ocpp.v21.UnlockConnectorResponse;
import org.v2gcsms.ocpp.v21.UpdateFirmwareRequest;
import org.v2gcsms.ocpp.v21.UpdateFirmwareResponse;
import org.v2gcsms.sessions.MessageVersions;

/**
 * Commands to stations, typed: each takes and returns OCPP 2.1 records whatever version the station speaks
 * (2.0.1 stations get the 2.0.1 form), and each call and its outcome is written to the command log.
 */
public final class StationCommands {
    private final StationCalls calls;
    private final CommandRepository log;
    private final Clock clock;

    public StationCommands(StationCalls calls, CommandRepository log, Clock clock) {
        this.calls = calls;
        this.log = log;
        this.clock = clock;
    }

    /** Sends any 2.1 request record to a station; the response comes back as the 2.1 record. */
    public <R> CompletableFuture<R> send(String stationId, Object request, Class<R> responseType) {
        OcppVersion version = calls.version(stationId).orElse(null);
        String action = MessageVersions.actionOf(request);
        if (version == null) {
            long id = log.sent(stationId, action, json(request), clock.instant());
            log.failed(id, "station offline", clock.instant());
            return CompletableFuture.failedFuture(new StationOfflineException(stationId));
        }
        Object wire = MessageVersions.to(version, request);
        long id = log.sent(stationId, action, json(wire), clock.instant());
        return calls.call(stationId, wire).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.failed(id, String.valueOf(cause), clock.instant());
                throw new CompletionException(cause);
            }
            JsonObject body = OcppMessages.of(version).encode(response);
            JsonElement status = body.get("status");
            log.answered(id, status != null && status.isJsonPrimitive() ? status.getAsString() : null,
                    body.toString(), clock.instant());
            return responseType.cast(MessageVersions.toV21(response));
        });
    }

    public CompletableFuture<RequestStartTransactionResponse> requestStart(String stationId,
                                                                          RequestStartTransactionRequest r) {
        return send(stationId, r, RequestStartTransactionResponse.class);
    }

    public CompletableFuture<RequestStopTransactionResponse> requestStop(String stationId,
                                                                        RequestStopTransactionRequest r) {
        return send(stationId, r, RequestStopTransactionResponse.class);
    }

    public CompletableFuture<GetTransactionStatusResponse> getTransactionStatus(String stationId,
                                                                               GetTransactionStatusRequest r) {
        return send(stationId, r, GetTransactionStatusResponse.class);
    }

    public CompletableFuture<ResetResponse> reset(String stationId, ResetRequest r) {
        return send(stationId, r, ResetResponse.class);
    }

    public CompletableFuture<ChangeAvailabilityResponse> changeAvailability(String stationId,
                                                                           ChangeAvailabilityRequest r) {
        return send(stationId, r, ChangeAvailabilityResponse.class);
    }

    public CompletableFuture<UnlockConnectorResponse> unlockConnector(String stationId, UnlockConnectorRequest r) {
        return send(stationId, r, UnlockConnectorResponse.class);
    }

    public CompletableFuture<TriggerMessageResponse> triggerMessage(String stationId, TriggerMessageRequest r) {
        return send(stationId, r, TriggerMessageResponse.class);
    }

    public CompletableFuture<ClearCacheResponse> clearCache(String stationId) {
        return send(stationId, new ClearCacheRequest(null), ClearCacheResponse.class);
    }

    public CompletableFuture<DataTransferResponse> dataTransfer(String stationId, DataTransferRequest r) {
        return send(stationId, r, DataTransferResponse.class);
    }

    public CompletableFuture<GetLogResponse> getLog(String stationId, GetLogRequest r) {
        return send(stationId, r, GetLogResponse.class);
    }

    public CompletableFuture<UpdateFirmwareResponse> updateFirmware(String stationId, UpdateFirmwareRequest r) {
        return send(stationId, r, UpdateFirmwareResponse.class);
    }

    public CompletableFuture<ReserveNowResponse> reserveNow(String stationId, ReserveNowRequest r) {
        return send(stationId, r, ReserveNowResponse.class);
    }

    public CompletableFuture<CancelReservationResponse> cancelReservation(String stationId,
                                                                         CancelReservationRequest r) {
        return send(stationId, r, CancelReservationResponse.class);
    }

    public CompletableFuture<SetDisplayMessageResponse> setDisplayMessage(String stationId,
                                                                         SetDisplayMessageRequest r) {
        return send(stationId, r, SetDisplayMessageResponse.class);
    }

    public CompletableFuture<GetDisplayMessagesResponse> getDisplayMessages(String stationId,
                                                                           GetDisplayMessagesRequest r) {
        return send(stationId, r, GetDisplayMessagesResponse.class);
    }

    public CompletableFuture<ClearDisplayMessageResponse> clearDisplayMessage(String stationId,
                                                                             ClearDisplayMessageRequest r) {
        return send(stationId, r, ClearDisplayMessageResponse.class);
    }

    private static String json(Object message) {
        return OcppMessages.of(MessageVersions.versionOf(message.getClass())).encode(message).toString();
    }
}
