package com.jiangxin.results;

import com.jiangxin.results.ResultsFixtures.Person;
import com.jiangxin.results.ResultsFixtures.Session;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nobody but the class's teacher reaches its results: not its students, not another teacher, not a stranger. */
class ResultsAccessTest {
  private static TestServer server;
  private static Person teacher;
  private static Person otherTeacher;
  private static Person student;
  private static Session studentSession;
  private static Session otherTeacherSession;
  private static long classId;
  private static long assignmentId;
  private static long attemptId;
  private static final String SECRET_NAME = "独一无二的名字";
  /** The student's answer: it appears in every results view, and must appear in no refusal. */
  /** 篇二's open question, which the student answers and the teachers try to grade. */
  private static final String OPEN = com.jiangxin.support.BuiltInBank.first("pian-02", com.jiangxin.quiz.ShortAnswer.class).id();
  private static final String SECRET_ANSWER = "勤劳是成功的基石。";

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = ResultsFixtures.teacher(server);
    otherTeacher = ResultsFixtures.teacher(server);
    student = ResultsFixtures.student(server, SECRET_NAME);
    classId = ResultsFixtures.createClass(server, teacher, "高二（1）班");
    ResultsFixtures.enrol(server, classId, student);
    assignmentId = ResultsFixtures.assign(server, classId, "pian-02", 1, "best");
    attemptId = ResultsFixtures.submit(server, student, assignmentId,
      new JsonObject().put(OPEN, SECRET_ANSWER)).getLong("id");
    studentSession = ResultsFixtures.session(server, student);
    otherTeacherSession = ResultsFixtures.session(server, otherTeacher);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A route as "METHOD path", with the ids of the fixture filled in. */
  static List<String> apiRoutes() {
    return List.of(
      "GET /api/v1/classes/{class}/gradebook",
      "GET /api/v1/classes/{class}/gradebook.csv",
      "GET /api/v1/assignments/{assignment}/report",
      "GET /api/v1/assignments/{assignment}/answers.csv",
      "GET /api/v1/assignments/{assignment}/grading",
      "POST /api/v1/attempts/{attempt}/grades");
  }

  static List<String> pageRoutes() {
    return List.of(
      "GET /classes/{class}/gradebook",
      "GET /classes/{class}/gradebook.csv",
      "GET /classes/{class}/students/{student}/results",
      "GET /assignments/{assignment}/report",
      "GET /assignments/{assignment}/answers.csv",
      "GET /assignments/{assignment}/grading",
      "POST /attempts/{attempt}/grades");
  }

  static List<String> callers() {
    return List.of("student", "other teacher");
  }

  static List<Object[]> apiCases() {
    List<Object[]> out = new ArrayList<>();
    for (String route : apiRoutes()) {
      for (String caller : callers()) {
        out.add(new Object[] {caller, route});
      }
    }
    return out;
  }

  static List<Object[]> pageCases() {
    List<Object[]> out = new ArrayList<>();
    for (String route : pageRoutes()) {
      for (String caller : callers()) {
        out.add(new Object[] {caller, route});
      }
    }
    return out;
  }

  private static String path(String route) {
    return route.substring(route.indexOf(' ') + 1).replace("{class}", Long.toString(classId))
      .replace("{assignment}", Long.toString(assignmentId)).replace("{attempt}", Long.toString(attemptId))
      .replace("{student}", Long.toString(student.id()));
  }

  private static JsonObject gradeBody() {
    return new JsonObject().put("questionId", OPEN).put("points", 3).put("comment", "好");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("apiCases")
  @DisplayName("the API refuses a student or another teacher with 403/404 and no data")
  void apiRefuses(String caller, String route) {
    String token = caller.equals("student") ? student.token() : otherTeacher.token();
    HttpResponse<Buffer> r = route.startsWith("POST")
      ? server.postJson(path(route), gradeBody(), token)
      : server.get(path(route), token);
    assertTrue(Set.of(403, 404).contains(r.statusCode()), route + " answered " + r.statusCode() + ": " + r.bodyAsString());
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"), "errors are JSON");
    assertFalse(r.bodyAsString().contains(SECRET_NAME));
    assertFalse(r.bodyAsString().contains(SECRET_ANSWER));
    assertTrue(r.bodyAsJsonObject().containsKey("error"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("pageCases")
  @DisplayName("the pages refuse a student or another teacher with 403/404 and no data")
  void pagesRefuse(String caller, String route) {
    Session s = caller.equals("student") ? studentSession : otherTeacherSession;
    HttpResponse<Buffer> r = route.startsWith("POST")
      ? ResultsFixtures.post(server, s, path(route), "questionId", OPEN, "points", "3")
      : ResultsFixtures.page(server, s, path(route));
    assertTrue(Set.of(403, 404).contains(r.statusCode()), route + " answered " + r.statusCode());
    assertFalse(r.bodyAsString().contains(SECRET_ANSWER));
    assertFalse(r.bodyAsString().contains("高二（1）班"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiRoutes")
  @DisplayName("without a login the API answers 401")
  void anonymous(String route) {
    HttpResponse<Buffer> r = route.startsWith("POST")
      ? server.postJson(path(route), gradeBody(), null)
      : server.get(path(route));
    assertEquals(401, r.statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiRoutes")
  @DisplayName("the class's own teacher is let in, and the grade was not changed by anyone else")
  void ownerAllowed(String route) {
    HttpResponse<Buffer> r = route.startsWith("POST")
      ? server.postJson(path(route), new JsonObject().put("questionId", OPEN).put("points", 2), teacher.token())
      : server.get(path(route), teacher.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pageRoutes")
  @DisplayName("foreign or malformed ids are 404, never 500")
  void badIds(String route) {
    if (route.startsWith("POST")) {
      return;
    }
    String bad = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[a-z]+}", "abc");
    HttpResponse<Buffer> r = server.get(bad.startsWith("/api") ? bad : "/api/v1" + bad.replace("/students/abc/results", ""),
      teacher.token());
    assertTrue(r.statusCode() == 404, bad + " answered " + r.statusCode());
    HttpResponse<Buffer> missing = server.get("/api/v1/assignments/987654/report", teacher.token());
    assertEquals(404, missing.statusCode());
  }
}
