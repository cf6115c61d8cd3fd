package com.jiangxin.live;

import com.jiangxin.quiz.Question;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.jiangxin.live.LiveFixtures.asPlayer;
import static com.jiangxin.live.LiveFixtures.join;
import static com.jiangxin.live.LiveFixtures.right;
import static com.jiangxin.live.LiveFixtures.start;
import static com.jiangxin.live.LiveFixtures.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveResultsTest {
  private static TestServer server;
  private static Login teacher;
  private static Login member;
  private static Login other;
  private static long classId;
  private static long assignmentId;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    member = Accounts.student(server, "周同学");
    other = Accounts.student(server, "外班同学");
    JsonObject cls = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（2）班"), teacher.token()).bodyAsJsonObject();
    classId = cls.getLong("id");
    assertEquals(200, server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", cls.getString("joinCode")), member.token()).statusCode());
    assignmentId = server.postJson("/api/v1/classes/" + classId + "/assignments",
      new JsonObject().put("readingId", LiveFixtures.READING), teacher.token()).bodyAsJsonObject().getLong("id");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  @DisplayName("a session from an assignment lands in the gradebook and the report's item analysis as source \"live\", for members only, and leaves quiz scores alone")
  void gradebookShowsLiveSessions() {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("assignmentId", assignmentId).put("guests", true));
    String base = "/api/v1/live/" + s.getLong("id");
    JsonObject me = join(server, s.getString("pin"), null, member.token());
    JsonObject outsider = join(server, s.getString("pin"), null, other.token());
    JsonObject guest = join(server, s.getString("pin"), "访客", null);
    List<Question> qs = LiveFixtures.liveQuestions(LiveFixtures.READING);
    for (int i = 0; i < 2; i++) {
      Question q = qs.get(i);
      server.postJson(base + "/next", new JsonObject(), teacher.token());
      asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q.id())
        .put("answer", i == 0 ? right(q) : wrong(q)), me.getString("playerToken"));
      asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q.id()).put("answer", right(q)), outsider.getString("playerToken"));
      asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q.id()).put("answer", right(q)), guest.getString("playerToken"));
      server.postJson(base + "/reveal", new JsonObject(), teacher.token());
    }
    JsonObject before = server.get("/api/v1/classes/" + classId + "/gradebook", teacher.token()).bodyAsJsonObject();
    assertTrue(before.getJsonArray("live").isEmpty(), "a session still running is not a result yet");
    assertEquals(200, server.postJson(base + "/end", new JsonObject(), teacher.token()).statusCode());

    JsonObject gb = server.get("/api/v1/classes/" + classId + "/gradebook", teacher.token()).bodyAsJsonObject();
    JsonArray live = gb.getJsonArray("live");
    assertEquals(1, live.size(), gb.encode());
    JsonObject session = live.getJsonObject(0);
    assertEquals("live", session.getString("source"));
    assertEquals(assignmentId, session.getLong("assignmentId"));
    assertEquals(2, session.getInteger("questions"));
    JsonObject results = session.getJsonObject("results");
    assertEquals(1, results.size(), "only members of the class: no guest, no student of another class");
    assertEquals(1, results.getJsonObject(Long.toString(member.id())).getInteger("correct"));
    assertEquals(2, results.getJsonObject(Long.toString(member.id())).getInteger("answered"));
    JsonObject quiz = gb.getJsonArray("students").getJsonObject(0).getJsonObject("results").getJsonObject(Long.toString(assignmentId));
    assertNull(quiz.getValue("score"), "a live session is not a quiz attempt");
    assertEquals(0, quiz.getInteger("attempts"));

    JsonObject report = server.get("/api/v1/assignments/" + assignmentId + "/report", teacher.token()).bodyAsJsonObject();
    JsonObject firstItem = report.getJsonArray("questions").stream().map(o -> (JsonObject) o)
      .filter(o -> o.getString("id").equals(qs.get(0).id())).findFirst().orElseThrow();
    assertEquals("live", firstItem.getJsonObject("live").getString("source"), firstItem.encode());
    assertEquals(1, firstItem.getJsonObject("live").getInteger("answered"), "members only");
    assertEquals(1, firstItem.getJsonObject("live").getInteger("correct"));
    assertEquals(0, firstItem.getInteger("answered"), "the attempts' item analysis is unchanged");

    Accounts.Session browser = Accounts.session(server, teacher.username(), Accounts.PASSWORD);
    String page = server.client.get("/classes/" + classId + "/gradebook").putHeader("Cookie", "jx_sid=" + browser.sid())
      .send().await().bodyAsString();
    assertTrue(page.contains("互动 "), "the gradebook page has a live column");
    assertTrue(page.contains(">1/2<"), "the member's correct answers out of the questions shown");
    String reportPage = server.client.get("/assignments/" + assignmentId + "/report").putHeader("Cookie", "jx_sid=" + browser.sid())
      .send().await().bodyAsString();
    assertTrue(reportPage.contains("课堂互动答对 1/1"), "the report's item analysis shows the live result");
  }

  @Test
  @DisplayName("a session from a reading without a class stays out of every gradebook")
  void readingWithoutClass() {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING));
    join(server, s.getString("pin"), null, member.token());
    server.postJson("/api/v1/live/" + s.getLong("id") + "/next", new JsonObject(), teacher.token());
    server.postJson("/api/v1/live/" + s.getLong("id") + "/end", new JsonObject(), teacher.token());
    JsonArray live = server.get("/api/v1/classes/" + classId + "/gradebook", teacher.token()).bodyAsJsonObject().getJsonArray("live");
    assertFalse(live.stream().anyMatch(o -> ((JsonObject) o).getLong("id").equals(s.getLong("id"))), live.encode());
  }
}
