package org.v2gcsms.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.sessions.transactions.MeterSample;

/**
 * Migration 12.1: the sampled values of transaction events stored before V12, one {@code meter_sample} row each,
 * are copied into their events' {@code samples} column; V12.2 then keeps only the other rows of meter_sample:
 * those of MeterValues (outside transactions) and any whose event is missing, which the old write path never
 * made (counted in the log).
 */
final class SamplesIntoEvents implements JavaMigration {
    private static final Logger log = LoggerFactory.getLogger(SamplesIntoEvents.class);
    private static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12.1");
    }

    @Override
    public String getDescription() {
        return "samples into their events";
    }

    @Override
    public Integer getChecksum() {
        return 121;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Moves moves = new Moves(c);
        try (PreparedStatement read = c.prepareStatement("SELECT * FROM meter_sample WHERE transaction_id <> '' "
                + "ORDER BY station_id, transaction_id, seq_no")) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    moves.add(rs.getString("station_id"), rs.getString("transaction_id"), rs.getInt("seq_no"),
                            JdbcTransactionRepository.sample(rs));
                }
            }
        }
        moves.finish();
        if (moves.orphans > 0) {
            log.warn("{} meter samples belong to no stored transaction event; left in meter_sample", moves.orphans);
        }
        log.info("Moved {} meter samples of {} transaction events into their events", moves.moved, moves.events);
    }

    /**
     * Samples of consecutive rows with the same event, encoded when the next event begins and written to their
     * events {@link #BATCH} at a time.
     */
    private static final class Moves {
        private final PreparedStatement update;
        private final List<MeterSample> samples = new ArrayList<>();
        private final List<Integer> batchSizes = new ArrayList<>();
        private String stationId;
        private String transactionId;
        private int seqNo;
        private long moved;
        private long events;
        private long orphans;

        Moves(Connection c) throws SQLException {
            update = c.prepareStatement("UPDATE transaction_event SET samples = ? "
                    + "WHERE station_id = ? AND transaction_id = ? AND seq_no = ?");
        }

        void add(String station, String transaction, int seq, MeterSample sample) throws SQLException {
            if (!samples.isEmpty() && !(station.equals(stationId) && transaction.equals(transactionId)
                    && seq == seqNo)) {
                queue();
            }
            stationId = station;
            transactionId = transaction;
            seqNo = seq;
            samples.add(sample);
        }

        void finish() throws SQLException {
            if (!samples.isEmpty()) {
                queue();
            }
            write();
            update.close();
        }

        private void queue() throws SQLException {
            samples.sort(StoredSamples.ORDER);
            Sql.bind(update, StoredSamples.encode(samples), stationId, transactionId, seqNo).addBatch();
            batchSizes.add(samples.size());
            samples.clear();
            if (batchSizes.size() == BATCH) {
                write();
            }
        }

        private void write() throws SQLException {
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    orphans += batchSizes.get(i);
                } else {
                    moved += batchSizes.get(i);
                    events++;
                }
            }
            batchSizes.clear();
        }
    }
}
