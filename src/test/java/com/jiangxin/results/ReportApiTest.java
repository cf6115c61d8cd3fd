package com.jiangxin.results;

import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.SingleChoice;
import com.jiangxin.results.ResultsFixtures.Person;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report and gradebook through the API, on four students whose answers to 篇五 we control:
 * the first three questions form the same pattern as {@link StatisticsTest}'s hand-computed set
 * (every other question is left blank, so it scores 0 and leaves the rest scores unchanged).
 */
class ReportApiTest {
  /** The three questions the students answer: about 高凤林 (single), 哈里森 (single) and 哈里森's clocks (numeric). */
  private static final Question GAO = BuiltInBank.first("pian-05", "高凤林", SingleChoice.class);
  private static final Question HARRISON = BuiltInBank.first("pian-05", "哈里森", SingleChoice.class);
  private static final Question CLOCKS = BuiltInBank.first("pian-05", "哈里森", Numeric.class);
  /** Every question about 哈里森, and one of them the students all leave blank. */
  private static final List<Question> ALL_HARRISON = BuiltInBank.quiz("pian-05").questions().stream()
    .filter(q -> q.example().equals("哈里森")).toList();
  private static final Question BLANK = ALL_HARRISON.stream().filter(q -> q != HARRISON && q != CLOCKS)
    .findFirst().orElseThrow();
  private static final String R1 = ((SingleChoice) GAO.type()).answer();
  private static final String W1 = BuiltInBank.wrongOption(GAO);
  private static final String R2 = ((SingleChoice) HARRISON.type()).answer();
  /** Two wrong options of the 哈里森 question: one two students choose, one nobody does. */
  private static final List<String> WRONG2 = ((SingleChoice) HARRISON.type()).options().stream().map(Choice::id)
    .filter(id -> !id.equals(R2)).toList();
  private static final String W2 = WRONG2.get(0);
  private static final String U2 = WRONG2.get(1);
  private static final int FIVE = ((Numeric) CLOCKS.type()).answer().intValue();
  private static TestServer server;
  private static Person teacher;
  private static long classId;
  private static long assignmentId;
  private static Person a;
  private static Person b;
  private static Person c;
  private static Person d;
  private static Person absent;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = ResultsFixtures.teacher(server);
    a = ResultsFixtures.student(server, "甲同学");
    b = ResultsFixtures.student(server, "乙同学");
    c = ResultsFixtures.student(server, "丙同学");
    d = ResultsFixtures.student(server, "丁同学");
    absent = ResultsFixtures.student(server, "戊同学");
    classId = ResultsFixtures.createClass(server, teacher, "高一（9）班");
    ResultsFixtures.enrol(server, classId, a, b, c, d, absent);
    assignmentId = ResultsFixtures.assign(server, classId, "pian-05", 2, "best");
    // R1, R2 and FIVE are the keys (哈里森 built five clocks); W1, W2 wrong options
    ResultsFixtures.submit(server, a, assignmentId, answers(R1, R2, FIVE));
    ResultsFixtures.submit(server, b, assignmentId, answers(R1, R2, 3));
    ResultsFixtures.submit(server, c, assignmentId, answers(R1, W2, "三台"));
    ResultsFixtures.submit(server, d, assignmentId, answers(W1, W2, 4));
    // D's second attempt is perfect on these three: it is kept in the gradebook, but item analysis uses first attempts
    ResultsFixtures.submit(server, d, assignmentId, answers(R1, R2, FIVE));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject answers(String q1, String q2, Object q3) {
    return new JsonObject().put(GAO.id(), q1).put(HARRISON.id(), q2).put(CLOCKS.id(), q3);
  }

