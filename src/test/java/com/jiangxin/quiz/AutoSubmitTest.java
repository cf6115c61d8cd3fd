package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attempt still open when the due time plus the grace has passed is submitted with its saved
 * answers and graded by the server — by the timer, after a restart, and never twice.
 */
class AutoSubmitTest {
  private static final Map<String, String> FAST_SWEEP = Map.of("AUTO_SUBMIT_EVERY_MS", "200");
  private static final Map<String, String> NO_TIMER = Map.of("AUTO_SUBMIT_EVERY_MS", "3600000");

  private static Quiz quiz() {
    return AttemptRulesFixtures.bank().quizzes().get(0);
  }

  @Test
  @DisplayName("the timer submits an attempt left open past its deadline; its score equals a manual submit of the same answers; gradebook and review say 自动提交")
  void timerSubmits() throws Exception {
    try (TestServer server = TestServer.start(FAST_SWEEP)) {
      Quiz quiz = quiz();
      Accounts.Login teacher = Accounts.teacher(server);
      Accounts.Login away = Accounts.student(server, "离开的学生");
      Accounts.Login present = Accounts.student(server, "交卷的学生");
      long classId = AttemptRulesFixtures.classWith(server, teacher, away, present);
      long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
        AttemptRulesFixtures.hoursFromNow(2));
      JsonObject answers = AttemptRulesFixtures.someRightAnswers(quiz);
      long left = AttemptRulesFixtures.start(server, a, away).getLong("id");
      long handedIn = AttemptRulesFixtures.start(server, a, present).getLong("id");
      AttemptRulesFixtures.save(server, left, away, answers);
      AttemptRulesFixtures.save(server, handedIn, present, answers);
      HttpResponse<Buffer> manual = server.postJson("/api/v1/attempts/" + handedIn + "/submit", new JsonObject(),
        present.token());
      assertEquals(200, manual.statusCode(), manual.bodyAsString());
      double manualScore = manual.bodyAsJsonObject().getDouble("score");
      assertTrue(manualScore > 0 && manualScore < manual.bodyAsJsonObject().getDouble("maxScore"),
        "a score that tells graded answers from an empty sheet");

      AttemptRulesFixtures.setDue(server, a, AttemptRulesFixtures.overdue());
      Row row = AttemptRulesFixtures.awaitRow(server, left, r -> "submitted".equals(r.getString("STATUS")));
      assertEquals("submitted", row.getString("STATUS"), "the timer submitted it without the student");
      assertTrue(row.getBoolean("AUTO_SUBMITTED"));
      assertEquals(quiz.questions().size(), ((Number) row.getValue("RESPONSES")).intValue(), "graded once, every question");

      JsonObject json = server.get("/api/v1/attempts/" + left, away.token()).bodyAsJsonObject();
      assertEquals("submitted", json.getString("status"));
      assertTrue(json.getBoolean("autoSubmitted"));
      assertEquals(manualScore, json.getDouble("score"), "the same answers, the same score");
      assertFalse(server.get("/api/v1/attempts/" + handedIn, present.token()).bodyAsJsonObject().getBoolean("autoSubmitted"));

      JsonObject gradebook = server.get("/api/v1/classes/" + classId + "/gradebook", teacher.token()).bodyAsJsonObject();
      for (Object o : gradebook.getJsonArray("students")) {
        JsonObject s = (JsonObject) o;
        JsonObject cell = s.getJsonObject("results").getJsonObject(Long.toString(a));
        assertEquals(s.getLong("id") == away.id(), cell.getBoolean("autoSubmitted"), s.encode());
      }
      String page = Accounts.get(server, Accounts.session(server, teacher), "/classes/" + classId + "/gradebook").bodyAsString();
      assertTrue(page.contains("title=\"自动提交\""), "the gradebook marks the auto-submitted result");
      assertEquals(1, page.split("title=\"自动提交\"", -1).length - 1, "and only that one");
      String review = Accounts.get(server, Accounts.session(server, away), "/attempts/" + left).bodyAsString();
      assertTrue(review.contains("自动提交"), "the student's review says so");
      HttpResponse<Buffer> again = server.postJson("/api/v1/attempts/" + left + "/submit", new JsonObject(), away.token());
      assertEquals(200, again.statusCode(), "a submit now answers with the stored result");
      assertEquals(manualScore, again.bodyAsJsonObject().getDouble("score"));
    }
  }

  @Test
  @DisplayName("an attempt left open at shutdown is submitted when the server starts again on the same data folder")
  void afterRestart() throws Exception {
    Path dir = Files.createTempDirectory("jiangxin-autosubmit");
    long left;
    Accounts.Login student;
    JsonObject answers = AttemptRulesFixtures.someRightAnswers(quiz());
    try (TestServer first = TestServer.start(dir, NO_TIMER, false)) {
      Accounts.Login teacher = Accounts.teacher(first);
      student = Accounts.student(first);
      long classId = AttemptRulesFixtures.classWith(first, teacher, student);
      long a = AttemptRulesFixtures.assign(first, teacher, classId, quiz().readingId(), "immediate",
        AttemptRulesFixtures.hoursFromNow(2));
      left = AttemptRulesFixtures.start(first, a, student).getLong("id");
      AttemptRulesFixtures.save(first, left, student, answers);
      AttemptRulesFixtures.setDue(first, a, AttemptRulesFixtures.overdue());
      assertEquals("in_progress", AttemptRulesFixtures.row(first, left).getString("STATUS"), "still open at shutdown");
    }
    try (TestServer second = TestServer.start(dir, NO_TIMER, true)) {
      Row row = AttemptRulesFixtures.row(second, left);
      assertEquals("submitted", row.getString("STATUS"), "the start-up sweep submitted it");
      assertTrue(row.getBoolean("AUTO_SUBMITTED"));
      String token = Accounts.token(second, student.username(), Accounts.PASSWORD);
      JsonObject json = second.get("/api/v1/attempts/" + left, token).bodyAsJsonObject();
      assertEquals("submitted", json.getString("status"));
      assertTrue(json.getBoolean("autoSubmitted"));
      assertEquals(AttemptService.grade(quiz(), answers).score(), json.getDouble("score"));
    }
  }

  @Test
  @DisplayName("a manual submit racing the sweep, and sweeps racing each other (as on several nodes), finish each attempt once")
  void neverTwice() {
    try (TestServer server = TestServer.start(NO_TIMER)) {
      Quiz quiz = quiz();
      Accounts.Login teacher = Accounts.teacher(server);
      int n = 8;
      List<Accounts.Login> students = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        students.add(Accounts.student(server));
      }
      long classId = AttemptRulesFixtures.classWith(server, teacher, students.toArray(new Accounts.Login[0]));
      long dueAt = AttemptRulesFixtures.hoursFromNow(2);
      long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate", dueAt);
      JsonObject answers = AttemptRulesFixtures.someRightAnswers(quiz);
      double expected = AttemptService.grade(quiz, answers).score();
      List<Long> ids = new ArrayList<>();
      for (Accounts.Login s : students) {
        long id = AttemptRulesFixtures.start(server, a, s).getLong("id");
        AttemptRulesFixtures.save(server, id, s, answers);
        ids.add(id);
      }

      // A node whose clock is past the deadline sweeps while the students, on time, press 交卷.
      long nodeClock = dueAt + 2 * AttemptService.GRACE_MS;
      List<Future<HttpResponse<Buffer>>> submits = new ArrayList<>();
      List<Future<Integer>> sweeps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        submits.add(TestServer.auth(server.client.post("/api/v1/attempts/" + ids.get(i) + "/submit"),
          students.get(i).token()).sendJsonObject(new JsonObject()));
        if (i % 2 == 0) {
          sweeps.add(server.app.attempts().autoSubmitOverdue(nodeClock));
        }
      }
      int swept = 0;
      for (Future<Integer> f : sweeps) {
        swept += f.await();
      }
      int manual = 0;
      for (int i = 0; i < n; i++) {
        HttpResponse<Buffer> r = submits.get(i).await();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonObject json = r.bodyAsJsonObject();
        assertEquals("submitted", json.getString("status"));
        assertEquals(expected, json.getDouble("score"), "one result, whoever finished it");
        manual += json.getBoolean("autoSubmitted") ? 0 : 1;
        Row row = AttemptRulesFixtures.row(server, ids.get(i));
        assertEquals(quiz.questions().size(), ((Number) row.getValue("RESPONSES")).intValue(), "graded once");
        assertEquals(json.getBoolean("autoSubmitted"), row.getBoolean("AUTO_SUBMITTED"),
          "the answer says what the database holds");
      }
      assertEquals(n, swept + manual, "every attempt finished exactly once: " + swept + " by sweeps, " + manual + " by hand");
      assertEquals(0, server.app.attempts().autoSubmitOverdue(nodeClock).await(), "nothing left to sweep");
    }
  }
}
