package org.v2gcsms.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The statements and the binding and reading of nullable values both databases agree on. */
final class Sql {
    private Sql() {
    }

    /** An INSERT of the columns, bound in their order. */
    static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns) + ")";
    }

    /** An UPDATE of the row with the key: bound with the other columns in their order, then the key's. */
    static String update(String table, List<String> columns, List<String> key) {
        return "UPDATE " + table + " SET " + String.join(", ", columns.stream().filter(c -> !key.contains(c))
                .map(c -> c + " = ?").toList()) + " WHERE " + String.join(" AND ", key.stream()
                .map(c -> c + " = ?").toList());
    }

    /** One parameter mark per column: {@code ?, ?, ?}. */
    static String marks(List<String> columns) {
        return String.join(", ", Collections.nCopies(columns.size(), "?"));
    }

    /** Binds the values to parameters 1..n; null binds SQL NULL, Instant a TIMESTAMP WITH TIME ZONE. */
    static PreparedStatement bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            set(ps, i + 1, values[i]);
        }
        return ps;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql), values)) {
            return ps.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        try (PreparedStatement ps = bind(c.prepareStatement(sql), values); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        return list(c, sql, row, values).stream().findFirst();
    }

    static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case Instant t -> ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            case String s -> ps.setString(index, s);
            case Integer n -> ps.setInt(index, n);
            case Long n -> ps.setLong(index, n);
            case Double d -> ps.setDouble(index, d);
            case BigDecimal d -> ps.setBigDecimal(index, d);
            case Boolean b -> ps.setBoolean(index, b);
            default -> throw new IllegalArgumentException("Cannot bind " + value.getClass().getName());
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Double decimal(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
