package com.jiangxin.db;

import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.sql.SQLException;

/** Small helpers every feature's repository shares. */
public final class Sql {
  private Sql() {
  }

  /** The id the database generated for the row just inserted. */
  public static long generatedId(RowSet<Row> rows) {
    Row keys = rows.property(JDBCPool.GENERATED_KEYS);
    if (keys == null) {
      throw new IllegalStateException("the insert returned no generated key");
    }
    // H2 returns the key column alone; PostgreSQL returns the whole row, id among its columns
    for (int i = 0; i < keys.size(); i++) {
      if ("id".equalsIgnoreCase(keys.getColumnName(i))) {
        return keys.getLong(i);
      }
    }
    return keys.getLong(0);
  }

  /** True when a failure is a unique-constraint violation (SQLSTATE 23505). */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
