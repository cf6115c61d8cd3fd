package com.jiangxin.results;

import com.jiangxin.results.ResultsFixtures.Person;
import com.jiangxin.results.ResultsFixtures.Session;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.ShortAnswer;
import com.jiangxin.support.BuiltInBank;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grading queue of open answers, through the API and the form. */
class GradingTest {
  /** 篇五's open question (about 胡双钱, 3 points) and its numeric question about 哈里森's clocks. */
  private static final String OPEN = BuiltInBank.first("pian-05", ShortAnswer.class).id();
  private static final com.jiangxin.quiz.Question CLOCKS = BuiltInBank.first("pian-05", "哈里森", Numeric.class);
  private static TestServer server;
  private static Person teacher;
  private static long classId;
  private static long assignmentId;
  private static Person first;
  private static Person second;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = ResultsFixtures.teacher(server);
    first = ResultsFixtures.student(server, "一号");
    second = ResultsFixtures.student(server, "二号");
    classId = ResultsFixtures.createClass(server, teacher, "初三（4）班");
    ResultsFixtures.enrol(server, classId, first, second);
    assignmentId = ResultsFixtures.assign(server, classId, "pian-05", 1, "best");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject grade(long attemptId, Object points) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/attempts/" + attemptId + "/grades",
      new JsonObject().put("questionId", OPEN).put("points", points).put("comment", "要点齐全"), teacher.token());
    return new JsonObject().put("status", r.statusCode()).put("body", r.bodyAsJsonObject());
  }

  @Test
  @DisplayName("grading an open answer updates the attempt's total and pending count at once")
  void gradeUpdatesTotal() {
    JsonObject submitted = ResultsFixtures.submit(server, first, assignmentId, new JsonObject()
      .put(OPEN, "要有别人难以替代的技术，胡双钱一个多小时打完36个孔。").put(CLOCKS.id(), CLOCKS.key()));
    long id = submitted.getLong("id");
    assertEquals(1.0, submitted.getDouble("score"));
    assertEquals(1, submitted.getInteger("pending"));

    HttpResponse<Buffer> queue = server.get("/api/v1/assignments/" + assignmentId + "/grading", teacher.token());
    assertEquals(200, queue.statusCode());
    JsonArray items = queue.bodyAsJsonObject().getJsonArray("items");
    assertTrue(items.stream().anyMatch(o -> ((JsonObject) o).getLong("attemptId") == id));
    JsonObject item = items.getJsonObject(0);
    assertTrue(item.getString("rubric").contains("共3分"));
    assertEquals(3.0, item.getDouble("maxPoints"));

    JsonObject graded = grade(id, 2.5);
    assertEquals(200, graded.getInteger("status"), graded.encode());
    assertEquals(3.5, graded.getJsonObject("body").getDouble("score"));
    assertEquals(0, graded.getJsonObject("body").getInteger("pending"));

    JsonObject attempt = server.get("/api/v1/attempts/" + id, teacher.token()).bodyAsJsonObject();
    assertEquals(3.5, attempt.getDouble("score"));
    assertEquals(0, attempt.getInteger("pending"));
    JsonObject gb = server.get("/api/v1/classes/" + classId + "/gradebook", teacher.token()).bodyAsJsonObject();
    JsonObject cell = gb.getJsonArray("students").stream().map(o -> (JsonObject) o)
      .filter(s -> s.getLong("id") == first.id()).findFirst().orElseThrow()
      .getJsonObject("results").getJsonObject(Long.toString(assignmentId));
    assertEquals(3.5, cell.getDouble("score"));
    assertEquals(0, cell.getInteger("pending"));
    JsonObject own = server.get("/api/v1/attempts/" + id, first.token()).bodyAsJsonObject();
    assertEquals(3.5, own.getDouble("score"), "the student sees the new total too");

    JsonObject regraded = grade(id, 1);
    assertEquals(2.0, regraded.getJsonObject("body").getDouble("score"), "a second grade replaces the first");
  }

  @Test
  @DisplayName("points outside 0..max, a missing score, an automatically graded question or a foreign one are a clear 400/404")
  void badGrades() {
    long id = ResultsFixtures.submit(server, second, assignmentId, new JsonObject().put(OPEN, "技术。"))
      .getLong("id");
    for (Object points : List.of(4, -1, 3.01)) {
      JsonObject r = grade(id, points);
      assertEquals(400, r.getInteger("status"), points + " → " + r.encode());
      assertTrue(r.getJsonObject("body").getString("error").contains("0 到 3"));
    }
    assertEquals(400, grade(id, "three").getInteger("status"));
    HttpResponse<Buffer> noPoints = server.postJson("/api/v1/attempts/" + id + "/grades",
      new JsonObject().put("questionId", OPEN), teacher.token());
    assertEquals(400, noPoints.statusCode());
    HttpResponse<Buffer> auto = server.postJson("/api/v1/attempts/" + id + "/grades",
      new JsonObject().put("questionId", CLOCKS.id()).put("points", 1), teacher.token());
    assertEquals(400, auto.statusCode());
    assertTrue(auto.bodyAsJsonObject().getString("error").contains("自动评分"));
    HttpResponse<Buffer> unknown = server.postJson("/api/v1/attempts/" + id + "/grades",
      new JsonObject().put("questionId", "no-such-question").put("points", 1), teacher.token());
    assertEquals(404, unknown.statusCode());
    HttpResponse<Buffer> notJson = TestServer.auth(server.client.post("/api/v1/attempts/" + id + "/grades"), teacher.token())
      .sendBuffer(Buffer.buffer("points=3")).await();
    assertEquals(400, notJson.statusCode());
    JsonObject attempt = server.get("/api/v1/attempts/" + id, teacher.token()).bodyAsJsonObject();
    assertEquals(1, attempt.getInteger("pending"), "nothing was written by the refused grades");
    assertEquals(400, server.get("/api/v1/assignments/" + assignmentId + "/grading?limit=0", teacher.token()).statusCode());
  }

  @Test
  @DisplayName("the grading form works without JavaScript: one answer at a time, save and on to the next, bad scores explained")
  void gradingForm() {
    Person third = ResultsFixtures.student(server, "三号");
    ResultsFixtures.enrol(server, classId, third);
    long id = ResultsFixtures.submit(server, third, assignmentId, new JsonObject().put(OPEN, "要有难以替代的技术。"))
      .getLong("id");
    Session s = ResultsFixtures.session(server, teacher);
    HttpResponse<Buffer> page = ResultsFixtures.page(server, s, "/assignments/" + assignmentId + "/grading");
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertTrue(html.contains("autofocus"), "the score field takes the focus");
    assertTrue(html.contains("评分要点"));

    HttpResponse<Buffer> bad = ResultsFixtures.post(server, s, "/attempts/" + id + "/grades",
      "questionId", OPEN, "points", "7", "comment", "再想想");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("分数须在 0 到 3 之间"));
    assertTrue(bad.bodyAsString().contains("再想想"), "the comment typed is kept");

    HttpResponse<Buffer> ok = ResultsFixtures.post(server, s, "/attempts/" + id + "/grades",
      "questionId", OPEN, "points", "1", "quick", "3");
    assertEquals(303, ok.statusCode());
    assertTrue(ok.getHeader("Location").startsWith("/assignments/" + assignmentId + "/grading?graded="));
    JsonObject attempt = server.get("/api/v1/attempts/" + id, teacher.token()).bodyAsJsonObject();
    assertEquals(3.0, attempt.getDouble("score"), "a quick-score button wins over the typed field");
    HttpResponse<Buffer> next = ResultsFixtures.page(server, s, ok.getHeader("Location"));
    assertTrue(next.bodyAsString().contains("已保存"));
    assertFalse(next.bodyAsString().contains("/attempts/" + id + "/grades"), "the graded answer has left the queue");
  }
}
