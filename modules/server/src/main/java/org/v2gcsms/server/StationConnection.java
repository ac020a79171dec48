package org.v2gcsms.server;

import com.google.gson.JsonObject;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.frame.Frame;
import org.v2gcsms.ocpp.frame.FrameCodec;
import org.v2gcsms.ocpp.frame.FrameException;

/**
 * One station's WebSocket after the handshake: reads its frames (on the event loop), queues its
 * CALLs and SENDs on its inbox, routes replies to our pending calls, applies the rate limit, and
 * closes with a reason that the disconnect event and log carry.
 */
final class StationConnection {
    private static final String BOOT_NOTIFICATION = "BootNotification";
    private static final Logger log = LoggerFactory.getLogger(StationConnection.class);

    private final ConnectedStation station;
    private final Channel channel;
    private final OcppMessages messages;
    private final FrameCodec codec;
    private final StationInbox inbox;
    private final OutboundCalls outbound;
    private final MessageRate rate;
    private final InboundDispatch dispatch;
    private final StationListener listener;
    private volatile String closeReason;

    StationConnection(ConnectedStation station, Channel channel, ServerConfig config, Executor handlerThreads,
                      InboundDispatch dispatch, StationListener listener) {
        this.station = station;
        this.channel = channel;
        this.messages = Catalogues.of(station.version());
        this.codec = new FrameCodec(station.version());
        this.inbox = new StationInbox(handlerThreads, config.inboxCapacity());
        this.outbound = new OutboundCalls(station.stationId(), messages, this::send, channel.eventLoop(),
                config.callTimeout(), handlerThreads);
        this.rate = new MessageRate(config.rateLimit(), System::nanoTime);
        this.dispatch = dispatch;
        this.listener = listener;
    }

    ConnectedStation station() {
        return station;
    }

    OcppMessages messages() {
        return messages;
    }

    /**
     * Announces the connection to the listener, first waiting (bounded) until the connection it
     * replaces has delivered its last event, so the domain never sees the two interleaved.
     */
    void open(StationConnection replaced, Duration waitForReplaced) {
        inbox.offer(() -> {
            if (replaced != null) {
                awaitQuietly(replaced.inbox.finished(), waitForReplaced);
            }
            listener.connected(station);
        });
    }

    /** A text frame from the station; on the event loop. */
    void onText(String text) {
        Frame frame;
        try {
            frame = codec.parse(text);
        } catch (FrameException e) {
            if (!admitted(null)) {
                return;
            }
            if (e.ignore()) {
                log.info("Station {} sent a frame OCPP 2.1 says to ignore: {}", station.stationId(), e.getMessage());
                return;
            }
            log.warn("Station {} sent an invalid frame: {} ({})", station.stationId(), e.code(), e.getMessage());
            send(new Frame.CallError(e.messageId(), e.code(), e.getMessage(), new JsonObject()));
            return;
        }
        if (!admitted(frame)) {
            return;
        }
        switch (frame) {
            case Frame.Call call when call.action().equals(BOOT_NOTIFICATION) -> queue(call, () -> {
                // Nothing the CSMS sends may reach the station before its boot is answered (a Pending station
                // is provisioned at once): CALLs queued meanwhile go out right after the answer.
                outbound.hold();
                try {
                    send(dispatch.answer(station, messages, call));
                } finally {
                    outbound.release();
                }
            });
            case Frame.Call call -> queue(call, () -> send(dispatch.answer(station, messages, call)));
            case Frame.Send message -> queue(message, () -> dispatch.take(station, messages, message));
            case Frame.CallResult result -> outbound.onResult(result);
            case Frame.CallError error -> outbound.onError(error);
            case Frame.CallResultError error -> log.warn(
                    "Station {} could not process our answer to its message {}: {} {}", station.stationId(),
                    error.messageId(), error.code(), InboundDispatch.printable(error.description()));
        }
    }

    <Q, R> CompletableFuture<R> call(Action<Q, R> action, Q request, CallPriority priority) {
        CompletableFuture<R> refused = refusal(action);
        if (refused != null) {
            return refused;
        }
        JsonObject payload;
        try {
            payload = messages.encode(request);
            messages.validateRequest(action, payload);
        } catch (OcppError | RuntimeException e) {
            log.error("Refusing to send an invalid {} to station {}: {}", action.name(), station.stationId(), e.toString());
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Invalid " + action.name() + " request: " + e.getMessage(), e));
        }
        return enqueue(action, payload, priority);
    }

