package org.v2gcsms.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to the database, migrated to the current schema when opened. Work reaches the database
 * in one of two ways, both committed before they return (or rolled back and thrown): {@link #inTransaction}
 * on a connection of its own, for reads and occasional writes; {@link #write} batched with concurrent writes
 * under one commit, for the stream of station events.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /**
     * Writer lanes of {@link #write}; each holds a pool connection while it commits. PostgreSQL runs lanes in
     * parallel; H2 stores its whole B-tree change set per commit, so one lane with larger batches writes less.
     */
    private static final int MAX_WRITER_LANES = 4;
    private static final int MAX_BATCH = 512;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final GroupCommit writes;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.writes = new GroupCommit(pool, dialect == Dialect.H2 ? 1 : MAX_WRITER_LANES, MAX_BATCH);
    }

    /** Opens the pool and applies any migration not applied yet. */
    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize() + MAX_WRITER_LANES);
        hikari.setAutoCommit(false);
        hikari.setPoolName("csms-db");
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .javaMigrations(new SamplesIntoEvents()).failOnMissingLocations(true).load().migrate();
            log.info("Database {} at schema version {} ({} migrations applied now)", config.dialect(),
                    result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, config.dialect());
    }

    public Dialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return pool;
    }

    /** Runs the work in a shared commit with other writes; {@code key} (the station) keeps its writes in order. */
    <T> T write(String key, SqlWork<T> work) {
        return writes.write(key, work);
    }

    <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Database work failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writes.close();
        pool.close();
    }
}
