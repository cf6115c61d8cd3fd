package com.jiangxin.authoring;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestDatabase;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one database, as two nodes (or a restart beside a running one) are: a reading
 * and its quiz written on the first are listed, shown, taken, reported and graded on the second,
 * and a version published on the first after the second has served the reading is the one the
 * second starts attempts on. Both servers start before anything is written, so the second finds
 * nothing at its start and must read it when asked.
 */
class OwnReadingTwoNodesTest {
  private static TestServer first;
  private static TestServer second;

  @BeforeAll
  static void start() throws IOException {
    Path firstDir = Files.createTempDirectory("jiangxin-node1");
    first = TestServer.start(firstDir, Map.of(), true);
    // the second server's own data folder, but the first one's database (its PostgreSQL schema, or its H2 file)
    String sharedDb = TestDatabase.config(firstDir, Map.of()).jdbcUrl();
    second = TestServer.start(Files.createTempDirectory("jiangxin-node2"), Map.of("DB_URL", sharedDb), true);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  @DisplayName("a reading and quiz written on one server are listed, read, taken and reported on another on the same database")
  void writtenOnOneTakenOnAnother() {
    Login owner = Accounts.teacher(first);
    Login pupil = Accounts.student(first, "小林");
    String id = AuthoringFixtures.ownReading(first, owner, "关于坚持（两台服务器）");
    String v1 = AuthoringFixtures.putQuiz(first, owner.token(), id, AuthoringFixtures.quiz(id, "6"))
      .bodyAsJsonObject().getString("version");
    JsonObject c = first.postJson("/api/v1/classes", new JsonObject().put("name", "高二（1）班"), owner.token()).bodyAsJsonObject();
    assertEquals(200, first.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", c.getString("joinCode")),
      pupil.token()).statusCode());
    HttpResponse<Buffer> assigned = first.postJson("/api/v1/classes/" + c.getLong("id") + "/assignments",
      new JsonObject().put("readingId", id).put("feedback", "immediate").put("maxAttempts", 3), owner.token());
    assertEquals(201, assigned.statusCode(), assigned.bodyAsString());
    long assignment = assigned.bodyAsJsonObject().getLong("id");

    String pupilOnSecond = Accounts.token(second, pupil.username(), Accounts.PASSWORD);
    String ownerOnSecond = Accounts.token(second, owner.username(), Accounts.PASSWORD);

    // the student's list on the second server names the reading, not its bare id
    HttpResponse<Buffer> list = second.get("/api/v1/assignments", pupilOnSecond);
    assertEquals(200, list.statusCode(), list.bodyAsString());
    JsonObject listed = list.bodyAsJsonArray().getJsonObject(0);
    assertEquals(id, listed.getString("readingId"));
    assertEquals("关于坚持（两台服务器）", listed.getString("readingTitle"), listed.encode());

    // the reading, as JSON and as a page
    HttpResponse<Buffer> reading = second.get("/api/v1/readings/" + id, pupilOnSecond);
    assertEquals(200, reading.statusCode(), reading.bodyAsString());
    HttpResponse<Buffer> page = Accounts.get(second, Accounts.session(second, pupil), "/readings/" + id);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("身患重病，仍坚持写作"));

    // the teacher changes the key on the first server after the second has served the reading
    String v2 = AuthoringFixtures.putQuiz(first, owner.token(), id, AuthoringFixtures.quiz(id, "7"))
      .bodyAsJsonObject().getString("version");
    assertNotEquals(v1, v2);
    HttpResponse<Buffer> retitled = first.putJson("/api/v1/readings/" + id, new JsonObject().put("title", "关于坚持（改）"), owner.token());
    assertEquals(200, retitled.statusCode(), retitled.bodyAsString());
    assertEquals("关于坚持（改）", second.get("/api/v1/readings/" + id, pupilOnSecond).bodyAsJsonObject().getString("title"));

