package org.v2gcsms.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.transactions.Cost;
import org.v2gcsms.sessions.transactions.EnergyRegister;
import org.v2gcsms.sessions.transactions.EventType;
import org.v2gcsms.sessions.transactions.MeterSample;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionEvent;
import org.v2gcsms.sessions.transactions.TransactionFold;
import org.v2gcsms.sessions.transactions.TransactionRepository;
import org.v2gcsms.sessions.transactions.TransactionState;

final class JdbcTransactionRepository implements TransactionRepository {
    /**
     * meter_sample holds the values sent in MeterValues, outside transactions (a transaction event's values are
     * in its own row); its key columns for a transaction are filled with these so the unique key covers them.
     */
    private static final String NO_TRANSACTION = "";
    private static final int NO_SEQ_NO = -1;
    private static final int NO_EVSE = -1;

    private static final List<String> EVENT_KEY = List.of("station_id", "transaction_id", "seq_no");
    private static final List<String> EVENT = List.of("station_id", "transaction_id", "seq_no", "event_type",
            "event_timestamp", "trigger_reason", "offline", "charging_state", "stopped_reason", "operation_mode",
            "remote_start_id", "reservation_id", "evse_id", "connector_id", "id_token", "id_token_type",
            "number_of_phases_used", "received_at", "samples");
    private static final List<String> TX_KEY = List.of("station_id", "transaction_id");
    /** The columns of a transaction, its key ({@code TX_KEY}) last: one binding serves INSERT and UPDATE. */
    private static final List<String> TX = List.of("state", "evse_id", "connector_id", "id_token", "id_token_type",
            "remote_start_id", "reservation_id", "started_at", "ended_at", "charging_state", "last_trigger_reason",
            "stopped_reason", "operation_mode", "start_seen", "first_seq_no", "last_seq_no", "event_count",
            "import_first_wh", "import_first_at", "import_last_wh", "import_last_at", "export_first_wh",
            "export_first_at", "export_last_wh", "export_last_at", "last_soc", "last_soc_at", "awaiting_queued_events",
            "events_missing", "closed_by_csms", "last_event_at", "last_heard_at", "total_cost", "cost_currency",
            "station_id", "transaction_id");
    private static final List<String> SAMPLE_KEY = List.of("station_id", "transaction_id", "evse_id", "sampled_at",
            "measurand", "context", "phase", "location");
    private static final List<String> SAMPLE = List.of("station_id", "transaction_id", "seq_no", "evse_id",
            "sampled_at", "measurand", "context", "phase", "location", "reading", "unit", "multiplier",
            "signed_data");

    private final Database db;
    private final String insertEvent;
    private final String insertTransaction;
    private final String updateTransaction;
    private final String insertSample;

    JdbcTransactionRepository(Database db) {
        this.db = db;
        this.insertEvent = db.dialect().insertIfAbsent("transaction_event", EVENT, EVENT_KEY);
        this.insertTransaction = Sql.insert("charging_transaction", TX);
        this.updateTransaction = Sql.update("charging_transaction", TX, TX_KEY);
        this.insertSample = db.dialect().insertIfAbsent("meter_sample", SAMPLE, SAMPLE_KEY);
    }

    @Override
    public Recorded record(TransactionEvent e) {
        String samples = StoredSamples.encode(e.samples()); // here, not in the shared writer lane
        return db.write(e.stationId(), c -> {
            int inserted;
            try (PreparedStatement ps = Sql.bind(c.prepareStatement(insertEvent), e.stationId(), e.transactionId(),
                    e.seqNo(), e.eventType().name(), e.timestamp(), WireEnums.wire(e.triggerReason()), e.offline(),
                    WireEnums.wire(e.chargingState()), WireEnums.wire(e.stoppedReason()),
                    WireEnums.wire(e.operationMode()), e.remoteStartId(), e.reservationId(), e.evseId(),
                    e.connectorId(), e.idToken(), e.idTokenType(), e.numberOfPhasesUsed(), e.receivedAt(), samples)) {
                inserted = ps.executeUpdate();
            }
            Transaction current = current(c, e.stationId(), e.transactionId()).orElse(null);
            if (inserted == 0) {
                return new Recorded(true, current);
            }
            Transaction next = TransactionFold.apply(current, e);
            write(c, next, current == null);
            return new Recorded(false, next);
        });
    }

    @Override
    public void recordMeterValues(String stationId, int evseId, List<MeterSample> samples) {
        db.write(stationId, c -> {
            insertMeterValues(c, stationId, evseId, samples);
            return null;
        });
    }

    @Override
    public Optional<Transaction> find(String stationId, String transactionId) {
        return db.inTransaction(c -> Sql.one(c,
                "SELECT * FROM charging_transaction WHERE station_id = ? AND transaction_id = ?",
                JdbcTransactionRepository::transaction, stationId, transactionId));
    }

