package org.v2gcsms.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is. The default is an embedded H2 file database under the data directory; a
 * {@code jdbc:postgresql://} URL selects PostgreSQL.
 *
 * @param poolSize connections in the pool: enough for the handler threads that write at once
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 16;

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive, was " + poolSize);
        }
        Dialect.of(jdbcUrl); // refuses a database we do not speak
    }

    /**
     * The embedded H2 database {@code <dataDir>/csms.mv.db}. Every commit is written to the file before it
     * returns (WRITE_DELAY=0), so what was acknowledged survives the process being killed. The file is opened
     * through H2's {@code retry:} file system: a thread interrupted while H2 reads or writes (an executor shut
     * down with {@code shutdownNow}) otherwise closes the file channel under every connection and fails the
     * database — seen as lost commits in a test (StoreInterruptTest).
     */
    public static DatabaseConfig h2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("csms");
        return new DatabaseConfig("jdbc:h2:retry:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "",
                DEFAULT_POOL_SIZE);
    }

    public Dialect dialect() {
        return Dialect.of(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + jdbcUrl + ", user " + user + ", pool " + poolSize + "]"; // never the password
    }
}
