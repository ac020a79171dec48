package org.v2gcsms.sessions.transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.GetTransactionStatusRequest;
import org.v2gcsms.ocpp.v21.GetTransactionStatusResponse;
import org.v2gcsms.ocpp.v21.IdTokenInfoType;
import org.v2gcsms.ocpp.v21.MeterValuesRequest;
import org.v2gcsms.ocpp.v21.MeterValuesResponse;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TransactionEventResponse;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.auth.Authorizer;
import org.v2gcsms.sessions.commands.StationCommands;

/**
 * TransactionEvent and MeterValues from stations, and keeping transactions whole afterwards: asking the
 * station (GetTransactionStatus) when seqNos are missing, and closing transactions that never end.
 * Every answer is sent only after the event is committed. With a tariff at the station, a transaction's
 * answers carry its cost ({@link EnergyCost}): running on Updated events with meter values, final on Ended, and
 * the final cost is kept with the transaction.
 */
public final class TransactionService {
    private static final Logger log = LoggerFactory.getLogger(TransactionService.class);
    /** How many stale transactions one sweep looks at; the next sweep takes the rest. */
    private static final int SWEEP_BATCH = 500;

    private final TransactionRepository transactions;
    private final Authorizer authorizer;
    private final StationCommands commands;
    private final StaleTransactionPolicy stalePolicy;
    private final Tariffs tariffs;
    private final Clock clock;
    /** Transactions with a GetTransactionStatus in flight, so a burst of events asks once. */
    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    /** The running cost of each open transaction with a tariff, extended event by event. */
    private final Map<String, EnergyCost.Tally> running = new ConcurrentHashMap<>();

