package org.v2gcsms.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.v2gcsms.sessions.commands.CommandRecord;
import org.v2gcsms.sessions.commands.CommandRepository;

final class JdbcCommandRepository implements CommandRepository {
    private final Database db;

    JdbcCommandRepository(Database db) {
        this.db = db;
    }

    @Override
    public long sent(String stationId, String action, String requestJson, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.bind(c.prepareStatement(
                    "INSERT INTO command_log (station_id, action, request, sent_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS), stationId, action, requestJson, at)) {
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void answered(long id, String status, String responseJson, Instant at) {
        db.inTransaction(c -> Sql.update(c,
                "UPDATE command_log SET status = ?, response = ?, finished_at = ? WHERE id = ?", status, responseJson,
                at, id));
    }

    @Override
    public void failed(long id, String error, Instant at) {
        String bounded = error.length() > 1000 ? error.substring(0, 997) + "..." : error;
        db.inTransaction(c -> Sql.update(c, "UPDATE command_log SET error = ?, finished_at = ? WHERE id = ?", bounded,
                at, id));
    }

    @Override
    public List<CommandRecord> recent(String stationId, int limit) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM command_log WHERE station_id = ? ORDER BY id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", rs -> new CommandRecord(rs.getLong("id"),
                rs.getString("station_id"), rs.getString("action"), rs.getString("request"),
                Sql.instant(rs, "sent_at"), rs.getString("status"), rs.getString("response"), rs.getString("error"),
                Sql.instant(rs, "finished_at")), stationId));
    }
}
