package org.v2gcsms.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.v2gcsms.sessions.backoffice.AuditEntry;
import org.v2gcsms.sessions.backoffice.AuditRepository;

final class JdbcAuditRepository implements AuditRepository {
    private final Database db;

    JdbcAuditRepository(Database db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry e) {
        db.inTransaction(c -> Sql.update(c, "INSERT INTO audit_entry (written_at, actor, key_id, method, path, detail, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", e.at(), e.actor(), e.keyId(), e.method(), bounded(e.path(), 1000),
                bounded(e.detail(), 4000), e.status()));
    }

    @Override
    public List<AuditEntry> find(String actor, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (since != null) {
            sql.append(" AND written_at >= ?");
            args.add(since);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return db.inTransaction(c -> Sql.list(c, sql.toString(), rs -> new AuditEntry(rs.getLong("id"),
                Sql.instant(rs, "written_at"), rs.getString("actor"), rs.getString("key_id"), rs.getString("method"),
                rs.getString("path"), rs.getString("detail"), rs.getInt("status")), args.toArray()));
    }

    static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
