package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.Accounts.Session;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class A (teacher A, student A) and class B (teacher B, student B): nobody reaches into the other
 * class, students reach no teacher route, and a refused call changes nothing.
 */
class ClassroomAccessTest {
  private static TestServer server;
  private static Login teacherA;
  private static Login teacherB;
  private static Login studentA;
  private static Login studentB;
  private static long classA;
  private static long classB;
  private static String codeA;
  private static long assignmentA;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacherA = Accounts.teacher(server);
    teacherB = Accounts.teacher(server);
    studentA = Accounts.student(server, "甲同学");
    studentB = Accounts.student(server, "乙同学");
    JsonObject a = ClassroomFixtures.createClass(server, teacherA, "甲班");
    JsonObject b = ClassroomFixtures.createClass(server, teacherB, "乙班");
    classA = a.getLong("id");
    classB = b.getLong("id");
    codeA = a.getString("joinCode");
    ClassroomFixtures.join(server, studentA, codeA);
    ClassroomFixtures.join(server, studentB, b.getString("joinCode"));
    assignmentA = ClassroomFixtures.assign(server, teacherA, classA, "pian-02").getLong("id");
    ClassroomFixtures.assign(server, teacherB, classB, "pian-05");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A route only the teacher of class A may use, with a body that would succeed for them. */
  record Route(String name, HttpMethod method, String path, JsonObject body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Route> teacherRoutes() {
    return Stream.of(
      new Route("GET roster", HttpMethod.GET, "/api/v1/classes/{A}/students", null),
      new Route("GET class", HttpMethod.GET, "/api/v1/classes/{A}", null),
      new Route("regenerate code", HttpMethod.POST, "/api/v1/classes/{A}/join-code", new JsonObject()),
      new Route("close code", HttpMethod.POST, "/api/v1/classes/{A}/join-code/close", new JsonObject()),
      new Route("open code", HttpMethod.POST, "/api/v1/classes/{A}/join-code/open", new JsonObject()),
      new Route("remove student", HttpMethod.DELETE, "/api/v1/classes/{A}/students/{studentA}", null),
      new Route("import roster", HttpMethod.POST, "/api/v1/classes/{A}/roster",
        new JsonObject().put("csv", "intruder01,闯入者")),
      new Route("create assignment", HttpMethod.POST, "/api/v1/classes/{A}/assignments",
        new JsonObject().put("readingId", "pian-01")),
      new Route("edit assignment", HttpMethod.PATCH, "/api/v1/assignments/{asg}",
        new JsonObject().put("maxAttempts", 9)),
      new Route("close assignment", HttpMethod.POST, "/api/v1/assignments/{asg}/close", new JsonObject()),
      new Route("reopen assignment", HttpMethod.POST, "/api/v1/assignments/{asg}/reopen", new JsonObject()));
  }

  private static HttpResponse<Buffer> call(Route route, String token) {
    String path = route.path().replace("{A}", Long.toString(classA))
      .replace("{studentA}", Long.toString(studentA.id())).replace("{asg}", Long.toString(assignmentA));
    HttpRequest<Buffer> req = TestServer.auth(server.client.request(route.method(), path), token);
    return route.body() == null ? req.send().await() : req.sendJsonObject(route.body()).await();
  }

  /** Class A as its teacher sees it, to prove a refused call changed nothing. */
  private static String stateOfA() {
    JsonObject c = server.get("/api/v1/classes/" + classA, teacherA.token()).bodyAsJsonObject();
    JsonArray roster = server.get("/api/v1/classes/" + classA + "/students", teacherA.token()).bodyAsJsonArray();
    JsonArray work = server.get("/api/v1/assignments", teacherA.token()).bodyAsJsonArray();
    return c.encode() + roster.encode() + work.encode();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("teacherRoutes")
  @DisplayName("another teacher gets 404 on class A's teacher routes, with no data, and nothing changes")
  void otherTeacherGets404(Route route) {
    String before = stateOfA();
    HttpResponse<Buffer> r = call(route, teacherB.token());
    assertEquals(404, r.statusCode(), r.bodyAsString());
    assertEquals(List.of("error"), List.copyOf(r.bodyAsJsonObject().fieldNames()));
    assertEquals(before, stateOfA());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("teacherRoutes")
  @DisplayName("a student of the class gets 403 (or 200 without the join code for GET class) and nothing changes")
  void studentIsRefused(Route route) {
    String before = stateOfA();
    HttpResponse<Buffer> r = call(route, studentA.token());
    if (route.name().equals("GET class")) {
      assertEquals(200, r.statusCode());
      assertFalse(r.bodyAsJsonObject().containsKey("joinCode"));
    } else {
      assertEquals(403, r.statusCode(), r.bodyAsString());
      assertTrue(r.bodyAsJsonObject().containsKey("error"));
    }
    assertEquals(before, stateOfA());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("teacherRoutes")
  @DisplayName("a student of another class gets 403 or 404, never data")
  void otherStudentIsRefused(Route route) {
    HttpResponse<Buffer> r = call(route, studentB.token());
    assertTrue(r.statusCode() == 403 || r.statusCode() == 404, route + " → " + r.statusCode());
    assertEquals(List.of("error"), List.copyOf(r.bodyAsJsonObject().fieldNames()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("teacherRoutes")
  @DisplayName("without a token every route is 401")
  void noToken(Route route) {
    assertEquals(401, call(route, null).statusCode());
  }

  @Test
  @DisplayName("a student of class B cannot see class A or its assignment, and lists only their own")
  void studentSeesOnlyOwnClass() {
    assertEquals(404, server.get("/api/v1/classes/" + classA, studentB.token()).statusCode());
    assertEquals(404, server.get("/api/v1/assignments/" + assignmentA, studentB.token()).statusCode());
    JsonArray mine = server.get("/api/v1/assignments", studentB.token()).bodyAsJsonArray();
    assertEquals(1, mine.size());
    assertEquals("pian-05", mine.getJsonObject(0).getString("readingId"));
    assertFalse(mine.getJsonObject(0).containsKey("completion"), "students see no class-wide counts");
    JsonArray classes = server.get("/api/v1/classes", studentB.token()).bodyAsJsonArray();
    assertEquals(1, classes.size());
    assertEquals(classB, classes.getJsonObject(0).getLong("id"));
  }

  @Test
  @DisplayName("another teacher's lists do not include class A or its assignments")
  void teacherListsAreTheirOwn() {
    JsonArray classes = server.get("/api/v1/classes", teacherB.token()).bodyAsJsonArray();
    assertEquals(1, classes.size());
    assertEquals(classB, classes.getJsonObject(0).getLong("id"));
    JsonArray work = server.get("/api/v1/assignments", teacherB.token()).bodyAsJsonArray();
    assertEquals(1, work.size());
    assertEquals(404, server.get("/api/v1/assignments/" + assignmentA, teacherB.token()).statusCode());
  }

  @Test
  @DisplayName("a student cannot create a class (403) and a non-numeric id is a 404, not a 500")
  void studentCannotCreateAndBadIds() {
    assertEquals(403, server.postJson("/api/v1/classes", new JsonObject().put("name", "学生班"), studentA.token()).statusCode());
    assertEquals(404, server.get("/api/v1/classes/abc/students", teacherA.token()).statusCode());
    assertEquals(404, server.get("/api/v1/assignments/99999999999999999999", teacherA.token()).statusCode());
    assertEquals(404, server.get("/api/v1/assignments/424242", teacherA.token()).statusCode());
  }

  @Test
  @DisplayName("pages: another teacher gets 404 for class A, its student 403, and foreign forms change nothing")
  void pages() {
    Session b = Accounts.session(server, teacherB);
    Session sa = Accounts.session(server, studentA);
    Session sb = Accounts.session(server, studentB);
    assertEquals(404, Accounts.get(server, b, "/classes/" + classA).statusCode());
    assertEquals(404, Accounts.get(server, b, "/classes/" + classA + "/code").statusCode());
    assertEquals(403, Accounts.get(server, sa, "/classes/" + classA).statusCode());
    assertEquals(404, Accounts.get(server, sb, "/assignments/" + assignmentA).statusCode());
    assertEquals(403, Accounts.get(server, sa, "/assignments/" + assignmentA + "/edit").statusCode());
    assertEquals(404, Accounts.get(server, b, "/assignments/" + assignmentA + "/edit").statusCode());

    String before = stateOfA();
    assertEquals(404, Accounts.post(server, b, "/classes/" + classA + "/join-code", Accounts.form()).statusCode());
    assertEquals(404, Accounts.post(server, b, "/classes/" + classA + "/join-code/close", Accounts.form()).statusCode());
    assertEquals(404, Accounts.post(server, b, "/classes/" + classA + "/students/" + studentA.id() + "/remove",
      Accounts.form()).statusCode());
    assertEquals(404, Accounts.post(server, b, "/classes/" + classA + "/roster", Accounts.form("csv", "x01,某某")).statusCode());
    assertEquals(404, Accounts.post(server, b, "/classes/" + classA + "/assignments",
      Accounts.form("readingId", "pian-01")).statusCode());
    assertEquals(404, Accounts.post(server, b, "/assignments/" + assignmentA + "/close", Accounts.form()).statusCode());
    assertEquals(403, Accounts.post(server, sa, "/assignments/" + assignmentA + "/close", Accounts.form()).statusCode());
    assertEquals(403, Accounts.post(server, sa, "/classes", Accounts.form("name", "学生班")).statusCode());
    assertEquals(before, stateOfA());
    assertEquals(200, Accounts.get(server, sa, "/assignments/" + assignmentA).statusCode());
  }
}
