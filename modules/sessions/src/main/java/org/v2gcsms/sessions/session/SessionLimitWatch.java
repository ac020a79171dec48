package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.MessageContentType;
import org.v2gcsms.ocpp.v21.MessageFormatEnumType;
import org.v2gcsms.ocpp.v21.MessageInfoType;
import org.v2gcsms.ocpp.v21.MessagePriorityEnumType;
import org.v2gcsms.ocpp.v21.RequestStartStopStatusEnumType;
import org.v2gcsms.ocpp.v21.RequestStopTransactionRequest;
import org.v2gcsms.ocpp.v21.SetDisplayMessageRequest;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.devicemodel.DeviceModelService;

/**
 * Enforces the maximum session duration. Every {@link SessionSettings#checkEvery()} (and at once when a station
 * connects) it compares each active session's deadline, plug-in time + its maximum duration as stored, with the
 * clock: {@code warnBefore} ahead it raises LimitApproaching and, where the station has a display, shows the
 * driver a message; at the deadline it raises LimitReached and sends RequestStopTransaction, again every
 * {@code stopRetryEvery} while the transaction has not ended, and after {@code stopAttempts} flags the station
 * (StopIgnored). Because deadlines come from stored times, a CSMS restarted after a deadline stops the session
 * as soon as its station is connected.
 */
public final class SessionLimitWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionLimitWatch.class);

    private final SessionManager sessions;
    private final StationCommands commands;
    private final DeviceModelService deviceModel;
    private final Set<SessionKey> stopping = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("session-limits").factory());

    public SessionLimitWatch(SessionManager sessions, StationCommands commands, DeviceModelService deviceModel) {
        this.sessions = sessions;
        this.commands = commands;
        this.deviceModel = deviceModel;
    }

    /** Starts the periodic check; a station coming online is checked at once. */
    public void start() {
        long every = sessions.settings().checkEvery().toMillis();
        timer.scheduleWithFixedDelay(this::checkQuietly, 0, every, TimeUnit.MILLISECONDS);
        sessions.onStationOnline(() -> timer.execute(this::checkQuietly));
    }

    /** Checks every active session against its deadline once (one check at a time). */
    public synchronized void check() {
        Instant now = sessions.clock().instant();
        for (SessionManager.Slot slot : sessions.slots()) {
            check(slot, now);
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("Session limit check failed", e);
        }
    }

    private void check(SessionManager.Slot slot, Instant now) {
        Session s = slot.session;
        if (s == null || !s.active() || s.limitDeadline().isEmpty()) {
            return;
        }
        Instant deadline = s.limitDeadline().get();
        SessionSettings settings = sessions.settings();
        if (now.isBefore(deadline)) {
            Duration warnBefore = settings.limits().warnBefore();
            if (!warnBefore.isZero() && s.warnedAt() == null && !now.isBefore(deadline.minus(warnBefore))) {
                warn(slot, deadline, now);
            }
            return;
        }
        if (s.limitReachedAt() == null) {
            s = sessions.change(slot, x -> x.limitReachedAt() == null ? x.toBuilder().limitReached(now).build() : x);
            log.info("Session {} reached its maximum duration {} at {}; stopping it", s.key(),
                    MaxDuration.of(s.maxDuration()), deadline);
            sessions.events().publish(new SessionEvent.LimitReached(s.stationId(), s.transactionId(), s.evseId(),
                    deadline, now));
        }
        if (s.stopIgnored() || !sessions.online(s.stationId()) || stopping.contains(s.key())
                || (s.lastStopAttemptAt() != null && now.isBefore(s.lastStopAttemptAt().plus(settings.stopRetryEvery())))) {
            return;
        }
        if (s.stopAttempts() >= settings.stopAttempts()) {
            Session flagged = sessions.change(slot, x -> x.toBuilder().stopIgnored(true).build());
            log.warn("Station {} ignored {} RequestStopTransactions for {} (maximum duration reached at {}): flagged",
                    flagged.stationId(), flagged.stopAttempts(), flagged.transactionId(), deadline);
            sessions.events().publish(new SessionEvent.StopIgnored(flagged.stationId(), flagged.transactionId(),
                    flagged.stopAttempts(), now));
            return;
        }
        requestStop(slot, now);
    }

    private void requestStop(SessionManager.Slot slot, Instant now) {
        Session s = sessions.change(slot, x -> x.toBuilder().stopAttempted(now).build());
        stopping.add(s.key());
        commands.requestStop(s.stationId(), new RequestStopTransactionRequest(s.transactionId(), null))
                .whenComplete((answer, failure) -> {
                    stopping.remove(s.key());
                    if (failure != null) {
                        log.info("RequestStopTransaction {} (attempt {}) got no answer: {}; retrying in {}", s.key(),
                                s.stopAttempts(), failure.toString(), sessions.settings().stopRetryEvery());
                    } else if (answer.status() != RequestStartStopStatusEnumType.Accepted) {
                        log.warn("Station {} refused RequestStopTransaction for {} (attempt {})", s.stationId(),
                                s.transactionId(), s.stopAttempts());
                    }
                });
    }

    private void warn(SessionManager.Slot slot, Instant deadline, Instant now) {
        Session s = sessions.change(slot, x -> x.warnedAt() == null ? x.toBuilder().warned(now).build() : x);
        Duration remaining = Duration.between(now, deadline);
        sessions.events().publish(new SessionEvent.LimitApproaching(s.stationId(), s.transactionId(), s.evseId(),
                deadline, remaining, now));
        if (sessions.online(s.stationId()) && hasDisplay(s.stationId())) {
            String text = String.format(Locale.ROOT, "Charging ends in %d min (maximum session %s).",
                    Math.max(1, (remaining.toSeconds() + 59) / 60), MaxDuration.of(s.maxDuration()));
            MessageInfoType message = new MessageInfoType(null, messageId(s), MessagePriorityEnumType.InFront, null,
                    now, deadline, s.transactionId(), new MessageContentType(MessageFormatEnumType.UTF8, "en", text,
                    null), null, null);
            commands.setDisplayMessage(s.stationId(), new SetDisplayMessageRequest(message, null))
                    .whenComplete((answer, failure) -> {
                        if (failure != null) {
                            log.info("Limit warning not shown on {}: {}", s.stationId(), failure.toString());
                        }
                    });
        }
    }

    /** DisplayMessageCtrlr.Available (or Enabled) reported true. */
    private boolean hasDisplay(String stationId) {
        Optional<String> available = deviceModel.value(stationId, "DisplayMessageCtrlr", "Available", null)
                .or(() -> deviceModel.value(stationId, "DisplayMessageCtrlr", "Enabled", null));
        return available.map(Boolean::parseBoolean).orElse(false);
    }

    /** One display message per session, so a repeated warning replaces the last. */
    private static int messageId(Session s) {
        return 1_000_000 + Math.floorMod(s.key().toString().hashCode(), 1_000_000);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // A check still running must finish before the store it writes to is closed.
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
