package com.jiangxin.quiz;

import com.jiangxin.config.Config;
import com.jiangxin.content.Content;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Classes, assignments and attempts for the tests of the attempt rules, made through the real API. */
final class AttemptRulesFixtures {
  private AttemptRulesFixtures() {
  }

  /** The built-in quizzes, as the server loads them. */
  static QuizBank bank() {
    Path dir = Content.locate(Config.from(Map.of()));
    return QuizBank.load(dir, Content.loadReadings(dir));
  }

  /** The first quiz (in reading order) having a question of the given type, and that question. */
  static Question firstQuestionOfType(QuizBank bank, String type) {
    return bank.quizzes().stream().flatMap(q -> q.questions().stream())
      .filter(q -> q.typeName().equals(type)).findFirst().orElseThrow();
  }

  static Quiz quizOf(QuizBank bank, Question question) {
    return bank.quizzes().stream().filter(q -> q.questions().contains(question)).findFirst().orElseThrow();
  }

  /** A class of the teacher's with the given students in it; answers the class id. */
  static long classWith(TestServer server, Accounts.Login teacher, Accounts.Login... students) {
    HttpResponse<Buffer> created = server.postJson("/api/v1/classes",
      new JsonObject().put("name", Accounts.uniqueUsername("班")), teacher.token());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String code = created.bodyAsJsonObject().getString("joinCode");
    for (Accounts.Login s : students) {
      HttpResponse<Buffer> joined = server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", code), s.token());
      assertEquals(200, joined.statusCode(), joined.bodyAsString());
    }
    return created.bodyAsJsonObject().getLong("id");
  }

  /** An assignment of a reading; {@code dueAt} in epoch ms or null. */
  static long assign(TestServer server, Accounts.Login teacher, long classId, String readingId, String feedback,
                     Long dueAt) {
    JsonObject body = new JsonObject().put("readingId", readingId).put("feedback", feedback).put("maxAttempts", 3);
    if (dueAt != null) {
      body.put("dueAt", iso(dueAt));
    }
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/" + classId + "/assignments", body, teacher.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.ofHours(8)).toString();
  }

  static long hoursFromNow(int hours) {
    return System.currentTimeMillis() + hours * 3_600_000L;
  }

  static JsonObject start(TestServer server, long assignmentId, Accounts.Login student) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/assignments/" + assignmentId + "/attempts", new JsonObject(),
      student.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static JsonObject practice(TestServer server, String readingId, Accounts.Login user) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/readings/" + readingId + "/practice", new JsonObject(), user.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static void save(TestServer server, long attemptId, Accounts.Login student, JsonObject answers) {
    HttpResponse<Buffer> r = server.putJson("/api/v1/attempts/" + attemptId + "/answers", answers, student.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  /** Moves an assignment's due time, as the database holds it (the server's clock stays real). */
  static void setDue(TestServer server, long assignmentId, long dueAt) {
    server.app.pool().preparedQuery("UPDATE assignments SET due_at = ? WHERE id = ?")
      .execute(Tuple.of(dueAt, assignmentId)).await();
  }

  /** A due time so far past that even the grace is over. */
  static long overdue() {
    return System.currentTimeMillis() - AttemptService.GRACE_MS - 10_000;
  }

  /** The stored row of an attempt, read straight from the database (no route that might settle it). */
  static Row row(TestServer server, long attemptId) {
    return server.app.pool().preparedQuery("SELECT status AS status, auto_submitted AS auto_submitted, score AS score, "
        + "(SELECT COUNT(*) FROM responses r WHERE r.attempt_id = t.id) AS responses FROM attempts t WHERE t.id = ?")
      .execute(Tuple.of(attemptId)).await().iterator().next();
  }

  /** Waits (up to ten seconds) until the stored attempt satisfies the condition. */
  static Row awaitRow(TestServer server, long attemptId, Predicate<Row> condition) throws InterruptedException {
    long until = System.currentTimeMillis() + 10_000;
    Row r = row(server, attemptId);
    while (!condition.test(r) && System.currentTimeMillis() < until) {
      Thread.sleep(50);
      r = row(server, attemptId);
    }
    return r;
  }

  /** Some answers to a quiz: the key for every other auto-graded question, so the score is neither 0 nor full. */
  static JsonObject someRightAnswers(Quiz quiz) {
    JsonObject answers = new JsonObject();
    List<Question> qs = quiz.questions();
    for (int i = 0; i < qs.size(); i += 2) {
      if (qs.get(i).type().autoGraded()) {
        answers.put(qs.get(i).id(), qs.get(i).key());
      }
    }
    return answers;
  }

  /** Fails if the text carries a key field, a correctness flag, an explanation or evidence of the quiz. */
  static void assertNoKey(String where, String text, Quiz quiz) {
    for (String field : List.of("\"answer\"", "\"accept\"", "\"rubric\"", "\"explanation\"", "\"evidence\":",
      "\"correct\"", "\"fraction\"", "\"earned\"", "\"evidenceUrl\"", "\"tolerance\"")) {
      assertFalse(text.contains(field), where + " leaks " + field);
    }
    String shown = quiz.studentView().encode();
    for (Question q : quiz.questions()) {
      if (!shown.contains(q.explanation())) {
        assertFalse(text.contains(q.explanation()), where + " leaks the explanation of " + q.id());
      }
      if (!shown.contains(q.evidence())) {
        assertFalse(text.contains(q.evidence()), where + " leaks the evidence of " + q.id());
      }
    }
    assertFalse(text.contains("hl="), where + " leaks an evidence link");
    assertFalse(text.contains("答对") || text.contains("答错") || text.contains("正确答案"), where + " shows right or wrong");
  }
}
