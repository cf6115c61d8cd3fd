package com.jiangxin.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Locale;

/**
 * A PostgreSQL connection that answers the pool as H2 does, so one set of SQL and one way of reading
 * rows serve both databases:
 * <ul>
 * <li>result columns are named in upper case: the features read rows by name
 *     ({@code row.getLong("ID")}), the Vert.x row lookup is exact, and H2 upper-cases unquoted names
 *     where PostgreSQL lower-cases them;</li>
 * <li>generated keys are asked for on {@code INSERT} only: the pool asks for them on every
 *     statement, and the driver would append {@code RETURNING *} to an {@code UPDATE}, {@code DELETE}
 *     or (where PostgreSQL 15 refuses it) a {@code MERGE}.</li>
 * </ul>
 */
final class PostgresConnection implements InvocationHandler {
  private final Object target;

  private PostgresConnection(Object target) {
    this.target = target;
  }

  /** The connection, adapted as described above. */
  static Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(PostgresConnection.class.getClassLoader(),
      new Class<?>[] {Connection.class}, new PostgresConnection(connection));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object[] actual = args;
    if (target instanceof Connection && "prepareStatement".equals(method.getName()) && args != null
      && args.length == 2 && args[1] instanceof Integer keys && keys == Statement.RETURN_GENERATED_KEYS
      && !isInsert((String) args[0])) {
      actual = new Object[] {args[0], Statement.NO_GENERATED_KEYS};
    }
    Object result;
    try {
      result = method.invoke(target, actual);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result == null) {
      return null;
    }
    Class<?> type = method.getReturnType();
    if (Statement.class.isAssignableFrom(type) || type == ResultSet.class || type == ResultSetMetaData.class) {
      return Proxy.newProxyInstance(PostgresConnection.class.getClassLoader(), new Class<?>[] {type},
        new PostgresConnection(result));
    }
    if (target instanceof ResultSetMetaData
      && ("getColumnLabel".equals(method.getName()) || "getColumnName".equals(method.getName()))) {
      return ((String) result).toUpperCase(Locale.ROOT);
    }
    return result;
  }

  private static boolean isInsert(String sql) {
    return sql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6);
  }
}
