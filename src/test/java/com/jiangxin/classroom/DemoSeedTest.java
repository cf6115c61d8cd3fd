package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoSeedTest {

  private static JsonArray classes(TestServer server) {
    String token = Accounts.token(server, DemoSeed.TEACHER, DemoSeed.PASSWORD);
    return server.get("/api/v1/classes", token).bodyAsJsonArray();
  }

  @Test
  @DisplayName("DEMO=1 seeds a teacher, 高一（3）班 with 30 named students and the showcase assignments, once across restarts")
  void seedsOnceAcrossRestarts() throws Exception {
    Path dir = Files.createTempDirectory("jiangxin-demo");
    try {
      try (TestServer server = TestServer.start(dir, Map.of("DEMO", "1"), false)) {
        JsonArray list = classes(server);
        assertEquals(1, list.size());
        JsonObject c = list.getJsonObject(0);
        assertEquals("高一（3）班", c.getString("name"));
        assertEquals(30, c.getInteger("studentCount"));

        String token = Accounts.token(server, DemoSeed.TEACHER, DemoSeed.PASSWORD);
        JsonArray roster = server.get("/api/v1/classes/" + c.getLong("id") + "/students", token).bodyAsJsonArray();
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < roster.size(); i++) {
          JsonObject s = roster.getJsonObject(i);
          usernames.add(s.getString("username"));
          assertTrue(s.getString("displayName").codePoints().allMatch(Character::isIdeographic), s.encode());
        }
        assertTrue(usernames.contains("stu01") && usernames.contains("stu30"), usernames.toString());

        JsonArray work = server.get("/api/v1/assignments", token).bodyAsJsonArray();
        assertEquals(List.of("pian-02", "pian-05"), work.stream().map(o -> ((JsonObject) o).getString("readingId")).sorted().toList());
        for (Object o : work) {
          assertEquals(30, ((JsonObject) o).getJsonObject("completion").getInteger("students"));
        }
        String student = Accounts.token(server, "stu01", DemoSeed.PASSWORD);
        JsonArray todo = server.get("/api/v1/assignments", student).bodyAsJsonArray();
        assertEquals(2, todo.size());
        assertEquals("todo", todo.getJsonObject(0).getString("status"));
      }
      try (TestServer again = TestServer.start(dir, Map.of("DEMO", "1"), false)) {
        JsonArray list = classes(again);
        assertEquals(1, list.size(), "no second demo class");
        assertEquals(30, list.getJsonObject(0).getInteger("studentCount"));
        String token = Accounts.token(again, DemoSeed.TEACHER, DemoSeed.PASSWORD);
        assertEquals(2, again.get("/api/v1/assignments", token).bodyAsJsonArray().size(), "no duplicate assignments");
      }
    } finally {
      TestServer.deleteTree(dir);
    }
  }

  @Test
  @DisplayName("without DEMO=1 nothing is seeded: there is no demo teacher and no class")
  void noDemoWithoutTheSwitch() {
    try (TestServer server = TestServer.start()) {
      int status = server.postJson("/api/v1/auth/login", new JsonObject().put("username", DemoSeed.TEACHER)
        .put("password", DemoSeed.PASSWORD), null).statusCode();
      assertEquals(401, status);
      assertEquals(200, server.get("/api/v1/readings").statusCode(), "the readings are there");
    }
  }
}
