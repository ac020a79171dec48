package org.v2gcsms.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.v2gcsms.sessions.backoffice.ApiKeyRecord;
import org.v2gcsms.sessions.backoffice.ApiKeyRepository;

final class JdbcApiKeyRepository implements ApiKeyRepository {
    private final Database db;

    JdbcApiKeyRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(ApiKeyRecord k) {
        db.inTransaction(c -> {
            int updated = Sql.update(c, "UPDATE api_key SET name = ?, role = ?, key_hash = ?, created_by = ?, "
                    + "revoked_at = ? WHERE id = ?", k.name(), k.role(), k.keyHash(), k.createdBy(), k.revokedAt(), k.id());
            if (updated == 0) {
                Sql.update(c, "INSERT INTO api_key (id, name, role, key_hash, created_at, created_by, revoked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", k.id(), k.name(), k.role(), k.keyHash(), k.createdAt(),
                        k.createdBy(), k.revokedAt());
            }
            return null;
        });
    }

    @Override
    public Optional<ApiKeyRecord> byHash(String keyHash) {
        return db.inTransaction(c -> Sql.one(c, "SELECT * FROM api_key WHERE key_hash = ?", JdbcApiKeyRepository::row,
                keyHash));
    }

    @Override
    public Optional<ApiKeyRecord> find(String id) {
        return db.inTransaction(c -> Sql.one(c, "SELECT * FROM api_key WHERE id = ?", JdbcApiKeyRepository::row, id));
    }

    @Override
    public List<ApiKeyRecord> all() {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM api_key ORDER BY created_at, id",
                JdbcApiKeyRepository::row));
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                at, id) == 1);
    }

    private static ApiKeyRecord row(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(rs.getString("id"), rs.getString("name"), rs.getString("role"),
                rs.getString("key_hash"), Sql.instant(rs, "created_at"), rs.getString("created_by"),
                Sql.instant(rs, "revoked_at"));
    }
}
