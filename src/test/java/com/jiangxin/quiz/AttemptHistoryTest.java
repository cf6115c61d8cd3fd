package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attempt is a history: every save, submit, auto-submit, teacher grade and regrade appends a step
 * with its time and actor; the teacher sees the timeline, a student sees their own steps without
 * grades until the feedback policy allows.
 */
class AttemptHistoryTest {
  private static final String[] SCORE_FIELDS = {"points", "scoreBefore", "scoreAfter"};
  static TestServer server;
  static QuizBank bank;
  /** A quiz with an open question, and that question. */
  static Quiz quiz;
  static Question open;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("AUTO_SUBMIT_EVERY_MS", "3600000"));
    bank = AttemptRulesFixtures.bank();
    open = AttemptRulesFixtures.firstQuestionOfType(bank, ShortAnswer.NAME);
    quiz = AttemptRulesFixtures.quizOf(bank, open);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonArray steps(long attemptId, Accounts.Login viewer) {
    HttpResponse<Buffer> r = server.get("/api/v1/attempts/" + attemptId, viewer.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray steps = r.bodyAsJsonObject().getJsonArray("steps");
    assertNotNull(steps, "the attempt's JSON lists its steps");
    return steps;
  }

  private static List<String> kinds(JsonArray steps) {
    List<String> out = new ArrayList<>();
    steps.forEach(o -> out.add(((JsonObject) o).getString("kind")));
    return out;
  }

  private static JsonObject submit(long attemptId, Accounts.Login student, JsonObject answers) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/attempts/" + attemptId + "/submit",
      new JsonObject().put("answers", answers), student.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static void assertNoScores(JsonArray steps, String where) {
    for (Object o : steps) {
      for (String field : SCORE_FIELDS) {
        assertFalse(((JsonObject) o).containsKey(field), where + ": a step shows " + field + " " + o);
      }
    }
  }

  private static Row response(long attemptId, String questionId) {
    return server.app.pool().preparedQuery("SELECT graded_by AS graded_by, graded_at AS graded_at, points AS points, "
        + "comment AS comment FROM responses WHERE attempt_id = ? AND question_id = ?")
      .execute(Tuple.of(attemptId, questionId)).await().iterator().next();
  }

  /** An attempt at {@link #quiz}, saved twice and submitted, with the open question answered. */
  private static long submittedAttempt(long assignmentId, Accounts.Login student) {
    long id = AttemptRulesFixtures.start(server, assignmentId, student).getLong("id");
    JsonObject some = AttemptRulesFixtures.someRightAnswers(quiz);
    AttemptRulesFixtures.save(server, id, student, some);
    AttemptRulesFixtures.save(server, id, student, new JsonObject().put(open.id(), "因为他们几十年如一日地钻研。"));
    submit(id, student, new JsonObject());
    return id;
  }

  @Test
  @DisplayName("save, submit, teacher grade and regrade each append a step with who did it; regrade keeps who graded the open answer and when")
  void everyChangeIsAStep() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server, "林小满");
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(2));
    long id = submittedAttempt(a, student);

    JsonArray before = steps(id, teacher);
    assertEquals(List.of("saved", "saved", "submitted"), kinds(before));
    for (Object o : before) {
      JsonObject s = (JsonObject) o;
      assertEquals("林小满", s.getString("by"), "the student did it: " + s);
      assertTrue(s.getLong("at") > 0);
    }
    assertEquals(List.of(open.id()), before.getJsonObject(1).getJsonArray("questionIds").getList());
    double submitted = before.getJsonObject(2).getDouble("scoreAfter");

    HttpResponse<Buffer> graded = server.postJson("/api/v1/attempts/" + id + "/grades",
      new JsonObject().put("questionId", open.id()).put("points", open.points()).put("comment", "很好"), teacher.token());
    assertEquals(200, graded.statusCode(), graded.bodyAsString());
    JsonObject gradeStep = steps(id, teacher).getJsonObject(3);
    assertEquals("graded", gradeStep.getString("kind"));
    assertEquals(teacher.displayName(), gradeStep.getString("by"));
    assertEquals(open.id(), gradeStep.getString("questionId"));
    assertEquals(open.points(), gradeStep.getDouble("points"));
    assertEquals(submitted, gradeStep.getDouble("scoreBefore"));
    assertEquals(submitted + open.points(), gradeStep.getDouble("scoreAfter"), 1e-9);
    Row gradedRow = response(id, open.id());
    long gradedAt = gradedRow.getLong("GRADED_AT");

    // a stored grade that no longer matches the key, as after the teacher fixed a key: regrade puts it right
    Question auto = quiz.questions().stream().filter(q -> q.type().autoGraded()
      && quiz.questions().indexOf(q) % 2 == 0).findFirst().orElseThrow();
    server.app.pool().preparedQuery("UPDATE responses SET points = 0, fraction = 0 WHERE attempt_id = ? AND question_id = ?")
      .execute(Tuple.of(id, auto.id())).await();
    server.app.pool().preparedQuery("UPDATE attempts SET score = score - ? WHERE id = ?")
      .execute(Tuple.of(auto.points(), id)).await();
    HttpResponse<Buffer> regraded = server.postJson("/api/v1/assignments/" + a + "/regrade", new JsonObject(), teacher.token());
    assertEquals(200, regraded.statusCode(), regraded.bodyAsString());
    assertEquals(1, regraded.bodyAsJsonObject().getJsonArray("changed").size());

    JsonArray after = steps(id, teacher);
    assertEquals(List.of("saved", "saved", "submitted", "graded", "regraded"), kinds(after));
    JsonObject regradeStep = after.getJsonObject(4);
    assertEquals(teacher.displayName(), regradeStep.getString("by"));
    assertEquals(gradeStep.getDouble("scoreAfter") - auto.points(), regradeStep.getDouble("scoreBefore"), 1e-9);
    assertEquals(gradeStep.getDouble("scoreAfter"), regradeStep.getDouble("scoreAfter"), 1e-9);
    assertEquals(before.getJsonObject(0), after.getJsonObject(0), "steps never change");

    Row kept = response(id, open.id());
    assertEquals(teacher.id(), kept.getLong("GRADED_BY"), "the regrade keeps who graded the open answer");
    assertEquals(gradedAt, kept.getLong("GRADED_AT"), "and when");
    assertEquals("很好", kept.getString("COMMENT"));
    assertEquals(open.points(), ((Number) kept.getValue("POINTS")).doubleValue());

    HttpResponse<Buffer> again = server.postJson("/api/v1/assignments/" + a + "/regrade", new JsonObject(), teacher.token());
    assertEquals(200, again.statusCode());
    assertEquals(5, steps(id, teacher).size(), "a regrade that changes nothing adds no step");
  }

  @Test
  @DisplayName("the deadline sweep's auto-submit is a step by the server")
  void autoSubmitIsTheServers() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(2));
    long id = AttemptRulesFixtures.start(server, a, student).getLong("id");
    AttemptRulesFixtures.save(server, id, student, AttemptRulesFixtures.someRightAnswers(quiz));
    AttemptRulesFixtures.setDue(server, a, AttemptRulesFixtures.overdue());
    assertTrue(server.app.attempts().autoSubmitOverdue(System.currentTimeMillis()).await() >= 1);

    JsonArray steps = steps(id, teacher);
    assertEquals(List.of("saved", "auto_submitted"), kinds(steps));
    assertEquals("server", steps.getJsonObject(1).getString("by"));
    assertEquals(AttemptService.grade(quiz, AttemptRulesFixtures.someRightAnswers(quiz)).score(),
      steps.getJsonObject(1).getDouble("scoreAfter"));
  }

  @Test
  @DisplayName("a student's own steps carry no grade while feedback is held (after_due, never, the key hold on practice) and do once it is shown")
  void studentsSeeGradesOnlyWithFeedback() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long later = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "after_due",
      AttemptRulesFixtures.hoursFromNow(2));
    long never = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "never", null);
    long held = submittedAttempt(later, student);
    long hidden = submittedAttempt(never, student);
    server.postJson("/api/v1/attempts/" + held + "/grades",
      new JsonObject().put("questionId", open.id()).put("points", 1).put("comment", "好"), teacher.token());

    JsonArray own = steps(held, student);
    assertEquals(List.of("saved", "saved", "submitted", "graded"), kinds(own), "the student sees what happened");
    assertNoScores(own, "after_due before the due time");
    assertNoScores(steps(hidden, student), "never");
    assertNotNull(steps(held, teacher).getJsonObject(2).getDouble("scoreAfter"), "the teacher sees the scores");

    // practice on the same reading while those assignments hold its keys
    long practice = AttemptRulesFixtures.practice(server, quiz.readingId(), student).getLong("id");
    submit(practice, student, AttemptRulesFixtures.someRightAnswers(quiz));
    JsonArray practiceSteps = steps(practice, student);
    assertEquals(List.of("submitted"), kinds(practiceSteps));
    assertNoScores(practiceSteps, "practice under the key hold");

    // the after_due assignment is past due and the never one gone: feedback is shown, and the grades in the steps
    AttemptRulesFixtures.setDue(server, later, AttemptRulesFixtures.overdue());
    server.app.pool().preparedQuery("DELETE FROM assignments WHERE id = ?").execute(Tuple.of(never)).await();
    JsonArray shown = steps(held, student);
    assertEquals(steps(held, teacher).getJsonObject(2).getDouble("scoreAfter"), shown.getJsonObject(2).getDouble("scoreAfter"));
    assertEquals(1.0, shown.getJsonObject(3).getDouble("points"));
    assertNotNull(steps(practice, student).getJsonObject(0).getDouble("scoreAfter"), "practice shows its score now");
  }

  @Test
  @DisplayName("the teacher's page of an attempt shows its timeline; the student's own page does not")
  void teacherPageShowsTimeline() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server, "周一鸣");
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(2));
    long id = submittedAttempt(a, student);
    server.postJson("/api/v1/attempts/" + id + "/grades",
      new JsonObject().put("questionId", open.id()).put("points", 1).put("comment", "好"), teacher.token());

    String page = Accounts.get(server, Accounts.session(server, teacher), "/attempts/" + id).bodyAsString();
    assertTrue(page.contains("作答记录"), "the timeline is on the teacher's page");
    assertTrue(page.contains("保存答案（连续 2 次）"), "a run of saves is one line");
    assertTrue(page.contains("周一鸣"));
    assertTrue(page.contains("交卷，自动评分"));
    int number = quiz.questions().indexOf(open) + 1;
    assertTrue(page.contains("批改第 " + number + " 题：给 1 分"), "the grade and its question");
    String own = Accounts.get(server, Accounts.session(server, student), "/attempts/" + id).bodyAsString();
    assertFalse(own.contains("作答记录"), "the student's page has no teacher timeline");
  }

  @Test
  @DisplayName("a teacher reading a student's open attempt sees the saved answers, greyed out, with no save or submit button")
  void teacherReadsAnOpenAttempt() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server, "未交卷");
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(2));
    long id = AttemptRulesFixtures.start(server, a, student).getLong("id");
    AttemptRulesFixtures.save(server, id, student, new JsonObject().put(open.id(), "老师看得到这句。"));

    String page = Accounts.get(server, Accounts.session(server, teacher), "/attempts/" + id).bodyAsString();
    assertTrue(page.contains("还在作答"), "the page says the student is still answering");
    assertTrue(page.contains("老师看得到这句。"), "the saved answer is shown");
    assertTrue(page.contains("<fieldset class=\"read-only\" disabled>"), "the answers cannot be changed");
    assertFalse(page.contains("value=\"submit\""), "no submit button");
    assertFalse(page.contains("确定交卷"), "no confirm-submit form");
    String own = Accounts.get(server, Accounts.session(server, student), "/attempts/" + id).bodyAsString();
    assertTrue(own.contains("确定交卷") && !own.contains("read-only"), "the student still has the form");
  }

  @Test
  @DisplayName("on a 390 px phone the timeline reads without scrolling sideways")
  void timelineOnAPhone() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server, "欧阳晓晓");
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(2));
    long id = submittedAttempt(a, student);
    try (Browser browser = Browser.launch(); BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate(server.url("/login"));
      page.fill("#username", teacher.username());
      page.fill("#password", Accounts.PASSWORD);
      page.click("form.stack button[type=submit]");
      page.waitForURL(url -> !url.contains("/login"));
      page.navigate(server.url("/attempts/" + id));
      page.locator(".timeline").scrollIntoViewIfNeeded();
      Browser.screenshot(page, "attempt-timeline-phone");
      assertEquals(2, page.locator(".timeline-list .step").count(), "saves as one line, then the submit");
      assertTrue(page.locator(".timeline-list .step").last().innerText().contains("欧阳晓晓"));
      Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
      assertTrue(((Number) overflow).intValue() <= 0, "the page scrolls sideways by " + overflow + "px");
      double size = ((Number) page.locator(".timeline-list .what").first()
        .evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
      assertTrue(size >= 14, "readable text, not " + size + "px");
    }
  }
}
