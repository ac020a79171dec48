package org.v2gcsms.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.v2gcsms.sessions.notices.NoticeKind;
import org.v2gcsms.sessions.notices.NoticeRepository;
import org.v2gcsms.sessions.notices.StationNotice;

final class JdbcNoticeRepository implements NoticeRepository {
    private final Database db;

    JdbcNoticeRepository(Database db) {
        this.db = db;
    }

    @Override
    public void add(List<StationNotice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO station_notice (station_id, kind, notice_type, "
                    + "occurred_at, payload, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (StationNotice n : notices) {
                    String type = n.type() != null && n.type().length() > 255 ? n.type().substring(0, 255) : n.type();
                    Sql.bind(ps, n.stationId(), n.kind().name(), type, n.occurredAt(), n.payload(), n.receivedAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<StationNotice> find(String stationId, NoticeKind kind, Instant since, int limit) {
        String sql = "SELECT * FROM station_notice WHERE station_id = ? AND received_at >= ?"
                + (kind == null ? "" : " AND kind = ?") + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY";
        Sql.Row<StationNotice> row = rs -> new StationNotice(rs.getLong("id"), rs.getString("station_id"),
                NoticeKind.valueOf(rs.getString("kind")), rs.getString("notice_type"), Sql.instant(rs, "occurred_at"),
                rs.getString("payload"), Sql.instant(rs, "received_at"));
        return db.inTransaction(c -> kind == null ? Sql.list(c, sql, row, stationId, since)
                : Sql.list(c, sql, row, stationId, since, kind.name()));
    }
}
