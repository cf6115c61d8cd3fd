package com.jiangxin;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as deployed on a multi-core machine: several verticle instances on one port. Every
 * request here goes over a connection of its own, and Vert.x hands new connections to the
 * instances in turn, so the parallel requests are served by all of them.
 */
class InstancesTest {
  private static TestServer server;
  /** A client that opens a new connection for every request. */
  private static WebClient fresh;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("INSTANCES", "3"));
    fresh = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
      .setDefaultPort(server.port()).setKeepAlive(false).setFollowRedirects(false));
  }

  @AfterAll
  static void stop() {
    fresh.close();
    server.close();
  }

  private static List<HttpResponse<Buffer>> parallel(int n, String path, String token, JsonObject body) {
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(TestServer.auth(fresh.post(path), token).sendJsonObject(body));
    }
    return calls.stream().map(f -> f.await()).toList();
  }

  /** An assignment of 篇一 with the given attempt limit in a new class of one student. */
  private static long assignment(Accounts.Login teacher, Accounts.Login student, int maxAttempts) {
    HttpResponse<Buffer> created = server.postJson("/api/v1/classes",
      new JsonObject().put("name", Accounts.uniqueUsername("班")), teacher.token());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    HttpResponse<Buffer> joined = server.postJson("/api/v1/classes/join",
      new JsonObject().put("joinCode", created.bodyAsJsonObject().getString("joinCode")), student.token());
    assertEquals(200, joined.statusCode(), joined.bodyAsString());
    HttpResponse<Buffer> a = server.postJson("/api/v1/classes/" + created.bodyAsJsonObject().getLong("id") + "/assignments",
      new JsonObject().put("readingId", "pian-01").put("feedback", "immediate").put("maxAttempts", maxAttempts),
      teacher.token());
    assertEquals(201, a.statusCode(), a.bodyAsString());
    return a.bodyAsJsonObject().getLong("id");
  }

  @Test
  @DisplayName("three instances answer on one port and serve pages")
  void oneAddress() {
    for (int i = 0; i < 6; i++) {
      assertEquals(200, fresh.get("/health").send().await().statusCode());
      assertTrue(fresh.get("/").send().await().bodyAsString().contains("九篇演讲稿"));
    }
  }

  @Test
  @DisplayName("parallel starts through every instance respect maxAttempts 1, and twenty parallel submits give one result")
  void startsAndSubmits() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server);
    long a = assignment(teacher, student, 1);

    Set<Long> ids = new HashSet<>();
    for (HttpResponse<Buffer> r : parallel(12, "/api/v1/assignments/" + a + "/attempts", student.token(), new JsonObject())) {
      assertEquals(201, r.statusCode(), r.bodyAsString());
      ids.add(r.bodyAsJsonObject().getLong("id"));
    }
    assertEquals(1, ids.size(), "parallel starts share one attempt");
    long id = ids.iterator().next();

    Set<String> results = new HashSet<>();
    for (HttpResponse<Buffer> r : parallel(20, "/api/v1/attempts/" + id + "/submit", student.token(), new JsonObject())) {
      assertEquals(200, r.statusCode(), r.bodyAsString());
      JsonObject body = r.bodyAsJsonObject();
      results.add(body.getString("status") + " " + body.getValue("score") + " " + body.getValue("submittedAt"));
    }
    assertEquals(1, results.size(), "every submit answers with the one stored result: " + results);
    Row counts = server.app.pool().preparedQuery(
        "SELECT (SELECT COUNT(*) FROM attempts WHERE assignment_id = ?) AS attempts, "
          + "(SELECT COUNT(*) FROM responses WHERE attempt_id = ?) AS responses")
      .execute(Tuple.of(a, id)).await().iterator().next();
    assertEquals(1L, counts.getLong("ATTEMPTS"));
    long questions = server.get("/api/v1/attempts/" + id, student.token()).bodyAsJsonObject()
      .getJsonArray("questions").size();
    assertEquals(questions, counts.getLong("RESPONSES"), "the attempt was graded once");

    for (HttpResponse<Buffer> r : parallel(8, "/api/v1/assignments/" + a + "/attempts", student.token(), new JsonObject())) {
      assertEquals(409, r.statusCode(), "the one attempt is used: " + r.bodyAsString());
    }
  }

  @Test
  @DisplayName("answers saved in parallel through different instances are all kept")
  void parallelSavesKeepEveryAnswer() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server);
    long a = assignment(teacher, student, 1);
    long id = server.postJson("/api/v1/assignments/" + a + "/attempts", new JsonObject(), student.token())
      .bodyAsJsonObject().getLong("id");
    JsonObject quiz = server.get("/api/v1/readings/pian-01/quiz", student.token()).bodyAsJsonObject();
    JsonObject expected = new JsonObject();
    List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
    for (Object o : quiz.getJsonArray("questions")) {
      JsonObject q = (JsonObject) o;
      if ("single".equals(q.getString("type"))) {
        String option = q.getJsonArray("options").getJsonObject(0).getString("id");
        expected.put(q.getString("id"), option);
        saves.add(TestServer.auth(fresh.put("/api/v1/attempts/" + id + "/answers"), student.token())
          .sendJsonObject(new JsonObject().put(q.getString("id"), option)));
      }
    }
    assertTrue(expected.size() >= 2, "the quiz has single-choice questions to answer: " + expected);
    saves.forEach(f -> assertEquals(200, f.await().statusCode()));

    JsonObject saved = server.get("/api/v1/attempts/" + id, student.token()).bodyAsJsonObject().getJsonObject("answers");
    assertEquals(expected, saved, "no save overwrote another's answer");
  }

  @Test
  @DisplayName("wrong passwords are counted across instances: the sixth wrong try is refused whichever instance gets it")
  void loginThrottleIsShared() {
    Accounts.Login owner = Accounts.student(server);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(fresh.post("/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("username", owner.username()).put("password", "guess-" + i))
        .await().statusCode());
    }
    assertEquals(List.of(401, 401, 401, 401, 401, 429), statuses);
  }
}