    public TransactionService(TransactionRepository transactions, Authorizer authorizer, StationCommands commands,
                              StaleTransactionPolicy stalePolicy, Tariffs tariffs, Clock clock) {
        this.transactions = transactions;
        this.authorizer = authorizer;
        this.commands = commands;
        this.stalePolicy = stalePolicy;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /** Always answers: an event for an unknown transaction is recorded too, or the station would retry forever. */
    public TransactionEventResponse transactionEvent(StationContext ctx, TransactionEventRequest r) {
        return answer(r, record(eventOf(ctx.stationId(), r, clock.instant())).transaction());
    }

    /**
     * Stores the event (once: a re-sent one comes back {@code duplicate}), asks the station about missing
     * events when this one reveals a gap, and keeps the final cost of a transaction that is over: again when a
     * late event adds readings to it, and for a re-sent Ended whose first answer was lost before its cost was kept.
     */
    public TransactionRepository.Recorded record(TransactionEvent event) {
        TransactionRepository.Recorded recorded = transactions.record(event);
        Transaction t = recorded.transaction();
        if (!recorded.duplicate()) {
            boolean gapAppeared = event.seqNo() == t.lastSeqNo() && !t.complete() && t.eventCount() > 1
                    && !t.eventsMissing() && !t.awaitingQueuedEvents();
            boolean endedIncomplete = event.eventType() == EventType.ENDED && !t.complete();
            if (gapAppeared || endedIncomplete) {
                checkStatus(t);
            }
        }
        if (t != null && t.state() != TransactionState.OPEN && (!recorded.duplicate() || t.cost() == null)) {
            return new TransactionRepository.Recorded(recorded.duplicate(), settled(t));
        }
        return recorded;
    }

    /**
     * The answer to a TransactionEvent of transaction {@code t} (as recorded): the token's status when the event
     * carried one; the cost so far when it is an Updated event with meter values, the final cost when it is Ended
     * (none without a tariff at the station: an omitted totalCost means "not free", never "free").
     */
    public TransactionEventResponse answer(TransactionEventRequest r, Transaction t) {
        IdTokenInfoType info = r.idToken() == null ? null : authorizer.info(r.idToken());
        return new TransactionEventResponse(totalCost(r, t), null, info, null, null, null, null);
    }

    /** What the transaction costs so far (its final cost once over) at its station's tariff; empty without one. */
    public Optional<Cost> cost(Transaction t) {
        return tariffs.at(t.stationId()).map(prices -> EnergyCost.of(
                transactions.samples(t.stationId(), t.transactionId(), null), prices));
    }

    private Double totalCost(TransactionEventRequest r, Transaction t) {
        EventType type = EventType.of(r.eventType());
        boolean metered = type == EventType.UPDATED && r.meterValue() != null && !r.meterValue().isEmpty();
        if (t == null || !(metered || type == EventType.ENDED)) {
            return null;
        }
        if (t.cost() != null || type == EventType.ENDED) {
            running.remove(key(t));
            return (t.cost() != null ? Optional.of(t.cost()) : cost(t)).map(c -> c.amount().doubleValue()).orElse(null);
        }
        return tariffs.at(t.stationId()).map(prices -> runningCost(t, r, prices).amount().doubleValue()).orElse(null);
    }

    /** The cost so far: the last tally extended by this event's readings, or the stored history costed afresh. */
    private Cost runningCost(Transaction t, TransactionEventRequest r, EnergyPrices prices) {
        EnergyCost.Tally before = running.get(key(t));
        EnergyCost.Tally now = (before == null ? Optional.<EnergyCost.Tally>empty()
                : before.extend(MeterSamples.of(r.meterValue()), prices))
                .orElseGet(() -> EnergyCost.Tally.of(transactions.samples(t.stationId(), t.transactionId(), null),
                        prices));
        running.put(key(t), now);
        return now.cost();
    }

    private static String key(Transaction t) {
        return t.stationId() + "\n" + t.transactionId();
    }

    /** The transaction, over, with its final cost kept; as it was when no tariff applies to its station. */
    private Transaction settled(Transaction t) {
        running.remove(key(t));
        Optional<Cost> cost = cost(t);
        if (cost.isEmpty() || cost.get().equals(t.cost())) {
            return t;
        }
        log.info("Transaction {} of station {}: final cost {} {}", t.transactionId(), t.stationId(),
                cost.get().amount().toPlainString(), cost.get().currency());
        return transactions.update(t.stationId(), t.transactionId(), current -> current.withCost(cost.get()))
                .orElse(t);
    }

    public MeterValuesResponse meterValues(StationContext ctx, MeterValuesRequest r) {
        transactions.recordMeterValues(ctx.stationId(), r.evseId(), MeterSamples.of(r.meterValue()));
        return new MeterValuesResponse(null);
    }

    /**
     * Asks the station about a transaction with missing events. Queued messages still on their way: wait for
     * them. Nothing queued: the missing events are lost; flag it. The answer arrives later, off this thread.
     */
    public CompletableFuture<Optional<Transaction>> checkStatus(Transaction t) {
        String key = key(t);
        if (!checking.add(key)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return commands.getTransactionStatus(t.stationId(), new GetTransactionStatusRequest(t.transactionId(), null))
                .thenApply(status -> transactions.update(t.stationId(), t.transactionId(), current -> resolved(current,
                        status)).map(this::settledWhenClosed))
                .whenComplete((result, failure) -> {
                    checking.remove(key);
                    if (failure != null) {
                        log.info("Could not ask station {} about transaction {}: {}", t.stationId(),
                                t.transactionId(), failure.toString());
                    }
                });
    }

    private Transaction settledWhenClosed(Transaction t) {
        return t.state() == TransactionState.CLOSED_BY_CSMS && t.cost() == null ? settled(t) : t;
    }

    private Transaction resolved(Transaction t, GetTransactionStatusResponse status) {
        boolean queued = Boolean.TRUE.equals(status.messagesInQueue());
        if (t.complete()) {
            return t.withChecks(false, false);
        }
        if (queued) {
            return t.withChecks(true, t.eventsMissing());
        }
        Transaction checked = t.withChecks(false, true);
        boolean ongoing = Boolean.TRUE.equals(status.ongoingIndicator());
        // The station no longer runs it and has nothing left to send: its Ended is lost.
        return t.state() == TransactionState.OPEN && status.ongoingIndicator() != null && !ongoing
                ? checked.closedByCsms(clock.instant()) : checked;
    }

    /**
     * Applies the stale-transaction policy once: OPEN transactions silent for too long are asked about when
     * their station is connected, and closed when it is not (or says they are over).
     */
    public int closeStale() {
        Instant now = clock.instant();
        List<Transaction> silent = transactions.silentSince(now.minus(stalePolicy.maxSilence()), SWEEP_BATCH);
        int closed = 0;
        for (Transaction t : silent) {
            Optional<Transaction> after;
            try {
                GetTransactionStatusResponse status = commands.getTransactionStatus(t.stationId(),
                        new GetTransactionStatusRequest(t.transactionId(), null)).join();
                after = transactions.update(t.stationId(), t.transactionId(), current ->
                        Boolean.TRUE.equals(status.ongoingIndicator()) || Boolean.TRUE.equals(status.messagesInQueue())
                                ? current.heardAt(now).withChecks(Boolean.TRUE.equals(status.messagesInQueue()),
                                current.eventsMissing())
                                : current.closedByCsms(now));
            } catch (RuntimeException offlineOrSilent) {
                after = transactions.update(t.stationId(), t.transactionId(),
                        current -> current.state() == TransactionState.OPEN ? current.closedByCsms(now) : current);
            }
            after = after.map(this::settledWhenClosed);
            if (after.map(a -> a.state() == TransactionState.CLOSED_BY_CSMS).orElse(false)) {
                closed++;
                log.warn("Closed transaction {} of station {}: nothing heard since {}", t.transactionId(),
                        t.stationId(), t.lastHeardAt());
            }
        }
        return closed;
    }

    public StaleTransactionPolicy stalePolicy() {
        return stalePolicy;
    }

    /** The request as the domain stores it; {@code receivedAt} is the CSMS's clock. */
    public static TransactionEvent eventOf(String stationId, TransactionEventRequest r, Instant receivedAt) {
        var tx = r.transactionInfo();
        return new TransactionEvent(stationId, tx.transactionId(), r.seqNo(), EventType.of(r.eventType()),
                r.timestamp(), r.triggerReason(), Boolean.TRUE.equals(r.offline()), tx.chargingState(),
                tx.stoppedReason(), tx.operationMode(), tx.remoteStartId(), r.reservationId(),
                r.evse() == null ? null : r.evse().id(), r.evse() == null ? null : r.evse().connectorId(),
                r.idToken() == null ? null : r.idToken().idToken(), r.idToken() == null ? null : r.idToken().type(),
                r.numberOfPhasesUsed(), MeterSamples.of(r.meterValue()), receivedAt);
    }
}
