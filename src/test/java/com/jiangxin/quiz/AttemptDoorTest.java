package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every save and submit checks the assignment as it is now: closed, or its due time moved. */
class AttemptDoorTest {
  private static TestServer server;
  private static Accounts.Login teacher;
  private static Quiz quiz;

  @BeforeAll
  static void start() {
    // no sweep during these tests: they look at what a save or submit itself answers
    server = TestServer.start(Map.of("AUTO_SUBMIT_EVERY_MS", "3600000"));
    teacher = Accounts.teacher(server);
    quiz = AttemptRulesFixtures.bank().quizzes().get(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> submit(long attemptId, Accounts.Login student) {
    return server.postJson("/api/v1/attempts/" + attemptId + "/submit",
      new JsonObject().put("answers", AttemptRulesFixtures.someRightAnswers(quiz)), student.token());
  }

  @Test
  @DisplayName("closing the assignment submits an open attempt with what was saved; later saves and submits get 409 saying so")
  void closedAssignment() {
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(24));
    long id = AttemptRulesFixtures.start(server, a, student).getLong("id");
    assertEquals(200, server.postJson("/api/v1/assignments/" + a + "/close", new JsonObject(), teacher.token()).statusCode());

    HttpResponse<Buffer> saved = server.putJson("/api/v1/attempts/" + id + "/answers",
      AttemptRulesFixtures.someRightAnswers(quiz), student.token());
    assertEquals(409, saved.statusCode(), saved.bodyAsString());
    assertTrue(saved.bodyAsJsonObject().getString("error").contains("关闭"), saved.bodyAsString());
    HttpResponse<Buffer> submitted = submit(id, student);
    assertEquals(409, submitted.statusCode(), submitted.bodyAsString());
    assertTrue(submitted.bodyAsJsonObject().getString("error").contains("关闭"), submitted.bodyAsString());
    Row row = AttemptRulesFixtures.row(server, id);
    assertEquals("submitted", row.getString("STATUS"), "closing submitted the open attempt");
    assertTrue(row.getBoolean("AUTO_SUBMITTED"));
    assertEquals(0.0, row.getNumeric("SCORE").doubleValue(), "with what was saved before: the refused answers were not taken");

    // the page's submit leads to the result, which says the server submitted it
    Accounts.Session browser = Accounts.session(server, student);
    HttpResponse<Buffer> form = Accounts.post(server, browser, "/attempts/" + id + "/submit", Accounts.form("shown", ""));
    assertEquals(303, form.statusCode());
    assertTrue(Accounts.get(server, browser, "/attempts/" + id).bodyAsString().contains("自动提交"));
  }

  @Test
  @DisplayName("after the teacher moves the due time into the past, an open attempt can neither save nor submit")
  void dueMovedIntoThePast() {
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(24));
    long id = AttemptRulesFixtures.start(server, a, student).getLong("id");
    HttpResponse<Buffer> moved = server.patchJson("/api/v1/assignments/" + a, new JsonObject()
      .put("dueAt", AttemptRulesFixtures.iso(System.currentTimeMillis() - 10 * 60_000)), teacher.token());
    assertEquals(200, moved.statusCode(), moved.bodyAsString());

    HttpResponse<Buffer> saved = server.putJson("/api/v1/attempts/" + id + "/answers",
      AttemptRulesFixtures.someRightAnswers(quiz), student.token());
    assertEquals(409, saved.statusCode(), saved.bodyAsString());
    assertTrue(saved.bodyAsJsonObject().getString("error").contains("截止"));
    HttpResponse<Buffer> submitted = submit(id, student);
    assertEquals(409, submitted.statusCode(), submitted.bodyAsString());
    assertTrue(submitted.bodyAsJsonObject().getString("error").contains("截止"));
  }

  @Test
  @DisplayName("a due time moved to just now still takes a submit within the grace, marked late; moved later, not late")
  void dueMovedWithinTheGrace() {
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(24));
    long id = AttemptRulesFixtures.start(server, a, student).getLong("id");
    AttemptRulesFixtures.setDue(server, a, System.currentTimeMillis() - 5_000);
    HttpResponse<Buffer> submitted = submit(id, student);
    assertEquals(200, submitted.statusCode(), submitted.bodyAsString());
    assertTrue(submitted.bodyAsJsonObject().getBoolean("late"));
    assertFalse(submitted.bodyAsJsonObject().getBoolean("autoSubmitted"));

    Accounts.Login other = Accounts.student(server);
    long classB = AttemptRulesFixtures.classWith(server, teacher, other);
    long b = AttemptRulesFixtures.assign(server, teacher, classB, quiz.readingId(), "immediate",
      System.currentTimeMillis() + 30_000);
    long second = AttemptRulesFixtures.start(server, b, other).getLong("id");
    long later = AttemptRulesFixtures.hoursFromNow(24);
    AttemptRulesFixtures.setDue(server, b, later);
    assertEquals(later + AttemptService.GRACE_MS,
      server.get("/api/v1/attempts/" + second, other.token()).bodyAsJsonObject().getLong("deadline"),
      "the attempt shows the deadline as it is now");
    HttpResponse<Buffer> extended = submit(second, other);
    assertEquals(200, extended.statusCode(), extended.bodyAsString());
    assertFalse(extended.bodyAsJsonObject().getBoolean("late"), "a due time moved later counts as it is now");
  }
}
