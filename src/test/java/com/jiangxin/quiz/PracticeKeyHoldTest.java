package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.jiangxin.quiz.AttemptRulesFixtures.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No route lets a student learn a key, a correctness flag, an explanation or evidence that an
 * assignment of their class still hides — practice included.
 */
class PracticeKeyHoldTest {
  private static TestServer server;
  private static QuizBank bank;
  private static Accounts.Login teacher;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    bank = AttemptRulesFixtures.bank();
    teacher = Accounts.teacher(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The n-th quiz of the bank, so each test works on a reading of its own. */
  private static Quiz quiz(int n) {
    return bank.quizzes().get(n);
  }

  private static JsonObject submitPractice(String readingId, Accounts.Login student) {
    long id = AttemptRulesFixtures.practice(server, readingId, student).getLong("id");
    HttpResponse<Buffer> r = server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject(), student.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  @Test
  @DisplayName("practice of a reading with an after_due assignment not yet due shows no key, no right or wrong and no score, and says why")
  void practiceHoldsKeysBeforeTheDueTime() {
    Quiz quiz = quiz(0);
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "after_due",
      AttemptRulesFixtures.hoursFromNow(48));

    long practiceId = AttemptRulesFixtures.practice(server, quiz.readingId(), student).getLong("id");
    Accounts.Session browser = Accounts.session(server, student);
    String take = Accounts.get(server, browser, "/attempts/" + practiceId).bodyAsString();
    assertTrue(take.contains("本篇有未到期的作业"), "the practice page says answers are held back");

    HttpResponse<Buffer> submitted = server.postJson("/api/v1/attempts/" + practiceId + "/submit", new JsonObject(),
      student.token());
    assertEquals(200, submitted.statusCode(), submitted.bodyAsString());
    assertNoKey("practice submit", submitted.bodyAsString(), quiz);
    JsonObject result = submitted.bodyAsJsonObject();
    assertEquals("submitted", result.getString("status"));
    assertNull(result.getValue("score"), "a practice score would tell right from wrong one question at a time");
    assertFalse(result.getBoolean("feedbackAvailable"));
    assertTrue(result.getString("feedbackNote").contains("本篇有未到期的作业"), result.getString("feedbackNote"));

    assertNoKey("practice reload", server.get("/api/v1/attempts/" + practiceId, student.token()).bodyAsString(), quiz);
    String review = Accounts.get(server, browser, "/attempts/" + practiceId).bodyAsString();
    assertNoKey("practice review page", review, quiz);
    assertTrue(review.contains("本篇有未到期的作业，练习暂不显示答案"), "the review page says why");
    assertTrue(review.contains("你交的答案") && review.contains("（未作答）"), "and still lists what the student handed in");

    // once the assignment is due, the same practice review shows everything
    AttemptRulesFixtures.setDue(server, a, System.currentTimeMillis() - 1000);
    JsonObject after = server.get("/api/v1/attempts/" + practiceId, student.token()).bodyAsJsonObject();
    assertTrue(after.getBoolean("feedbackAvailable"));
    assertNotNull(after.getValue("score"));
    assertTrue(after.getJsonArray("questions").getJsonObject(0).containsKey("explanation"));
  }

  @Test
  @DisplayName("a never assignment holds the keys of its reading's practice for its students, even once closed; other students are not held")
  void neverHoldsForItsClassOnly() {
    Quiz quiz = quiz(1);
    Accounts.Login inClass = Accounts.student(server);
    Accounts.Login elsewhere = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, inClass);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "never", null);
    assertEquals(200, server.postJson("/api/v1/assignments/" + a + "/close", new JsonObject(), teacher.token()).statusCode());

    JsonObject held = submitPractice(quiz.readingId(), inClass);
    assertNoKey("practice under a never assignment", held.encode(), quiz);
    assertEquals("本篇有老师不公布答案的作业，练习暂不显示答案和得分。", held.getString("feedbackNote"));

    JsonObject free = submitPractice(quiz.readingId(), elsewhere);
    assertTrue(free.getBoolean("feedbackAvailable"), "a student of no such class keeps full practice feedback");
    assertTrue(free.getJsonArray("questions").getJsonObject(0).containsKey("answer"));
    assertNotNull(free.getValue("score"));
  }

  @Test
  @DisplayName("an immediate assignment of the same reading shows no keys while another assignment of the class hides them")
  void anotherAssignmentHoldsImmediateFeedback() {
    Quiz quiz = quiz(2);
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long test = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "after_due",
      AttemptRulesFixtures.hoursFromNow(24));
    long homework = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate", null);

    long id = AttemptRulesFixtures.start(server, homework, student).getLong("id");
    HttpResponse<Buffer> r = server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject(), student.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertNoKey("immediate homework", r.bodyAsString(), quiz);
    assertNotNull(r.bodyAsJsonObject().getValue("score"), "the homework's score is still shown");
    assertTrue(r.bodyAsJsonObject().getString("feedbackNote").contains("未到期的作业"));
    String review = Accounts.get(server, Accounts.session(server, student), "/attempts/" + id).bodyAsString();
    assertNoKey("immediate homework review", review, quiz);

    assertTrue(server.get("/api/v1/attempts/" + id, teacher.token()).bodyAsString().contains("\"explanation\""),
      "the class's teacher still sees the feedback");

    AttemptRulesFixtures.setDue(server, test, System.currentTimeMillis() - 1000);
    assertTrue(server.get("/api/v1/attempts/" + id, student.token()).bodyAsJsonObject().getBoolean("feedbackAvailable"));
  }

  @Test
  @DisplayName("the student's quiz JSON and the examples index never carry a key, with or without assignments")
  void otherRoutesStayClean() {
    Quiz quiz = quiz(3);
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "after_due", AttemptRulesFixtures.hoursFromNow(24));
    assertNoKey("quiz JSON", server.get("/api/v1/readings/" + quiz.readingId() + "/quiz", student.token()).bodyAsString(), quiz);
    String examples = server.get("/api/v1/examples", student.token()).bodyAsString();
    for (String field : new String[] {"\"answer\"", "\"explanation\"", "\"evidence\":", "\"correct\""}) {
      assertFalse(examples.contains(field), "the examples index leaks " + field);
    }
    Accounts.Session browser = Accounts.session(server, student);
    String reading = Accounts.get(server, browser, "/readings/" + quiz.readingId()).bodyAsString();
    assertFalse(reading.contains("/readings/" + quiz.readingId() + "/quiz\""), "no link to the answer key");
    assertEquals(403, Accounts.get(server, browser, "/readings/" + quiz.readingId() + "/quiz").statusCode());
  }
}
