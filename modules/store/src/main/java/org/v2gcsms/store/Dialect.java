package org.v2gcsms.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The two statements H2 and PostgreSQL spell differently: insert-unless-present and insert-or-replace. Both
 * rely on the table's unique key, never on a read first, so concurrent writers cannot both insert.
 */
public enum Dialect {
    H2 {
        @Override
        String insertIfAbsent(String table, List<String> columns, List<String> key) {
            String source = columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
            String on = key.stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" AND "));
            return "MERGE INTO " + table + " t USING (VALUES (" + Sql.marks(columns) + ")) AS s("
                    + String.join(", ", columns) + ") ON " + on
                    + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES (" + source + ")";
        }

        @Override
        String upsert(String table, List<String> columns, List<String> key) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", key)
                    + ") VALUES (" + Sql.marks(columns) + ")";
        }
    },
    POSTGRESQL {
        @Override
        String insertIfAbsent(String table, List<String> columns, List<String> key) {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + Sql.marks(columns)
                    + ") ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
        }

        @Override
        String upsert(String table, List<String> columns, List<String> key) {
            String set = columns.stream().filter(c -> !key.contains(c)).map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + Sql.marks(columns)
                    + ") ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET " + set;
        }
    };

    /** An INSERT that does nothing (update count 0) when a row with the same key exists. */
    abstract String insertIfAbsent(String table, List<String> columns, List<String> key);

    /** An INSERT that replaces the non-key columns when a row with the same key exists. */
    abstract String upsert(String table, List<String> columns, List<String> key);

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2: or jdbc:postgresql:): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }
}
