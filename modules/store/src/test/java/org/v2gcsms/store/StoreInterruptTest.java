package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads get interrupted (executors stopped with shutdownNow, a webhook sender stopped): one interrupted inside
 * H2's file I/O must not close the embedded database for everyone or lose what was committed.
 */
class StoreInterruptTest {
    private static final int ROWS = 20_000;
    /** H2's codes for "IO Exception" (the file channel closed under it) and "database is closed". */
    private static final int IO_EXCEPTION = 90028;
    private static final int DATABASE_CLOSED = 90098;

    @Test
    void aWriterInterruptedAgainAndAgainLosesNothingAndBreaksNothing(@TempDir Path dir) throws Exception {
        DatabaseConfig db = DatabaseConfig.h2(dir);
        try (Connection c = connect(db)) {
            c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))");
        }
        AtomicInteger committed = new AtomicInteger();
        AtomicReference<SQLException> broken = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (Connection c = connect(db); PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < ROWS && broken.get() == null; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i);
                    try {
                        ps.executeUpdate(); // auto-commit: durable when it returns
                        committed.incrementAndGet();
                    } catch (SQLException e) {
                        // An interrupted statement may fail (it was asked to stop); the database must not.
                        breaks(e, broken);
                        Thread.interrupted();
                    }
                }
            } catch (SQLException e) {
                breaks(e, broken); // closing the connection while interrupted may fail; the database may not
            }
        });
        // An interrupt now and then, as stopping executors gives (not a storm no I/O could get through).
        while (writer.isAlive()) {
            writer.interrupt();
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        writer.join();

        assertEquals(null, broken.get(), "an interrupt fails at most its own statement, never the database");
        assertTrue(committed.get() > ROWS / 2, "most statements went through: " + committed.get());
        try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            assertTrue(rs.next());
            assertEquals(committed.get(), rs.getInt(1), "every committed row is there, and only those");
        }
    }

    private static void breaks(SQLException e, AtomicReference<SQLException> broken) {
        if (e.getErrorCode() == IO_EXCEPTION || e.getErrorCode() == DATABASE_CLOSED) {
            broken.set(e);
        }
    }

    private static Connection connect(DatabaseConfig db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