    @Override
    public Optional<Transaction> update(String stationId, String transactionId, UnaryOperator<Transaction> change) {
        return db.write(stationId, c -> {
            Optional<Transaction> current = current(c, stationId, transactionId);
            if (current.isEmpty()) {
                return current;
            }
            Transaction next = change.apply(current.get());
            write(c, next, false);
            return Optional.of(next);
        });
    }

    @Override
    public List<Transaction> ofStation(String stationId) {
        return db.inTransaction(c -> Sql.list(c,
                "SELECT * FROM charging_transaction WHERE station_id = ? ORDER BY started_at, transaction_id",
                JdbcTransactionRepository::transaction, stationId));
    }

    @Override
    public List<Transaction> silentSince(Instant cutoff, int limit) {
        return db.inTransaction(c -> Sql.list(c,
                "SELECT * FROM charging_transaction WHERE state = ? AND last_heard_at < ? ORDER BY last_heard_at "
                        + "FETCH FIRST " + limit + " ROWS ONLY",
                JdbcTransactionRepository::transaction, TransactionState.OPEN.name(), cutoff));
    }

    @Override
    public List<TransactionEvent> events(String stationId, String transactionId) {
        return db.inTransaction(c -> Sql.list(c,
                "SELECT * FROM transaction_event WHERE station_id = ? AND transaction_id = ? ORDER BY seq_no",
                JdbcTransactionRepository::event, stationId, transactionId));
    }

    /**
     * A transaction's samples are those of its events, each (EVSE, time, measurand, context, phase, location)
     * once: a value an offline station sends again in a later event is the one its earliest event carried.
     * Samples sent outside a transaction ({@code transactionId} null) are the MeterValues rows.
     */
    @Override
    public List<MeterSample> samples(String stationId, String transactionId, Integer evseId) {
        if (transactionId == null) {
            String sql = "SELECT * FROM meter_sample WHERE station_id = ? AND transaction_id = ?"
                    + (evseId == null ? "" : " AND evse_id = ?")
                    + " ORDER BY sampled_at, measurand, phase, location, context";
            return db.inTransaction(c -> evseId == null
                    ? Sql.list(c, sql, JdbcTransactionRepository::sample, stationId, NO_TRANSACTION)
                    : Sql.list(c, sql, JdbcTransactionRepository::sample, stationId, NO_TRANSACTION, evseId));
        }
        List<TransactionEvent> events = events(stationId, transactionId);
        Map<SampleKey, MeterSample> once = new LinkedHashMap<>();
        for (TransactionEvent e : events) {
            int evse = e.evseId() == null ? NO_EVSE : e.evseId();
            if (evseId == null || evseId == evse) {
                e.samples().forEach(sample -> once.putIfAbsent(SampleKey.of(evse, sample), sample));
            }
        }
        return once.values().stream().sorted(StoredSamples.ORDER).toList();
    }

    /** What makes a sample the same sample when it is sent again. */
    private record SampleKey(int evseId, Instant at, MeasurandEnumType measurand, ReadingContextEnumType context,
                             PhaseEnumType phase, LocationEnumType location) {
        static SampleKey of(int evseId, MeterSample s) {
            return new SampleKey(evseId, s.timestamp(), s.measurand(), s.context(), s.phase(), s.location());
        }
    }

    /**
     * The transaction as stored, read without a row lock: a transaction is only written through its station's
     * writer lane ({@link #record}, {@link #update}), one write after the other, so nothing can change it between
     * this read and the write that follows. (A lock cost PostgreSQL a WAL record per event.)
     */
    private static Optional<Transaction> current(Connection c, String stationId, String transactionId)
            throws SQLException {
        return Sql.one(c, "SELECT * FROM charging_transaction WHERE station_id = ? AND transaction_id = ?",
                JdbcTransactionRepository::transaction, stationId, transactionId);
    }

    /** Inserts a new transaction or updates the stored one (the columns in the order of {@code TX}). */
    private void write(Connection c, Transaction t, boolean isNew) throws SQLException {
        EnergyRegister in = t.energyImport();
        EnergyRegister out = t.energyExport();
        try (PreparedStatement ps = Sql.bind(c.prepareStatement(isNew ? insertTransaction : updateTransaction),
                t.state().name(), t.evseId(), t.connectorId(), t.idToken(), t.idTokenType(), t.remoteStartId(),
                t.reservationId(), t.startedAt(), t.endedAt(), WireEnums.wire(t.chargingState()),
                WireEnums.wire(t.lastTriggerReason()), WireEnums.wire(t.stoppedReason()),
                WireEnums.wire(t.operationMode()), t.startSeen(), t.firstSeqNo(), t.lastSeqNo(), t.eventCount(),
                in.firstWh(), in.firstAt(), in.lastWh(), in.lastAt(), out.firstWh(), out.firstAt(), out.lastWh(),
                out.lastAt(), t.lastSoc(), t.lastSocAt(), t.awaitingQueuedEvents(), t.eventsMissing(),
                t.closedByCsms(), t.lastEventAt(), t.lastHeardAt(), t.cost() == null ? null : t.cost().amount(),
                t.cost() == null ? null : t.cost().currency(), t.stationId(), t.transactionId())) {
            ps.executeUpdate();
        }
    }

