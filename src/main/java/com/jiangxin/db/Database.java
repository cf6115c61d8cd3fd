package com.jiangxin.db;

import com.jiangxin.Config;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.List;

/**
 * Opens the database: runs the versioned migrations under {@code db/migration} (blocking, so call it
 * off the event loop) and creates the Vert.x JDBC pool the features share.
 */
public final class Database {
  private static final String USER = "sa";
  private static final String PASSWORD = "";

  private Database() {
  }

  /** Brings the schema up to date. Blocking. */
  public static MigrateResult migrate(Config config) {
    return migrate(config, Database.class.getClassLoader());
  }

  /** Runs the migrations that {@code loader} finds under {@code db/migration}. Blocking. */
  static MigrateResult migrate(Config config, ClassLoader loader) {
    FluentConfiguration flyway = Flyway.configure(loader)
      .dataSource(config.jdbcUrl(), USER, PASSWORD)
      .locations("classpath:" + MigrationFiles.FOLDER)
      .loggers("slf4j");
    // Handing Flyway the listed files spares it a scan of the whole class path.
    MigrationFiles.find(loader).ifPresent(files -> flyway
      .resourceProvider(files)
      .javaMigrationClassProvider(List::of));
    return flyway.load().migrate();
  }

  /** A plain JDBC connection, for command-line tools that run while the server is stopped. Blocking. */
  public static java.sql.Connection connect(Config config) throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(config.jdbcUrl(), USER, PASSWORD);
  }

  /** The shared pool. Every statement auto-commits unless run in {@code pool.withTransaction}. */
  public static Pool openPool(Vertx vertx, Config config) {
    return openPool(vertx, config, 8);
  }

  /** A pool of at most {@code maxSize} connections, each back in auto-commit after a transaction. */
  static Pool openPool(Vertx vertx, Config config, int maxSize) {
    return JDBCPool.pool(vertx, new AutoCommitDataSource(config.jdbcUrl(), USER, PASSWORD),
      new PoolOptions().setMaxSize(maxSize).setName("jiangxin-db"));
  }
}
