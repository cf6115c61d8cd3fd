package com.jiangxin.db;

import com.jiangxin.config.Config;
import com.jiangxin.support.TestDatabase;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PoolTransactionTest {
  private Path dir;
  private Config config;
  private Vertx vertx;
  private Pool pool;

  @BeforeEach
  void open() throws Exception {
    dir = Files.createTempDirectory("jiangxin-pool");
    config = TestDatabase.config(dir, Map.of());
    Database.migrate(config);
    vertx = Vertx.vertx();
    pool = Database.openPool(vertx, config, 1);
  }

  @AfterEach
  void close() {
    pool.close().await();
    vertx.close().await();
    TestServer.deleteTree(dir);
    TestDatabase.drop(dir);
  }

  private int settingsSeenFromOutside() throws Exception {
    try (Connection c = Database.connect(config);
         ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM app_settings WHERE name LIKE 't%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Future<?> insert(io.vertx.sqlclient.SqlClient client, String name) {
    return client.preparedQuery("INSERT INTO app_settings (name, val) VALUES (?, 'x')").execute(Tuple.of(name));
  }

  @Test
  @DisplayName("a plain write after a committed transaction on the same connection is committed at once")
  void autoCommitAfterCommit() throws Exception {
    pool.withTransaction(conn -> insert(conn, "t1")).await();
    insert(pool, "t2").await();
    assertEquals(2, settingsSeenFromOutside());
  }

  @Test
  @DisplayName("a plain write after a rolled-back transaction is committed, and the rolled-back one is gone")
  void autoCommitAfterRollback() throws Exception {
    assertThrows(RuntimeException.class, () -> pool.withTransaction(conn -> insert(conn, "t1")
      .compose(x -> Future.failedFuture("undo"))).await());
    insert(pool, "t2").await();
    assertEquals(1, settingsSeenFromOutside());
  }
}
