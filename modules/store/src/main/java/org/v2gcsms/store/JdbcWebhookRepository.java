package org.v2gcsms.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.v2gcsms.sessions.backoffice.Webhook;
import org.v2gcsms.sessions.backoffice.WebhookDelivery;
import org.v2gcsms.sessions.backoffice.WebhookRepository;

final class JdbcWebhookRepository implements WebhookRepository {
    private final Database db;

    JdbcWebhookRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(Webhook w) {
        db.inTransaction(c -> {
            String types = String.join(",", w.eventTypes());
            if (Sql.update(c, "UPDATE webhook SET url = ?, secret = ?, event_types = ? WHERE id = ?", w.url(),
                    w.secret(), types, w.id()) == 0) {
                Sql.update(c, "INSERT INTO webhook (id, url, secret, event_types, created_at) VALUES (?, ?, ?, ?, ?)",
                        w.id(), w.url(), w.secret(), types, w.createdAt());
            }
            return null;
        });
    }

    @Override
    public Optional<Webhook> find(String id) {
        return db.inTransaction(c -> Sql.one(c, "SELECT * FROM webhook WHERE id = ? AND deleted_at IS NULL",
                JdbcWebhookRepository::webhook, id));
    }

    @Override
    public List<Webhook> all() {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM webhook WHERE deleted_at IS NULL ORDER BY created_at, id",
                JdbcWebhookRepository::webhook));
    }

    @Override
    public boolean delete(String id, Instant at) {
        return db.inTransaction(c -> {
            int gone = Sql.update(c, "UPDATE webhook SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", at, id);
            Sql.update(c, "UPDATE webhook_delivery SET state = 'FAILED', last_error = 'webhook deleted', "
                    + "finished_at = ? WHERE webhook_id = ? AND state = 'PENDING'", at, id);
            return gone == 1;
        });
    }

    /**
     * In a group commit ({@link Database#write}): a burst of events from many station threads shares commits
     * instead of paying one disk write each. Deliveries keep no order among themselves (attempts run in
     * parallel), so the payload spreads them over the writer lanes.
     */
    @Override
    public List<Long> enqueue(List<String> webhookIds, String eventType, String payload, Instant at) {
        return db.write(payload, c -> {
            List<Long> ids = new ArrayList<>(webhookIds.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_delivery (webhook_id, event_type, "
                    + "payload, state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String webhookId : webhookIds) {
                    Sql.bind(ps, webhookId, eventType, payload, at, at).executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM webhook_delivery WHERE state = 'PENDING' "
                + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY",
                JdbcWebhookRepository::delivery, now));
    }

    @Override
    public void attempted(long id, WebhookDelivery.State state, Integer status, String error, Instant next,
                          Instant at) {
        db.inTransaction(c -> Sql.update(c, "UPDATE webhook_delivery SET state = ?, attempts = attempts + 1, "
                + "last_status = ?, last_error = ?, next_attempt_at = ?, finished_at = ? WHERE id = ?", state.name(),
                status, JdbcAuditRepository.bounded(error, 1000), next == null ? at : next,
                state == WebhookDelivery.State.PENDING ? null : at, id));
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, int limit) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM webhook_delivery WHERE webhook_id = ? ORDER BY id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", JdbcWebhookRepository::delivery, webhookId));
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        String types = rs.getString("event_types");
        return new Webhook(rs.getString("id"), rs.getString("url"), rs.getString("secret"),
                types.isEmpty() ? List.of() : Arrays.asList(types.split(",")), Sql.instant(rs, "created_at"));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("event_type"),
                rs.getString("payload"), WebhookDelivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), Sql.integer(rs, "last_status"), rs.getString("last_error"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"));
    }
}
