package org.v2gcsms.sessions.transactions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Durable transactions, their events and meter samples. Every method has committed when it returns, so a
 * station is acknowledged only for what is on disk.
 */
public interface TransactionRepository {

    /** How {@link #record} went: {@code duplicate} when this (station, transaction, seqNo) was already stored. */
    record Recorded(boolean duplicate, Transaction transaction) {}

    /**
     * Stores the event and its samples and folds it into its transaction with {@link TransactionFold},
     * atomically, once: a unique key on (station, transaction, seqNo) makes a re-sent event a no-op that returns
     * the stored transaction.
     */
    Recorded record(TransactionEvent event);

    /** Stores meter samples sent outside transactions (MeterValues); samples already stored are skipped. */
    void recordMeterValues(String stationId, int evseId, List<MeterSample> samples);

    Optional<Transaction> find(String stationId, String transactionId);

    /** Changes a stored transaction atomically; empty when it does not exist. */
    Optional<Transaction> update(String stationId, String transactionId, UnaryOperator<Transaction> change);

    List<Transaction> ofStation(String stationId);

    /** OPEN transactions last heard of before {@code cutoff}, oldest first. */
    List<Transaction> silentSince(Instant cutoff, int limit);

    /** The events of a transaction in seqNo order. */
    List<TransactionEvent> events(String stationId, String transactionId);

    /**
     * Samples of a transaction (null: outside transactions) at {@code evseId} (null: any), by time; a reading a
     * station sent again in a later event is listed once, as its earliest event carried it.
     */
    List<MeterSample> samples(String stationId, String transactionId, Integer evseId);
}
