package org.v2gcsms.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.v2gcsms.ocpp.json.InstantText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.v2gcsms.sessions.session.EndReason;
import org.v2gcsms.sessions.session.EvNeeds;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionFilter;
import org.v2gcsms.sessions.session.SessionKey;
import org.v2gcsms.sessions.session.SessionRepository;
import org.v2gcsms.sessions.session.SessionState;

final class JdbcSessionRepository implements SessionRepository {
    private static final List<String> KEY = List.of("station_id", "transaction_id");
    private static final List<String> COLUMNS = List.of("station_id", "transaction_id", "evse_id", "connector_id",
            "id_token", "state", "end_reason", "stopped_reason", "plugged_in_at", "authorized_at", "first_energy_at",
            "charge_completed_at", "released_at", "ended_at", "soc_at_arrival", "soc_at_arrival_at", "soc", "soc_at",
            "imported_wh", "exported_wh", "power_w", "power_at", "battery_voltage_v", "battery_current_a",
            "battery_capacity_wh", "target_soc", "ev_needs", "net_wh_at_needs", "max_duration_ms", "warned_at",
            "limit_reached_at", "stop_attempts", "last_stop_attempt_at", "stop_ignored", "last_seq_no",
            "illegal_transitions", "updated_at");
    private static final String ENDED = SessionState.ENDED.name();
    private static final Gson JSON = new GsonBuilder().registerTypeAdapter(Instant.class, new InstantText()).create();

    private final Database db;
    private final String upsert;

    JdbcSessionRepository(Database db) {
        this.db = db;
        this.upsert = db.dialect().upsert("charging_session", COLUMNS, KEY);
    }

    @Override
    public void save(Session s) {
        db.write(s.stationId(), c -> Sql.update(c, upsert, s.stationId(), s.transactionId(), s.evseId(),
                s.connectorId(), s.idToken(), s.state().name(), s.endReason() == null ? null : s.endReason().wire(),
                s.stoppedReason(), s.pluggedInAt(), s.authorizedAt(), s.firstEnergyAt(), s.chargeCompletedAt(),
                s.releasedAt(), s.endedAt(), s.socAtArrival(), s.socAtArrivalAt(), s.soc(), s.socAt(), s.importedWh(),
                s.exportedWh(), s.powerW(), s.powerAt(), s.batteryVoltageV(), s.batteryCurrentA(),
                s.batteryCapacityWh(), s.targetSoc(), s.needs() == null ? null : JSON.toJson(s.needs()),
                s.netWhAtNeeds(), s.maxDuration() == null ? null : s.maxDuration().toMillis(), s.warnedAt(),
                s.limitReachedAt(), s.stopAttempts(), s.lastStopAttemptAt(), s.stopIgnored(), s.lastSeqNo(),
                s.illegalTransitions(), s.updatedAt()));
    }

    @Override
    public Optional<Session> find(SessionKey key) {
        return db.inTransaction(c -> Sql.one(c,
                "SELECT * FROM charging_session WHERE station_id = ? AND transaction_id = ?",
                JdbcSessionRepository::session, key.stationId(), key.transactionId()));
    }

    @Override
    public List<Session> active() {
        return db.inTransaction(c -> Sql.list(c,
                "SELECT * FROM charging_session WHERE state <> ? ORDER BY plugged_in_at, station_id, transaction_id",
                JdbcSessionRepository::session, ENDED));
    }

    @Override
    public List<Session> history(SessionFilter f) {
        StringBuilder sql = new StringBuilder("SELECT * FROM charging_session WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!f.stationIds().isEmpty()) {
            // An id ending in '*' stands for every station with that prefix (how sites list their stations).
            List<String> any = new ArrayList<>();
            for (String id : f.stationIds()) {
                any.add(id.endsWith("*") ? "station_id LIKE ? ESCAPE '!'" : "station_id = ?");
                args.add(id.endsWith("*") ? id.substring(0, id.length() - 1).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%" : id);
            }
            sql.append(" AND (").append(String.join(" OR ", any)).append(")");
        }
        if (f.idToken() != null) {
            sql.append(" AND id_token = ?");
            args.add(f.idToken());
        }
        if (f.pluggedFrom() != null) {
            sql.append(" AND plugged_in_at >= ?");
            args.add(f.pluggedFrom());
        }
        if (f.pluggedTo() != null) {
            sql.append(" AND plugged_in_at < ?");
            args.add(f.pluggedTo());
        }
        if (f.endReason() != null) {
            sql.append(" AND end_reason = ?");
            args.add(f.endReason().wire());
        }
        if (f.active() != null) {
            sql.append(f.active() ? " AND state <> ?" : " AND state = ?");
            args.add(ENDED);
        }
        sql.append(" ORDER BY plugged_in_at DESC, station_id, transaction_id FETCH FIRST ").append(f.limit())
                .append(" ROWS ONLY");
        return db.inTransaction(c -> Sql.list(c, sql.toString(), JdbcSessionRepository::session, args.toArray()));
    }

    private static Session session(ResultSet rs) throws SQLException {
        String needs = rs.getString("ev_needs");
        long maxMs = rs.getLong("max_duration_ms");
        Duration max = rs.wasNull() ? null : Duration.ofMillis(maxMs);
        String endReason = rs.getString("end_reason");
        Session.Builder b = new Session.Builder(rs.getString("station_id"), rs.getString("transaction_id"),
                rs.getDouble("target_soc"), max)
                .evse(Sql.integer(rs, "evse_id"), Sql.integer(rs, "connector_id"))
                .idToken(rs.getString("id_token"))
                .state(SessionState.valueOf(rs.getString("state")))
                .times(Sql.instant(rs, "plugged_in_at"), Sql.instant(rs, "authorized_at"),
                        Sql.instant(rs, "first_energy_at"), Sql.instant(rs, "charge_completed_at"),
                        Sql.instant(rs, "released_at"))
                .soc(Sql.decimal(rs, "soc_at_arrival"), Sql.instant(rs, "soc_at_arrival_at"), Sql.decimal(rs, "soc"),
                        Sql.instant(rs, "soc_at"))
                .energy(Sql.decimal(rs, "imported_wh"), Sql.decimal(rs, "exported_wh"))
                .power(Sql.decimal(rs, "power_w"), Sql.instant(rs, "power_at"))
                .battery(Sql.decimal(rs, "battery_voltage_v"), Sql.decimal(rs, "battery_current_a"),
                        Sql.decimal(rs, "battery_capacity_wh"))
                .needs(needs == null ? null : JSON.fromJson(needs, EvNeeds.class), Sql.decimal(rs, "net_wh_at_needs"))
                .limitState(Sql.instant(rs, "warned_at"), Sql.instant(rs, "limit_reached_at"),
                        rs.getInt("stop_attempts"), Sql.instant(rs, "last_stop_attempt_at"),
                        rs.getBoolean("stop_ignored"))
                .counters(rs.getInt("last_seq_no"), rs.getInt("illegal_transitions"))
                .updatedAt(Sql.instant(rs, "updated_at"));
        if (endReason != null) {
            b.ended(EndReason.parse(endReason), rs.getString("stopped_reason"), Sql.instant(rs, "ended_at"));
        }
        return b.build();
    }
}
