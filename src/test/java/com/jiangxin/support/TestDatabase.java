package com.jiangxin.support;

import com.jiangxin.config.Config;
import com.jiangxin.db.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database a test server uses. By default each server gets an H2 file in its data folder. In the
 * PostgreSQL pass of the build (system property {@code jx.db=postgres}) each data folder gets instead
 * a fresh schema {@code jx_<random>} in the PostgreSQL at {@code JX_TEST_PG_URL} (default
 * {@value #DEFAULT_PG_URL}), so that test classes never see each other's rows and may run in
 * parallel. A restart on the same data folder finds the same schema; the schema is dropped with
 * the folder, or when the test JVM ends.
 */
public final class TestDatabase {
  public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  /** Schema of each data folder, in this JVM. */
  private static final Map<Path, String> SCHEMAS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> SCHEMAS.keySet().forEach(TestDatabase::drop)));
  }

  private TestDatabase() {
  }

  /** True in the PostgreSQL pass of the build. */
  public static boolean postgres() {
    return "postgres".equals(System.getProperty("jx.db"));
  }

  /** The PostgreSQL the PostgreSQL pass uses ({@code JX_TEST_PG_URL}). */
  public static String pgUrl() {
    return Optional.ofNullable(System.getenv("JX_TEST_PG_URL")).filter(s -> !s.isBlank()).orElse(DEFAULT_PG_URL);
  }

  /** {@link #pgUrl()} without its password, for messages. */
  public static String shownPgUrl() {
    return pgUrl().replaceAll("(?i)(password=)[^&]*", "$1…");
  }

  /** True when {@code JX_REQUIRE_PG=1}: an unreachable PostgreSQL then fails the run instead of skipping it. */
  public static boolean required() {
    return "1".equals(System.getenv("JX_REQUIRE_PG"));
  }

  /**
   * The settings that point a server on {@code dataDir} at its database: {@code DB_URL} of the
   * folder's schema in the PostgreSQL pass (created on first use), nothing otherwise (H2 in the folder).
   */
  public static Map<String, String> env(Path dataDir) {
    if (!postgres()) {
      return Map.of();
    }
    return postgresEnv(dataDir);
  }

  /**
   * {@code DB_URL} of the folder's own schema in the PostgreSQL at {@link #pgUrl()} (created on first
   * use, dropped with {@link #drop}), in either pass: for tools such as the benchmarks that run
   * PostgreSQL on purpose.
   */
  public static Map<String, String> postgresEnv(Path dataDir) {
    return Map.of("DB_URL", withSchema(SCHEMAS.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> create())));
  }

  /** The settings of a server on {@code dataDir} (and its database), with the given extra ones. */
  public static Config config(Path dataDir, Map<String, String> extra) {
    Map<String, String> all = new HashMap<>(extra);
    all.put("DATA_DIR", dataDir.toString());
    env(dataDir).forEach(all::putIfAbsent);
    return Config.from(all);
  }

  /** A JDBC connection to the database of the server on {@code dataDir}, for a test that looks inside it. */
  public static Connection connect(Path dataDir) throws SQLException {
    return Database.connect(config(dataDir, Map.of()));
  }

  /** Drops the schema of {@code dataDir}, if the PostgreSQL pass made one. */
  public static void drop(Path dataDir) {
    String schema = SCHEMAS.remove(dataDir.toAbsolutePath().normalize());
    if (schema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      // best effort, like the temp folders; a later run is not affected by a leftover schema
    }
  }

  /** Whether the PostgreSQL at {@link #pgUrl()} answers; the reason if not. */
  public static Optional<String> unreachable() {
    try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String create() {
    String schema = "jx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      return schema;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema in PostgreSQL at " + shownPgUrl() + ": " + e.getMessage(), e);
    }
  }

  private static String withSchema(String schema) {
    String url = pgUrl();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
