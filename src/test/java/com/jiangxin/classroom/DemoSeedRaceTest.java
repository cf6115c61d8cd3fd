package com.jiangxin.classroom;

import com.jiangxin.config.Config;
import com.jiangxin.content.Content;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@EnabledIfSystemProperty(named = "jx.db", matches = "postgres",
  disabledReason = "nodes share a database only on PostgreSQL: this test runs in the PostgreSQL pass of the build")
class DemoSeedRaceTest {
  @Test
  @DisplayName("two nodes seeding the demo classroom at once both start, and the class is there once")
  void twoNodesSeedAtOnce() {
    try (TestServer server = TestServer.start()) {
      ReadingCatalog catalog = new ReadingCatalog(Content.loadReadings(Content.locate(Config.from(Map.of()))));
      Future<Optional<DemoSeed.Seeded>> one = DemoSeed.run(server.vertx, server.app.pool(), catalog);
      Future<Optional<DemoSeed.Seeded>> two = DemoSeed.run(server.vertx, server.app.pool(), catalog);
      Future.all(one, two).await();
      assertEquals(1, (one.result().isPresent() ? 1 : 0) + (two.result().isPresent() ? 1 : 0), "seeded by one of them");
      String token = Accounts.token(server, DemoSeed.TEACHER, DemoSeed.PASSWORD);
      JsonArray classes = server.get("/api/v1/classes", token).bodyAsJsonArray();
      assertEquals(1, classes.size());
      assertEquals(30, classes.getJsonObject(0).getInteger("studentCount"));
    }
  }
}
