package org.v2gcsms.store;

import java.util.List;
import java.util.Optional;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.auth.TokenRepository;

final class JdbcTokenRepository implements TokenRepository {
    private static final List<String> TOKEN = List.of("id_token", "token_type", "status", "expires_at", "group_id");

    private final Database db;

    JdbcTokenRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<TokenRecord> find(String idToken, String type) {
        return db.inTransaction(c -> Sql.one(c, "SELECT * FROM id_token WHERE id_token = ? AND token_type = ?",
                rs -> new TokenRecord(rs.getString("id_token"), rs.getString("token_type"),
                        WireEnums.parse(AuthorizationStatusEnumType.class, rs.getString("status")),
                        Sql.instant(rs, "expires_at"), rs.getString("group_id")), idToken, type));
    }

    @Override
    public void save(TokenRecord t) {
        db.inTransaction(c -> Sql.update(c, db.dialect().upsert("id_token", TOKEN, TOKEN.subList(0, 2)), t.idToken(),
                t.type(), WireEnums.wire(t.status()), t.expiresAt(), t.groupId()));
    }

    @Override
    public void delete(String idToken, String type) {
        db.inTransaction(c -> Sql.update(c, "DELETE FROM id_token WHERE id_token = ? AND token_type = ?", idToken,
                type));
    }

    @Override
    public List<TokenRecord> all() {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM id_token ORDER BY id_token, token_type",
                rs -> new TokenRecord(rs.getString("id_token"), rs.getString("token_type"),
                        WireEnums.parse(AuthorizationStatusEnumType.class, rs.getString("status")),
                        Sql.instant(rs, "expires_at"), rs.getString("group_id"))));
    }

    @Override
    public int localListVersion(String stationId) {
        return db.inTransaction(c -> Sql.one(c, "SELECT local_list_version FROM station WHERE id = ?",
                rs -> rs.getInt(1), stationId)).orElse(0);
    }

    @Override
    public void localListStored(String stationId, int version) {
        db.inTransaction(c -> Sql.update(c, "UPDATE station SET local_list_version = ? WHERE id = ?", version,
                stationId));
    }
}