    private void insertMeterValues(Connection c, String stationId, int evseId, List<MeterSample> samples)
            throws SQLException {
        if (samples.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(insertSample)) {
            for (MeterSample s : samples) {
                Sql.bind(ps, stationId, NO_TRANSACTION, NO_SEQ_NO, evseId, s.timestamp(),
                        WireEnums.wire(s.measurand()), WireEnums.wire(s.context()), s.phase() == null ? "" : WireEnums.wire(s.phase()),
                        WireEnums.wire(s.location()), s.value(), s.unit(), s.multiplier(), s.signedMeterData());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Transaction transaction(ResultSet rs) throws SQLException {
        return new Transaction(rs.getString("station_id"), rs.getString("transaction_id"),
                TransactionState.valueOf(rs.getString("state")), Sql.integer(rs, "evse_id"),
                Sql.integer(rs, "connector_id"), rs.getString("id_token"), rs.getString("id_token_type"),
                Sql.integer(rs, "remote_start_id"), Sql.integer(rs, "reservation_id"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "ended_at"),
                WireEnums.parse(ChargingStateEnumType.class, rs.getString("charging_state")),
                WireEnums.parse(TriggerReasonEnumType.class, rs.getString("last_trigger_reason")),
                WireEnums.parse(ReasonEnumType.class, rs.getString("stopped_reason")),
                WireEnums.parse(OperationModeEnumType.class, rs.getString("operation_mode")),
                rs.getBoolean("start_seen"), rs.getInt("first_seq_no"), rs.getInt("last_seq_no"),
                rs.getInt("event_count"),
                new EnergyRegister(Sql.decimal(rs, "import_first_wh"), Sql.instant(rs, "import_first_at"),
                        Sql.decimal(rs, "import_last_wh"), Sql.instant(rs, "import_last_at")),
                new EnergyRegister(Sql.decimal(rs, "export_first_wh"), Sql.instant(rs, "export_first_at"),
                        Sql.decimal(rs, "export_last_wh"), Sql.instant(rs, "export_last_at")),
                Sql.decimal(rs, "last_soc"), Sql.instant(rs, "last_soc_at"), rs.getBoolean("awaiting_queued_events"),
                rs.getBoolean("events_missing"), rs.getBoolean("closed_by_csms"), Sql.instant(rs, "last_event_at"),
                Sql.instant(rs, "last_heard_at"), cost(rs));
    }

    private static Cost cost(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("total_cost");
        return amount == null ? null : Cost.of(amount, rs.getString("cost_currency"));
    }

    private static TransactionEvent event(ResultSet rs) throws SQLException {
        return new TransactionEvent(rs.getString("station_id"), rs.getString("transaction_id"), rs.getInt("seq_no"),
                EventType.valueOf(rs.getString("event_type")), Sql.instant(rs, "event_timestamp"),
                WireEnums.parse(TriggerReasonEnumType.class, rs.getString("trigger_reason")),
                rs.getBoolean("offline"), WireEnums.parse(ChargingStateEnumType.class, rs.getString("charging_state")),
                WireEnums.parse(ReasonEnumType.class, rs.getString("stopped_reason")),
                WireEnums.parse(OperationModeEnumType.class, rs.getString("operation_mode")),
                Sql.integer(rs, "remote_start_id"), Sql.integer(rs, "reservation_id"), Sql.integer(rs, "evse_id"),
                Sql.integer(rs, "connector_id"), rs.getString("id_token"), rs.getString("id_token_type"),
                Sql.integer(rs, "number_of_phases_used"), StoredSamples.decode(rs.getString("samples")),
                Sql.instant(rs, "received_at"));
    }

    static MeterSample sample(ResultSet rs) throws SQLException {
        String phase = rs.getString("phase");
        return new MeterSample(Sql.instant(rs, "sampled_at"),
                WireEnums.parse(MeasurandEnumType.class, rs.getString("measurand")),
                WireEnums.parse(ReadingContextEnumType.class, rs.getString("context")),
                phase.isEmpty() ? null : WireEnums.parse(PhaseEnumType.class, phase),
                WireEnums.parse(LocationEnumType.class, rs.getString("location")), rs.getDouble("reading"),
                rs.getString("unit"), rs.getInt("multiplier"), rs.getString("signed_data"));
    }
}
