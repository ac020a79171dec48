package org.v2gcsms.server;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.frame.Frame;

/**
 * The CSMS-initiated CALLs of one connection: at most one in flight (OCPP-J), the rest queued, HIGH
 * priority ahead of NORMAL. Matches CALLRESULT/CALLERROR to the call in flight by message id; a reply
 * for anything else (unknown, or late after a timeout) is logged and dropped, so later calls stay in step.
 */
final class OutboundCalls {
    private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);
    /** How many timed-out ids to remember, to tell a late reply from a bogus one in the log. */
    private static final int REMEMBERED_TIMEOUTS = 32;

    private final String stationId;
    private final OcppMessages messages;
    private final Consumer<Frame> wire;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final Executor completions;
    private final ArrayDeque<Pending> urgent = new ArrayDeque<>();
    private final ArrayDeque<Pending> normal = new ArrayDeque<>();
    private final Map<String, String> timedOut = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_TIMEOUTS;
        }
    };
    private Pending inFlight;
    /** While above zero nothing is sent (a BootNotification is being answered); calls wait in their queues. */
    private int holds;
    private String closedReason;

    private static final class Pending {
        final String messageId = UUID.randomUUID().toString();
        final Action<?, ?> action;
        final JsonObject payload;
        final CompletableFuture<Object> result;
        ScheduledFuture<?> timeout;

        Pending(Action<?, ?> action, JsonObject payload, CompletableFuture<Object> result) {
            this.action = action;
            this.payload = payload;
            this.result = result;
        }
    }

    /**
     * @param wire        writes a frame to the station (thread-safe)
     * @param completions where futures are completed, so callers' continuations never run on an event loop
     */
    OutboundCalls(String stationId, OcppMessages messages, Consumer<Frame> wire, ScheduledExecutorService timer,
                  Duration timeout, Executor completions) {
        this.stationId = stationId;
        this.messages = messages;
        this.wire = wire;
        this.timer = timer;
        this.timeout = timeout;
        this.completions = completions;
    }

    /** Queues an already validated request payload. */
    void enqueue(Action<?, ?> action, JsonObject payload, CompletableFuture<Object> result, CallPriority priority) {
        String lost;
        synchronized (this) {
            lost = closedReason;
            if (lost == null) {
                (priority == CallPriority.HIGH ? urgent : normal).add(new Pending(action, payload, result));
                sendNextIfIdle();
            }
        }
        if (lost != null) {
            fail(result, new ConnectionLostException(stationId, action.name(), lost));
        }
    }

    void onResult(Frame.CallResult reply) {
        Pending call = take(reply.messageId(), "CALLRESULT");
        if (call == null) {
            return;
        }
        Action<?, ?> action = call.action;
        try {
            messages.validateResponse(action, reply.payload());
            Object response = messages.decode(reply.payload(), action.responseType());
            complete(call.result, response);
        } catch (OcppError e) {
            log.warn("Station {} sent an invalid {} response (message {}): {}", stationId, action.name(),
                    reply.messageId(), e.toString());
            if (messages.version() == OcppVersion.V21) {
                wire.accept(new Frame.CallResultError(reply.messageId(), e.code(), e.description(), new JsonObject()));
            }
            fail(call.result, new InvalidResponseException(stationId, action.name(), e));
        }
    }

    void onError(Frame.CallError reply) {
        Pending call = take(reply.messageId(), "CALLERROR");
        if (call != null) {
            fail(call.result, new CallErrorException(stationId, call.action.name(), reply.code(), reply.description(),
                    reply.details()));
        }
    }

    /** Fails the call in flight and every queued one; later calls fail at once. */
    void close(String reason) {
        List<Pending> lost = new ArrayList<>();
        synchronized (this) {
            if (closedReason != null) {
                return;
            }
            closedReason = reason;
            if (inFlight != null) {
                inFlight.timeout.cancel(false);
                lost.add(inFlight);
                inFlight = null;
            }
            lost.addAll(urgent);
            lost.addAll(normal);
            urgent.clear();
            normal.clear();
        }
        for (Pending p : lost) {
            fail(p.result, new ConnectionLostException(stationId, p.action.name(), reason));
        }
    }

    private Pending take(String messageId, String kind) {
        synchronized (this) {
            if (inFlight != null && inFlight.messageId.equals(messageId)) {
                Pending call = inFlight;
                inFlight = null;
                call.timeout.cancel(false);
                sendNextIfIdle();
                return call;
            }
            String lateAction = timedOut.remove(messageId);
            if (lateAction != null) {
                log.warn("Station {} answered {} (message {}) with a {} after the call timed out; dropped",
                        stationId, lateAction, messageId, kind);
            } else {
                log.warn("Station {} sent a {} for unknown message {}; dropped", stationId, kind, messageId);
            }
            return null;
        }
    }

    private void timedOut(Pending call) {
        synchronized (this) {
            if (inFlight != call) {
                return;
            }
            inFlight = null;
            timedOut.put(call.messageId, call.action.name());
            sendNextIfIdle();
        }
        log.warn("Station {} did not answer {} (message {}) within {}", stationId, call.action.name(),
                call.messageId, timeout);
        fail(call.result, new CallTimeoutException(stationId, call.action.name(), timeout));
    }

    /** Keeps queued calls from being sent until {@link #release}. */
    synchronized void hold() {
        holds++;
    }

    synchronized void release() {
        holds--;
        sendNextIfIdle();
    }

    /** Holding the lock. Skips calls their caller already cancelled. */
    private void sendNextIfIdle() {
        while (inFlight == null && holds == 0) {
            Pending next = urgent.isEmpty() ? normal.poll() : urgent.poll();
            if (next == null) {
                return;
            }
            if (next.result.isDone()) {
                continue;
            }
            inFlight = next;
            next.timeout = timer.schedule(() -> timedOut(next), timeout.toNanos(), TimeUnit.NANOSECONDS);
            wire.accept(new Frame.Call(next.messageId, next.action.name(), next.payload));
        }
    }

    private void complete(CompletableFuture<Object> result, Object value) {
        runOffLoop(() -> result.complete(value));
    }

    private void fail(CompletableFuture<Object> result, Throwable error) {
        runOffLoop(() -> result.completeExceptionally(error));
    }

    private void runOffLoop(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run(); // after shutdown nobody else will complete it
        }
    }
}
