package org.v2gcsms.store;

import java.util.List;
import java.util.Optional;
import org.v2gcsms.gridsafety.lom.LomTransition;
import org.v2gcsms.gridsafety.lom.LossOfMainsJournal;

/** Loss-of-mains transitions in {@code loss_of_mains_transition}, committed before {@link #append} returns. */
final class JdbcLossOfMainsJournal implements LossOfMainsJournal {
    private static final int MAX_CAUSE = 1000;
    private static final Sql.Row<LomTransition> ROW = rs -> new LomTransition(rs.getString("site_id"),
            rs.getString("from_state"), rs.getString("to_state"), rs.getString("cause"), Sql.instant(rs, "at"));

    private final Database db;

    JdbcLossOfMainsJournal(Database db) {
        this.db = db;
    }

    @Override
    public void append(LomTransition t) {
        String cause = t.cause().length() > MAX_CAUSE ? t.cause().substring(0, MAX_CAUSE) : t.cause();
        db.inTransaction(c -> Sql.update(c, "INSERT INTO loss_of_mains_transition (site_id, from_state, to_state, "
                + "cause, at) VALUES (?, ?, ?, ?, ?)", t.siteId(), t.from(), t.to(), cause, t.at()));
    }

    @Override
    public Optional<LomTransition> latest(String siteId) {
        return history(siteId, 1).stream().findFirst();
    }

    @Override
    public List<LomTransition> history(String siteId, int limit) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM loss_of_mains_transition WHERE site_id = ? "
                + "ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", ROW, siteId));
    }
}
