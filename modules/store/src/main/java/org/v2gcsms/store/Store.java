package org.v2gcsms.store;

import org.v2gcsms.sessions.Repositories;
import org.v2gcsms.sessions.backoffice.BackOfficeRepositories;

/** The database and every repository on it. Open one per process; close it last. */
public final class Store implements AutoCloseable {
    private final Database database;
    private final Repositories repositories;
    private final BackOfficeRepositories backOffice;

    private Store(Database database) {
        this.database = database;
        this.repositories = new Repositories(new JdbcStationRepository(database),
                new JdbcDeviceModelRepository(database), new JdbcTokenRepository(database),
                new JdbcTransactionRepository(database), new JdbcCommandRepository(database),
                new JdbcNoticeRepository(database), new JdbcSessionRepository(database));
        this.backOffice = new BackOfficeRepositories(new JdbcApiKeyRepository(database),
                new JdbcAuditRepository(database), new JdbcWebhookRepository(database));
    }

    /** Opens (and migrates) the database. */
    public static Store open(DatabaseConfig config) {
        return new Store(Database.open(config));
    }

    public Repositories repositories() {
        return repositories;
    }

    /** The back-office API's keys, audit trail and webhooks. */
    public BackOfficeRepositories backOffice() {
        return backOffice;
    }

    /** Grid safety's loss-of-mains transitions (a restarted CSMS resumes each site from them). */
    public org.v2gcsms.gridsafety.lom.LossOfMainsJournal lossOfMainsJournal() {
        return new JdbcLossOfMainsJournal(database);
    }

    public Dialect dialect() {
        return database.dialect();
    }

    @Override
    public void close() {
        database.close();
    }
}
