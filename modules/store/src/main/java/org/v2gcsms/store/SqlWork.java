package org.v2gcsms.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection inside one database transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