  private static JsonObject report() {
    HttpResponse<Buffer> r = server.get("/api/v1/assignments/" + assignmentId + "/report", teacher.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static JsonObject question(JsonObject report, String id) {
    for (Object o : report.getJsonArray("questions")) {
      if (id.equals(((JsonObject) o).getString("id"))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no question " + id);
  }

  @Test
  @DisplayName("facility and discrimination in the report match the hand-computed values, on first attempts")
  void itemStatistics() {
    JsonObject report = report();
    assertEquals("first-submitted-attempt", report.getString("itemBasis"));
    JsonObject q1 = question(report, GAO.id());
    JsonObject q2 = question(report, HARRISON.id());
    JsonObject q3 = question(report, CLOCKS.id());
    assertEquals(0.75, q1.getDouble("facility"), 1e-9);
    assertEquals(0.5, q2.getDouble("facility"), 1e-9);
    assertEquals(0.25, q3.getDouble("facility"), 1e-9);
    assertEquals(0.522, q1.getDouble("discrimination"), 1e-3);
    assertEquals(0.707, q2.getDouble("discrimination"), 1e-3);
    assertEquals(0.522, q3.getDouble("discrimination"), 1e-3);
    JsonObject blank = question(report, BLANK.id());
    assertEquals(0.0, blank.getDouble("facility"));
    assertNull(blank.getDouble("discrimination"), "nobody right: no correlation to report");
    assertEquals(4, q1.getLong("answered"));
  }

  @Test
  @DisplayName("the misconception view counts each answer, reads 三台 as 3, and names the commonest wrong one")
  void answerCounts() {
    JsonObject q3 = question(report(), CLOCKS.id());
    JsonObject counts = q3.getJsonObject("answers");
    assertEquals(1, counts.getInteger(String.valueOf(FIVE)));
    assertEquals(2, counts.getInteger("3"));
    assertEquals(1, counts.getInteger("4"));
    JsonObject wrong = q3.getJsonObject("mostCommonWrong");
    assertEquals("3", wrong.getString("key"));
    assertEquals(2, wrong.getInteger("count"));
    assertEquals(0.667, wrong.getDouble("shareOfWrong"), 1e-3);
    JsonObject q2 = question(report(), HARRISON.id()).getJsonObject("answers");
    assertEquals(2, q2.getInteger(R2));
    assertEquals(2, q2.getInteger(W2));
    assertEquals(0, q2.getInteger(U2), "every option is listed, also the ones nobody chose");
    ((SingleChoice) HARRISON.type()).options().forEach(o -> assertTrue(q2.containsKey(o.id()), o.id()));
    assertTrue(question(report(), CLOCKS.id()).getString("evidenceUrl").startsWith("/readings/pian-05?p="));
  }

  @Test
  @DisplayName("examples roll up: 高凤林 is known by three of four, 哈里森 mostly misread, and the weakest example is named")
  void examples() {
    JsonObject report = report();
    JsonArray examples = report.getJsonArray("examples");
    double gao = -1;
    double harrison = -1;
    for (Object o : examples) {
      JsonObject e = (JsonObject) o;
      if ("高凤林".equals(e.getString("example"))) {
        gao = e.getDouble("facility");
      }
      if ("哈里森".equals(e.getString("example"))) {
        harrison = e.getDouble("facility");
        assertEquals(4 * ALL_HARRISON.size(), e.getLong("responses"), "every 哈里森 question × four students");
      }
    }
    assertEquals(0.75, gao, 1e-9);
    assertEquals(3.0 / (4 * ALL_HARRISON.size()), harrison, 1e-9,
      "2 + 1 right answers of all the 哈里森 answers — the other 哈里森 questions are blank");
    double lowest = examples.getJsonObject(0).getDouble("facility");
    for (Object o : examples) {
      assertTrue(((JsonObject) o).getDouble("facility") >= lowest, "examples come weakest first");
    }
    assertEquals(examples.getJsonObject(0).getString("example"), report.getString("mostMisread"));
  }

  @Test
  @DisplayName("completion counts the class, and the distribution uses each student's kept (best) score")
  void completionAndDistribution() {
    JsonObject report = report();
    JsonObject completion = report.getJsonObject("completion");
    assertEquals(5, completion.getInteger("students"));
    assertEquals(4, completion.getInteger("submitted"));
    assertEquals("戊同学", completion.getJsonArray("notSubmitted").getJsonObject(0).getString("displayName"));
    JsonObject dist = report.getJsonObject("distribution");
    assertEquals(4, dist.getInteger("count"));
    int total = 0;
    for (Object o : dist.getJsonArray("bins")) {
      total += ((JsonObject) o).getInteger("count");
    }
    assertEquals(4, total);
    // kept scores: A 3, B 2, C 1, D 3 (best of 0 and 3)
    assertEquals(2.25, dist.getDouble("mean"), 1e-9);
    JsonArray bins = dist.getJsonArray("bins");
    assertEquals(2, bins.getJsonObject(3).getInteger("count"));
  }

  @Test
  @DisplayName("the gradebook keeps the best attempt, counts attempts and lists every student of the class")
  void gradebook() {
    HttpResponse<Buffer> r = server.get("/api/v1/classes/" + classId + "/gradebook?sort=total", teacher.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject gb = r.bodyAsJsonObject();
    assertEquals(1, gb.getJsonArray("assignments").size());
    JsonObject col = gb.getJsonArray("assignments").getJsonObject(0);
    assertEquals(assignmentId, col.getLong("id"));
    assertEquals("pian-05", col.getString("readingId"));
    JsonArray students = gb.getJsonArray("students");
    assertEquals(5, students.size());
    JsonObject first = students.getJsonObject(0);
    assertEquals(3.0, first.getDouble("total"), "sorted by total, highest first");
    JsonObject dRow = null;
    JsonObject absentRow = null;
    for (Object o : students) {
      JsonObject s = (JsonObject) o;
      if (s.getLong("id") == d.id()) {
        dRow = s;
      }
      if (s.getLong("id") == absent.id()) {
        absentRow = s;
      }
    }
    JsonObject cell = dRow.getJsonObject("results").getJsonObject(Long.toString(assignmentId));
    assertEquals(3.0, cell.getDouble("score"));
    assertEquals(2, cell.getInteger("attempts"));
    assertFalse(cell.getBoolean("late"));
    assertEquals(0, cell.getInteger("pending"));
    assertTrue(cell.getDouble("maxScore") > 3);
    assertNull(absentRow.getJsonObject("results").getJsonObject(Long.toString(assignmentId)).getValue("score"));
    assertEquals("戊同学", students.getJsonObject(4).getString("displayName"), "no score sorts last");
  }

  @Test
  @DisplayName("an assignment that keeps the latest score keeps the latest attempt, even when it is worse")
  void keepsLatest() {
    long latest = ResultsFixtures.assign(server, classId, "pian-05", 3, "latest");
    ResultsFixtures.submit(server, a, latest, answers(R1, R2, FIVE));
    long second = ResultsFixtures.submit(server, a, latest, answers(R1, U2, 4)).getLong("id");
    JsonObject gb = server.get("/api/v1/classes/" + classId + "/gradebook", teacher.token()).bodyAsJsonObject();
    JsonObject cell = gb.getJsonArray("students").stream().map(o -> (JsonObject) o)
      .filter(s -> s.getLong("id") == a.id()).findFirst().orElseThrow()
      .getJsonObject("results").getJsonObject(Long.toString(latest));
    assertEquals(1.0, cell.getDouble("score"));
    assertEquals(second, cell.getLong("attemptId"));
    assertEquals(2, cell.getInteger("attempts"));
    server.app.pool().query("DELETE FROM assignments WHERE id = " + latest).execute().await();
  }

  @Test
  @DisplayName("gradebook sorting: by name, by an assignment, and a clear 400 for anything else")
  void sorting() {
    for (String q : List.of("sort=name", "sort=" + assignmentId + "&dir=asc", "sort=total&dir=asc")) {
      assertEquals(200, server.get("/api/v1/classes/" + classId + "/gradebook?" + q, teacher.token()).statusCode(), q);
    }
    HttpResponse<Buffer> bad = server.get("/api/v1/classes/" + classId + "/gradebook?sort=password", teacher.token());
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsJsonObject().getString("error").contains("排序"));
    assertEquals(400, server.get("/api/v1/classes/" + classId + "/gradebook?sort=999999", teacher.token()).statusCode());
    assertEquals(400, server.get("/api/v1/classes/" + classId + "/gradebook?dir=sideways", teacher.token()).statusCode());
    HttpResponse<Buffer> page = server.get("/api/v1/classes/" + classId + "/gradebook?sort=" + assignmentId + "&dir=asc",
      teacher.token());
    JsonArray students = page.bodyAsJsonObject().getJsonArray("students");
    assertEquals(c.id(), students.getJsonObject(0).getLong("id"), "lowest score first when ascending");
  }

  @Test
  @DisplayName("a student sees their own results and nobody else's")
  void ownResults() {
    HttpResponse<Buffer> r = server.get("/api/v1/results", d.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray list = r.bodyAsJsonObject().getJsonArray("results");
    assertEquals(1, list.size());
    assertEquals(3.0, list.getJsonObject(0).getDouble("score"));
    assertEquals(2, list.getJsonObject(0).getInteger("attempts"));
    assertFalse(r.bodyAsString().contains("甲同学"));
    assertEquals(403, server.get("/api/v1/results", teacher.token()).statusCode());
  }
}