    /** Queues a request payload the caller already encoded and validated for this action. */
    <Q, R> CompletableFuture<R> callValidated(Action<Q, R> action, JsonObject payload, CallPriority priority) {
        CompletableFuture<R> refused = refusal(action);
        return refused != null ? refused : enqueue(action, payload, priority);
    }

    /** Why this action cannot go to this station (a failed future), or null when it can. */
    private <R> CompletableFuture<R> refusal(Action<?, R> action) {
        if (action.version() != station.version()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(action.name() + " is an "
                    + action.version().subprotocol() + " action but station " + station.stationId() + " speaks "
                    + station.version().subprotocol()));
        }
        if (!action.direction().csmsMaySend() || action.isSendOnly()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(action.name()
                    + " is not a CALL the CSMS may send"));
        }
        return null;
    }

    private <R> CompletableFuture<R> enqueue(Action<?, R> action, JsonObject payload, CallPriority priority) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        outbound.enqueue(action, payload, result, priority);
        @SuppressWarnings("unchecked") // decoded to action.responseType() by OutboundCalls
        CompletableFuture<R> typed = (CompletableFuture<R>) (CompletableFuture<?>) result;
        return typed;
    }

    /** Sends a close frame with this code and reason, then closes the socket. The first reason wins. */
    void close(WebSocketCloseStatus status, String reason) {
        recordReason(reason);
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(status.code(), reason))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Stops taking new inbound work (server shutdown); completes when the running handler is done. */
    CompletableFuture<Void> quiesce() {
        return inbox.quiesce();
    }

    void recordReason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    /** The socket is gone: fail our pending calls and deliver the disconnect event last. */
    void onClosed() {
        String reason = closeReason == null ? "connection lost" : closeReason;
        outbound.close(reason);
        log.info("Station {} disconnected from {} ({}): {}", station.stationId(), station.remoteAddress(),
                station.version().subprotocol(), reason);
        inbox.finish(() -> listener.disconnected(station, reason));
    }

    /** Drops pending calls right away, before the socket has finished closing (replaced connection). */
    void failPendingCalls(String reason) {
        recordReason(reason);
        outbound.close(reason);
    }

    CompletableFuture<Void> finished() {
        return inbox.finished();
    }

    private void queue(Frame frame, Runnable work) {
        if (!inbox.accepting()) {
            return; // closing: the station will resend after reconnecting
        }
        if (inbox.offer(work)) {
            return;
        }
        refuse(frame, rate.strike(), "too many messages waiting");
    }

    /** Applies the rate limit; false when the frame is refused (answered or dropped). */
    private boolean admitted(Frame frame) {
        MessageRate.Verdict verdict = rate.onMessage();
        if (verdict == MessageRate.Verdict.ALLOW) {
            return true;
        }
        refuse(frame, verdict, "rate limit exceeded");
        return false;
    }

    private void refuse(Frame frame, MessageRate.Verdict verdict, String why) {
        if (verdict == MessageRate.Verdict.CLOSE) {
            log.warn("Station {} from {} keeps flooding ({}); closing", station.stationId(), station.remoteAddress(), why);
            close(WebSocketCloseStatus.POLICY_VIOLATION, "Message rate exceeded");
            return;
        }
        if (rate.firstStrike()) {
            log.warn("Station {} from {}: {}; refusing messages", station.stationId(), station.remoteAddress(), why);
        }
        if (frame instanceof Frame.Call call) {
            send(new Frame.CallError(call.messageId(), ErrorCode.GenericError, "Rejected: " + why, new JsonObject()));
        }
    }

    private void send(Frame frame) {
        channel.writeAndFlush(new TextWebSocketFrame(codec.write(frame)));
    }

    private void awaitQuietly(CompletableFuture<Void> future, Duration limit) {
        try {
            future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("Station {}: the replaced connection's handlers are still running after {}", station.stationId(), limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.debug("Replaced connection ended with an error", e);
        }
    }
}