    HttpResponse<Buffer> started = second.postJson("/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), pupilOnSecond);
    assertEquals(201, started.statusCode(), started.bodyAsString());
    assertEquals(v2, started.bodyAsJsonObject().getString("quizVersion"), "started on the version published last, wherever");
    long attempt = started.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> submitted = second.postJson("/api/v1/attempts/" + attempt + "/submit", new JsonObject()
      .put("answers", new JsonObject().put("luyao-years", 7).put("fang-end", "B")), pupilOnSecond);
    assertEquals(200, submitted.statusCode(), submitted.bodyAsString());
    assertEquals(2.0, submitted.bodyAsJsonObject().getDouble("score"), 1e-9, "graded by the new key: " + submitted.bodyAsString());

    // the attempt page, the report, the gradebook and the answer key on the second server
    HttpResponse<Buffer> attemptPage = Accounts.get(second, Accounts.session(second, pupil), "/attempts/" + attempt);
    assertEquals(200, attemptPage.statusCode(), attemptPage.bodyAsString());
    assertTrue(attemptPage.bodyAsString().contains("关于坚持（改）"));
    HttpResponse<Buffer> report = second.get("/api/v1/assignments/" + assignment + "/report", ownerOnSecond);
    assertEquals(200, report.statusCode(), report.bodyAsString());
    assertTrue(report.bodyAsString().contains("路遥") && report.bodyAsString().contains("方仲永"), report.bodyAsString());
    Accounts.Session teacherPages = Accounts.session(second, owner);
    HttpResponse<Buffer> reportPage = Accounts.get(second, teacherPages, "/assignments/" + assignment + "/report");
    assertEquals(200, reportPage.statusCode());
    assertTrue(reportPage.bodyAsString().contains("泯然众人"), "the report shows the questions of the quiz");
    HttpResponse<Buffer> gradebook = second.get("/api/v1/classes/" + c.getLong("id") + "/gradebook", ownerOnSecond);
    assertEquals(200, gradebook.statusCode(), gradebook.bodyAsString());
    assertTrue(gradebook.bodyAsString().contains("关于坚持（改）"), gradebook.bodyAsString());
    assertFalse(gradebook.bodyAsString().contains("\"maxScore\":0.0"), "the quiz is known: " + gradebook.bodyAsString());
    HttpResponse<Buffer> key = Accounts.get(second, teacherPages, "/readings/" + id + "/quiz");
    assertEquals(200, key.statusCode());
    assertTrue(key.bodyAsString().contains("泯然众人"));
    HttpResponse<Buffer> gift = second.get("/api/v1/readings/" + id + "/quiz.gift", ownerOnSecond);
    assertEquals(200, gift.statusCode(), gift.bodyAsString());
    assertTrue(gift.bodyAsString().contains("#7:0"), gift.bodyAsString());
  }

  @Test
  @DisplayName("on the second server another teacher still gets 404 for a reading written on the first")
  void strangersStillGetNothingOnTheOtherServer() {
    Login owner = Accounts.teacher(first);
    String id = AuthoringFixtures.ownReading(first, owner, "别人的文章");
    assertEquals(200, AuthoringFixtures.putQuiz(first, owner.token(), id, AuthoringFixtures.quiz(id, "6")).statusCode());
    Login stranger = Accounts.teacher(second);
    for (String path : new String[] {"/api/v1/readings/" + id, "/api/v1/readings/" + id + "/quiz",
      "/api/v1/readings/" + id + "/quiz.gift"}) {
      HttpResponse<Buffer> r = second.get(path, stranger.token());
      assertEquals(404, r.statusCode(), path + " " + r.bodyAsString());
    }
    String ownerOnSecond = Accounts.token(second, owner.username(), Accounts.PASSWORD);
    JsonArray paragraphs = second.get("/api/v1/readings/" + id, ownerOnSecond).bodyAsJsonObject().getJsonArray("paragraphs");
    assertTrue(paragraphs.size() > 3, "the owner reads it on the second server too");
  }
}
