package com.jiangxin.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Connections for the pool that return to auto-commit when a transaction ends. Vert.x JDBC client
 * 5.0.7 ends {@code withTransaction} with {@code setAutoCommit(false)} (vert-x3/vertx-jdbc-client#356):
 * the pooled connection then silently holds every later statement in an open transaction that is
 * never committed, so acknowledged writes are lost and invisible to other connections. Here the
 * {@code setAutoCommit(false)} that follows a commit or rollback becomes {@code setAutoCommit(true)}.
 */
final class AutoCommitDataSource implements DataSource {
  private final String url;
  private final String user;
  private final String password;
  private final boolean postgres;

  /**
   * @param user     null when the URL carries the credentials
   * @param postgres adapt PostgreSQL's connections to answer as H2's do (see {@link PostgresConnection})
   */
  AutoCommitDataSource(String url, String user, String password, boolean postgres) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.postgres = postgres;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    return wrap(postgres ? PostgresConnection.wrap(c) : c);
  }

  @Override
  public Connection getConnection(String username, String pw) throws SQLException {
    Connection c = DriverManager.getConnection(url, username, pw);
    return wrap(postgres ? PostgresConnection.wrap(c) : c);
  }

  static Connection wrap(Connection target) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
      new RestoreAutoCommit(target));
  }

  private static final class RestoreAutoCommit implements InvocationHandler {
    private final Connection target;
    private boolean transactionJustEnded;

    RestoreAutoCommit(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      Object[] actual = args;
      if ("setAutoCommit".equals(name) && transactionJustEnded && Boolean.FALSE.equals(args[0])) {
        actual = new Object[] {Boolean.TRUE};
      }
      transactionJustEnded = false;
      try {
        Object result = method.invoke(target, actual);
        if ("commit".equals(name) || "rollback".equals(name) && (args == null || args.length == 0)) {
          transactionJustEnded = true;
        }
        return result;
      } catch (InvocationTargetException e) {
        if ("rollback".equals(name)) {
          transactionJustEnded = true;
        }
        throw e.getCause();
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return DriverManager.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    DriverManager.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
