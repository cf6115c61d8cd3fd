package com.jiangxin.db;

import com.jiangxin.config.Config;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.List;

/**
 * Opens the database (H2, or PostgreSQL under {@code DB_URL}): runs the versioned migrations under
 * {@code db/migration} and the database's own folder (blocking, so call it off the event loop) and
 * creates the Vert.x JDBC pool the features share.
 */
public final class Database {
  /** H2's built-in account; a PostgreSQL URL carries its own user and password. */
  private static final String H2_USER = "sa";
  private static final String H2_PASSWORD = "";
  /** Parsed statements H2 keeps per connection (its default is 8). */
  static final int H2_PARSED_STATEMENTS = 64;

  private Database() {
  }

  /** Brings the schema up to date. Blocking. */
  public static MigrateResult migrate(Config config) {
    return migrate(config, Database.class.getClassLoader());
  }

  /** Runs the migrations that {@code loader} finds under {@code db/migration}. Blocking. */
  static MigrateResult migrate(Config config, ClassLoader loader) {
    String vendor = vendor(config);
    FluentConfiguration flyway = Flyway.configure(loader)
      .dataSource(config.jdbcUrl(), config.h2() ? H2_USER : null, config.h2() ? H2_PASSWORD : null)
      .locations("classpath:" + MigrationFiles.FOLDER, "classpath:" + MigrationFiles.vendorFolder(vendor))
      .loggers("slf4j");
    // Handing Flyway the listed files spares it a scan of the whole class path.
    MigrationFiles.find(loader, vendor).ifPresent(files -> flyway
      .resourceProvider(files)
      .javaMigrationClassProvider(List::of));
    return flyway.load().migrate();
  }

  /** The name of the folder of migrations that differ between databases: {@code h2} or {@code postgresql}. */
  static String vendor(Config config) {
    return config.h2() ? "h2" : "postgresql";
  }

  /** A plain JDBC connection, for command-line tools and tests. Blocking. */
  public static java.sql.Connection connect(Config config) throws java.sql.SQLException {
    return config.h2() ? java.sql.DriverManager.getConnection(config.jdbcUrl(), H2_USER, H2_PASSWORD)
      : java.sql.DriverManager.getConnection(config.jdbcUrl());
  }

  /** The shared pool. Every statement auto-commits unless run in {@code pool.withTransaction}. */
  public static Pool openPool(Vertx vertx, Config config) {
    return openPool(vertx, config, 8);
  }

  /**
   * The H2 URL the pool opens the database with. H2 keeps eight parsed statements per connection
   * by default, fewer than a start and a submit use between them, so each pooled connection parsed
   * most of its statements again; it keeps {@value #H2_PARSED_STATEMENTS} here. (A database setting:
   * it applies when the pool opens the database, after the migrations have closed it.)
   */
  static String poolUrl(String h2Url) {
    return h2Url.toUpperCase(java.util.Locale.ROOT).contains(";QUERY_CACHE_SIZE=") ? h2Url
      : h2Url + ";QUERY_CACHE_SIZE=" + H2_PARSED_STATEMENTS;
  }

  /** A pool of at most {@code maxSize} connections, each back in auto-commit after a transaction. */
  static Pool openPool(Vertx vertx, Config config, int maxSize) {
    return JDBCPool.pool(vertx, config.h2()
        ? new AutoCommitDataSource(poolUrl(config.jdbcUrl()), H2_USER, H2_PASSWORD, false)
        : new AutoCommitDataSource(config.jdbcUrl(), null, null, true),
      new PoolOptions().setMaxSize(maxSize).setName("jiangxin-db"));
  }
}
