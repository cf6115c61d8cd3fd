package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One student cannot fill the disk: answer sizes per type, and practice attempts per reading per day. */
class AttemptLimitsTest {
  private static TestServer server;
  private static QuizBank bank;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    bank = AttemptRulesFixtures.bank();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> saveOne(long attemptId, Accounts.Login student, Question q, Object answer) {
    return server.putJson("/api/v1/attempts/" + attemptId + "/answers", new JsonObject().put(q.id(), answer), student.token());
  }

  /** Saves an answer just at the limit (stored) and one just over it (400 with a clear message, nothing stored). */
  private static void limitHolds(String type, int limit) {
    Question q = AttemptRulesFixtures.firstQuestionOfType(bank, type);
    Quiz quiz = AttemptRulesFixtures.quizOf(bank, q);
    Accounts.Login student = Accounts.student(server);
    long id = AttemptRulesFixtures.practice(server, quiz.readingId(), student).getLong("id");

    String atLimit = "字".repeat(limit);
    HttpResponse<Buffer> ok = saveOne(id, student, q, atLimit);
    assertEquals(200, ok.statusCode(), type + " at the limit: " + ok.bodyAsString().substring(0, 200));
    assertEquals(atLimit, ok.bodyAsJsonObject().getJsonObject("answers").getString(q.id()));

    HttpResponse<Buffer> tooLong = saveOne(id, student, q, "字".repeat(limit + 1));
    assertEquals(400, tooLong.statusCode(), type + " over the limit");
    String error = tooLong.bodyAsJsonObject().getString("error");
    assertTrue(error.contains("太长") && error.contains(Integer.toString(limit)), error);
    JsonObject stored = server.get("/api/v1/attempts/" + id, student.token()).bodyAsJsonObject().getJsonObject("answers");
    assertEquals(atLimit, stored.getString(q.id()), "the refused answer replaced nothing");

    HttpResponse<Buffer> submitted = server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject()
      .put("answers", new JsonObject().put(q.id(), "字".repeat(limit * 10))), student.token());
    assertEquals(400, submitted.statusCode(), "a submit carrying an over-long answer is refused too");
    assertEquals("in_progress", server.get("/api/v1/attempts/" + id, student.token()).bodyAsJsonObject().getString("status"));
  }

  @Test
  @DisplayName("a fill-in answer may be 200 characters, not 201")
  void fillLimit() {
    limitHolds("fill", 200);
  }

  @Test
  @DisplayName("a short answer may be 5,000 characters, not 5,001")
  void shortLimit() {
    limitHolds("short", 5_000);
  }

  @Test
  @DisplayName("a numeric answer of ten thousand digits is refused, and so is a page form carrying one")
  void numericAndFormLimits() {
    Question q = AttemptRulesFixtures.firstQuestionOfType(bank, "numeric");
    Quiz quiz = AttemptRulesFixtures.quizOf(bank, q);
    Accounts.Login student = Accounts.student(server);
    long id = AttemptRulesFixtures.practice(server, quiz.readingId(), student).getLong("id");
    HttpResponse<Buffer> r = saveOne(id, student, q, "9".repeat(10_000));
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("error").contains("太长"));

    Question fill = AttemptRulesFixtures.firstQuestionOfType(bank, "fill");
    Quiz fillQuiz = AttemptRulesFixtures.quizOf(bank, fill);
    long fillAttempt = AttemptRulesFixtures.practice(server, fillQuiz.readingId(), student).getLong("id");
    Accounts.Session browser = Accounts.session(server, student);
    HttpResponse<Buffer> form = Accounts.post(server, browser, "/attempts/" + fillAttempt + "/save",
      Accounts.form("shown", fill.id(), "q." + fill.id(), "长".repeat(300)));
    assertEquals(400, form.statusCode());
    assertTrue(form.bodyAsString().contains("太长"), "the page says what is wrong");
    assertFalse(server.get("/api/v1/attempts/" + fillAttempt, student.token()).bodyAsJsonObject()
      .getJsonObject("answers").containsKey(fill.id()));
  }

  @Test
  @DisplayName("a list answer of two thousand items is refused")
  void listLimit() {
    Question q = AttemptRulesFixtures.firstQuestionOfType(bank, "ordering");
    Quiz quiz = AttemptRulesFixtures.quizOf(bank, q);
    Accounts.Login student = Accounts.student(server);
    long id = AttemptRulesFixtures.practice(server, quiz.readingId(), student).getLong("id");
    JsonArray huge = new JsonArray();
    for (int i = 0; i < 2_000; i++) {
      huge.add("x" + i);
    }
    HttpResponse<Buffer> r = saveOne(id, student, q, huge);
    assertEquals(400, r.statusCode());
    assertFalse(server.get("/api/v1/attempts/" + id, student.token()).bodyAsJsonObject()
      .getJsonObject("answers").containsKey(q.id()));
  }

  @Test
  @DisplayName("twenty practice attempts of one reading a day; the 21st is a 429 with Retry-After, and other readings stay open")
  void practicePerDay() {
    Quiz quiz = bank.quizzes().get(1);
    Accounts.Login student = Accounts.student(server);
    for (int i = 0; i < 20; i++) {
      long id = AttemptRulesFixtures.practice(server, quiz.readingId(), student).getLong("id");
      assertEquals(id, AttemptRulesFixtures.practice(server, quiz.readingId(), student).getLong("id"),
        "resuming the open attempt does not count");
      assertEquals(200, server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject(), student.token()).statusCode());
    }
    HttpResponse<Buffer> refused = server.postJson("/api/v1/readings/" + quiz.readingId() + "/practice", new JsonObject(),
      student.token());
    assertEquals(429, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsJsonObject().getString("error").contains("20"), refused.bodyAsString());
    String retry = refused.getHeader("Retry-After");
    assertNotNull(retry, "Retry-After tells when practice opens again");
    long seconds = Long.parseLong(retry);
    assertTrue(seconds > 0 && seconds <= 86_400, retry);

    Accounts.Session browser = Accounts.session(server, student);
    HttpResponse<Buffer> page = Accounts.post(server, browser, "/readings/" + quiz.readingId() + "/practice", Accounts.form());
    assertEquals(429, page.statusCode());
    assertTrue(page.bodyAsString().contains("明天再来"));

    AttemptRulesFixtures.practice(server, bank.quizzes().get(2).readingId(), student);
    AttemptRulesFixtures.practice(server, quiz.readingId(), Accounts.student(server));
  }
}
