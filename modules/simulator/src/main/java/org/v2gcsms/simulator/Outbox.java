package org.v2gcsms.simulator;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.frame.Frame;
import org.v2gcsms.ocpp.frame.FrameCodec;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;

/**
 * The station's CALLs to the CSMS: at most one outstanding (OCPP-J), the rest queued in order.
 * TransactionEvents survive a lost connection and go out, in order, once the station is back; any other
 * message is dropped while offline, as a real station does. Used from the station's serial context only.
 */
final class Outbox {

    /** How the outbox reaches the socket and the rest of the station. */
    interface Link {
        /** True when this request may go out now (connected; booted, unless it is the BootNotification). */
        boolean canSend(Object request);

        void send(String text);

        void problem(Problem.Kind kind, String detail);
    }

    private record Pending(Object request, CompletableFuture<Object> answer) {
        boolean transactional() {
            return request instanceof TransactionEventRequest;
        }
    }

    /** The CALL on the wire. */
    private record Sent(Pending pending, String id, Action<?, ?> action, ScheduledFuture<?> timeout) {}

    private final MessageBridge bridge;
    private final FrameCodec codec;
    private final SimScheduler scheduler;
    private final SerialExecutor executor;
    private final Duration callTimeout;
    private final SimulationLog log;
    private final Link link;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private long nextId;
    private Sent inFlight;

    Outbox(MessageBridge bridge, SimScheduler scheduler, SerialExecutor executor, Duration callTimeout,
           SimulationLog log, Link link) {
        this.bridge = bridge;
        this.codec = new FrameCodec(bridge.version());
        this.scheduler = scheduler;
        this.executor = executor;
        this.callTimeout = callTimeout;
        this.log = log;
        this.link = link;
    }

    /** Queues a CALL; the future completes with the CSMS's answer as a 2.1 record. */
    CompletableFuture<Object> call(Object request) {
        Pending p = new Pending(request, new CompletableFuture<>());
        if (request instanceof BootNotificationRequest) {
            queue.addFirst(p);
        } else {
            queue.addLast(p);
        }
        pump();
        return p.answer();
    }

    /** Whether any TransactionEvent waits to be delivered (GetTransactionStatus.messagesInQueue). */
    boolean holdsTransactionEvents() {
        return (inFlight != null && inFlight.pending().transactional()) || queue.stream().anyMatch(Pending::transactional);
    }

    boolean idle() {
        return inFlight == null && queue.isEmpty();
    }

    /** Sends the next CALL if nothing is outstanding and the station may send it. */
    void pump() {
        while (inFlight == null && !queue.isEmpty() && link.canSend(queue.peekFirst().request())) {
            Pending p = queue.pollFirst();
            Action<?, ?> action = bridge.actionFor(p.request());
            JsonObject payload;
            try {
                payload = bridge.request(action, p.request());
            } catch (OcppError e) {
                link.problem(Problem.Kind.OWN_MESSAGE_INVALID, action.name() + ": " + e);
                p.answer().completeExceptionally(new CallFailed("invalid " + action.name() + ": " + e));
                continue;
            }
            String id = Long.toString(++nextId);
            inFlight = new Sent(p, id, action, scheduler.afterReal(callTimeout, executor, () -> timedOut(id)));
            log.callsSent.incrementAndGet();
            if (p.request() instanceof TransactionEventRequest t && Boolean.TRUE.equals(t.offline())) {
                log.offlineReplayed.incrementAndGet();
            }
            link.send(codec.write(new Frame.Call(id, action.name(), payload)));
        }
    }

    void answered(Frame.CallResult result) {
        Sent sent = finish(result.messageId(), "CALLRESULT");
        if (sent == null) {
            return;
        }
        try {
            Object response = bridge.readResponse(sent.action(), result.payload());
            log.callsAnswered.incrementAndGet();
            sent.pending().answer().complete(response);
        } catch (OcppError e) {
            link.problem(Problem.Kind.INVALID_MESSAGE, "answer to " + sent.action().name() + " breaks its schema: " + e);
            sent.pending().answer().completeExceptionally(new CallFailed(e.toString()));
        }
        pump();
    }

    void refused(String messageId, String code, String description) {
        Sent sent = finish(messageId, "CALLERROR");
        if (sent == null) {
            return;
        }
        link.problem(Problem.Kind.CALL_ERROR, sent.action().name() + " answered " + code + " " + description);
        sent.pending().answer().completeExceptionally(new CallFailed(code + " " + description));
        pump();
    }

    /** The connection is gone: TransactionEvents wait for the next one, everything else is dropped. */
    void disconnected() {
        if (inFlight != null) {
            Sent sent = finish(inFlight.id(), "");
            if (sent.pending().transactional()) {
                queue.addFirst(sent.pending());
            } else {
                sent.pending().answer().completeExceptionally(new CallFailed("connection lost"));
            }
        }
        queue.removeIf(p -> {
            if (p.transactional()) {
                return false;
            }
            p.answer().completeExceptionally(new CallFailed("connection lost"));
            return true;
        });
    }

    private void timedOut(String id) {
        if (inFlight == null || !inFlight.id().equals(id)) {
            return;
        }
        Sent sent = finish(id, "");
        link.problem(Problem.Kind.NO_ANSWER, sent.action().name() + " not answered within "
                + callTimeout.toSeconds() + " s");
        sent.pending().answer().completeExceptionally(new CallFailed("no answer"));
        pump();
    }

    /** Takes the outstanding CALL off the wire if {@code messageId} is its id; else reports the stray frame. */
    private Sent finish(String messageId, String frameKind) {
        if (inFlight == null || !inFlight.id().equals(messageId)) {
            link.problem(Problem.Kind.INVALID_MESSAGE, frameKind + " for a message id we are not waiting for");
            return null;
        }
        Sent sent = inFlight;
        inFlight = null;
        sent.timeout().cancel(false);
        return sent;
    }

    /** A CALL that got no usable answer. */
    static final class CallFailed extends Exception {
        CallFailed(String why) {
            super(why, null, false, false);
        }
    }
}
