package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignmentApiTest {
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static TestServer server;
  private static Login teacher;
  private static Login student;
  private static long classId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    student = Accounts.student(server, "陈欣怡");
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "高一（3）班");
    classId = c.getLong("id");
    ClassroomFixtures.join(server, student, c.getString("joinCode"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String iso(OffsetDateTime t) {
    return t.withNano(0).toString();
  }

  private static HttpResponse<Buffer> create(JsonObject body) {
    return server.postJson("/api/v1/classes/" + classId + "/assignments", body, teacher.token());
  }

  static Stream<Object[]> invalidBodies() {
    return Stream.of(
      new Object[] {"no readingId", new JsonObject(), "readingId"},
      new Object[] {"unknown readingId", new JsonObject().put("readingId", "pian-99"), "pian-99"},
      new Object[] {"bad feedback", new JsonObject().put("readingId", "pian-02").put("feedback", "sometimes"), "feedback"},
      new Object[] {"maxAttempts 0", new JsonObject().put("readingId", "pian-02").put("maxAttempts", 0), "maxAttempts"},
      new Object[] {"maxAttempts 21", new JsonObject().put("readingId", "pian-02").put("maxAttempts", 21), "maxAttempts"},
      new Object[] {"maxAttempts 2.5", new JsonObject().put("readingId", "pian-02").put("maxAttempts", 2.5), "maxAttempts"},
      new Object[] {"maxAttempts text", new JsonObject().put("readingId", "pian-02").put("maxAttempts", "many"), "maxAttempts"},
      new Object[] {"due before open", new JsonObject().put("readingId", "pian-02")
        .put("opensAt", "2026-12-02T08:00:00+08:00").put("dueAt", "2026-12-01T20:00:00+08:00"), "dueAt"},
      new Object[] {"unreadable time", new JsonObject().put("readingId", "pian-02").put("dueAt", "next friday"), "dueAt"},
      new Object[] {"a time beyond any calendar", new JsonObject().put("readingId", "pian-02")
        .put("dueAt", "+999999999-12-31T23:59:59+08:00"), "dueAt"},
      new Object[] {"a time in 1970", new JsonObject().put("readingId", "pian-02").put("dueAt", "1970-01-01T08:00"), "2000"},
      new Object[] {"time as a number", new JsonObject().put("readingId", "pian-02").put("dueAt", 1234), "dueAt"},
      new Object[] {"bad keepScore", new JsonObject().put("readingId", "pian-02").put("keepScore", "average"), "keepScore"},
      new Object[] {"shuffle not boolean", new JsonObject().put("readingId", "pian-02").put("shuffle", "yes"), "shuffle"},
      new Object[] {"instructions too long", new JsonObject().put("readingId", "pian-02")
        .put("instructions", "读".repeat(2001)), "2000"},
      new Object[] {"after_due without a due time", new JsonObject().put("readingId", "pian-02")
        .put("feedback", "after_due"), "dueAt"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  @DisplayName("an invalid assignment is a 400 whose message names the problem, and nothing is created")
  void validation(String name, JsonObject body, String mentioned) {
    int before = server.get("/api/v1/assignments", teacher.token()).bodyAsJsonArray().size();
    HttpResponse<Buffer> r = create(body);
    assertEquals(400, r.statusCode(), r.bodyAsString());
    String error = r.bodyAsJsonObject().getString("error");
    assertTrue(error.contains(mentioned), error);
    assertEquals(before, server.get("/api/v1/assignments", teacher.token()).bodyAsJsonArray().size());
  }

  @Test
  @DisplayName("defaults: open at once, no due time, one attempt, immediate feedback, best score, options shuffled")
  void defaults() {
    HttpResponse<Buffer> r = create(new JsonObject().put("readingId", "pian-02"));
    assertEquals(201, r.statusCode());
    JsonObject a = r.bodyAsJsonObject();
    assertEquals("pian-02", a.getString("readingId"));
    assertFalse(a.getString("readingTitle").isBlank());
    assertEquals("高一（3）班", a.getString("className"));
    assertEquals(classId, a.getLong("classId"));
    assertNull(a.getString("opensAt"));
    assertNull(a.getString("dueAt"));
    assertEquals(1, a.getInteger("maxAttempts"));
    assertEquals("immediate", a.getString("feedback"));
    assertEquals("best", a.getString("keepScore"));
    assertTrue(a.getBoolean("shuffle"), "options are shuffled unless the teacher turns it off");
    assertFalse(a.getBoolean("closed"));
    assertEquals(new JsonObject().put("submitted", 0).put("students", 1), a.getJsonObject("completion"));
  }

  @Test
  @DisplayName("a time without an offset is China time; times come back as ISO-8601 with +08:00")
  void localTimes() {
    JsonObject a = create(new JsonObject().put("readingId", "pian-05").put("opensAt", "2026-12-01T08:00")
      .put("dueAt", "2026-12-01T12:00:00Z").put("maxAttempts", 3).put("feedback", "after_due")
      .put("instructions", "读第 3 段。").put("shuffle", true).put("keepScore", "latest")).bodyAsJsonObject();
    assertEquals("2026-12-01T08:00:00+08:00", a.getString("opensAt"));
    assertEquals("2026-12-01T20:00:00+08:00", a.getString("dueAt"));
    assertEquals(3, a.getInteger("maxAttempts"));
    assertEquals("after_due", a.getString("feedback"));
    assertEquals("读第 3 段。", a.getString("instructions"));
    assertTrue(a.getBoolean("shuffle"));
    assertEquals("latest", a.getString("keepScore"));
    JsonObject seen = server.get("/api/v1/assignments/" + a.getLong("id"), student.token()).bodyAsJsonObject();
    assertEquals("2026-12-01T20:00:00+08:00", seen.getString("dueAt"));
    assertEquals("latest", seen.getString("keepScore"));
  }

  @Test
  @DisplayName("a student sees to do, overdue and upcoming by the clock, and done once an attempt is submitted")
  void studentStatus() {
    Login t = Accounts.teacher(server);
    Login s = Accounts.student(server);
    JsonObject c = ClassroomFixtures.createClass(server, t, "状态班");
    ClassroomFixtures.join(server, s, c.getString("joinCode"));
    long cid = c.getLong("id");
    OffsetDateTime now = OffsetDateTime.now(CHINA);
    long todo = ClassroomFixtures.assign(server, t, cid, new JsonObject().put("readingId", "pian-01")
      .put("dueAt", iso(now.plusDays(2)))).getLong("id");
    long overdue = ClassroomFixtures.assign(server, t, cid, new JsonObject().put("readingId", "pian-02")
      .put("opensAt", iso(now.minusDays(3))).put("dueAt", iso(now.minusDays(1)))).getLong("id");
    long upcoming = ClassroomFixtures.assign(server, t, cid, new JsonObject().put("readingId", "pian-03")
      .put("opensAt", iso(now.plusDays(1))).put("dueAt", iso(now.plusDays(5)))).getLong("id");
    long done = ClassroomFixtures.assign(server, t, cid, new JsonObject().put("readingId", "pian-04")
      .put("dueAt", iso(now.minusHours(1)))).getLong("id");
    ClassroomFixtures.insertAttempt(server, done, "pian-04", s.id(), "submitted");
    ClassroomFixtures.insertAttempt(server, todo, "pian-01", s.id(), "in_progress");

    Map<Long, String> status = new HashMap<>();
    server.get("/api/v1/assignments", s.token()).bodyAsJsonArray()
      .forEach(o -> status.put(((JsonObject) o).getLong("id"), ((JsonObject) o).getString("status")));
    assertEquals(Map.of(todo, "todo", overdue, "overdue", upcoming, "upcoming", done, "done"), status);
    assertEquals("done", server.get("/api/v1/assignments/" + done, s.token()).bodyAsJsonObject().getString("status"));
  }

  @Test
  @DisplayName("a teacher sees completion: students with a submitted attempt out of the class size")
  void teacherCompletion() {
    Login t = Accounts.teacher(server);
    JsonObject c = ClassroomFixtures.createClass(server, t, "完成度班");
    long cid = c.getLong("id");
    Login s1 = Accounts.student(server);
    Login s2 = Accounts.student(server);
    Login s3 = Accounts.student(server);
    for (Login s : new Login[] {s1, s2, s3}) {
      ClassroomFixtures.join(server, s, c.getString("joinCode"));
    }
    long id = ClassroomFixtures.assign(server, t, cid, "pian-02").getLong("id");
    ClassroomFixtures.insertAttempt(server, id, "pian-02", s1.id(), "submitted");
    ClassroomFixtures.insertAttempt(server, id, "pian-02", s1.id(), "submitted");
    ClassroomFixtures.insertAttempt(server, id, "pian-02", s2.id(), "in_progress");

    JsonObject completion = server.get("/api/v1/assignments/" + id, t.token()).bodyAsJsonObject().getJsonObject("completion");
    assertEquals(new JsonObject().put("submitted", 1).put("students", 3), completion, "two attempts by one student count once");
    JsonArray list = server.get("/api/v1/assignments", t.token()).bodyAsJsonArray();
    assertEquals(completion, list.getJsonObject(0).getJsonObject("completion"));

    ClassroomFixtures.insertAttempt(server, id, "pian-02", s3.id(), "submitted");
    assertEquals(204, server.delete("/api/v1/classes/" + cid + "/students/" + s3.id(), t.token()).statusCode());
    assertEquals(new JsonObject().put("submitted", 1).put("students", 2),
      server.get("/api/v1/assignments/" + id, t.token()).bodyAsJsonObject().getJsonObject("completion"),
      "a removed student counts neither way");
  }

  @Test
  @DisplayName("PATCH changes only the named fields, null clears a time, and an invalid edit changes nothing")
  void edit() {
    long id = create(new JsonObject().put("readingId", "pian-06").put("dueAt", "2026-12-10T20:00")
      .put("instructions", "先读一遍")).bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> r = server.patchJson("/api/v1/assignments/" + id,
      new JsonObject().put("maxAttempts", 5).put("dueAt", "2026-12-11T21:30"), teacher.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject a = r.bodyAsJsonObject();
    assertEquals(5, a.getInteger("maxAttempts"));
    assertEquals("2026-12-11T21:30:00+08:00", a.getString("dueAt"));
    assertEquals("先读一遍", a.getString("instructions"));
    assertEquals("pian-06", a.getString("readingId"));

    JsonObject cleared = server.patchJson("/api/v1/assignments/" + id,
      new JsonObject().putNull("dueAt").putNull("instructions"), teacher.token()).bodyAsJsonObject();
    assertNull(cleared.getString("dueAt"));
    assertNull(cleared.getString("instructions"));

    HttpResponse<Buffer> bad = server.patchJson("/api/v1/assignments/" + id,
      new JsonObject().put("maxAttempts", 50).put("feedback", "never"), teacher.token());
    assertEquals(400, bad.statusCode());
    JsonObject after = server.get("/api/v1/assignments/" + id, teacher.token()).bodyAsJsonObject();
    assertEquals(5, after.getInteger("maxAttempts"));
    assertEquals("immediate", after.getString("feedback"));
  }

  @Test
  @DisplayName("a teacher closes and reopens an assignment; the student sees it closed")
  void closeAndReopen() {
    long id = create(new JsonObject().put("readingId", "pian-07")).bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> r = server.postJson("/api/v1/assignments/" + id + "/close", new JsonObject(), teacher.token());
    assertEquals(200, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getBoolean("closed"));
    assertTrue(server.get("/api/v1/assignments/" + id, student.token()).bodyAsJsonObject().getBoolean("closed"));
    assertFalse(server.postJson("/api/v1/assignments/" + id + "/reopen", new JsonObject(), teacher.token())
      .bodyAsJsonObject().getBoolean("closed"));
  }

  @Test
  @DisplayName("a student member reads one assignment with every documented field")
  void studentReadsOne() {
    long id = create(new JsonObject().put("readingId", "pian-02").put("instructions", "注意路遥")).bodyAsJsonObject().getLong("id");
    JsonObject a = server.get("/api/v1/assignments/" + id, student.token()).bodyAsJsonObject();
    for (String field : new String[] {"id", "classId", "className", "readingId", "readingTitle", "opensAt", "dueAt",
      "maxAttempts", "feedback", "instructions", "shuffle", "keepScore", "closed", "status"}) {
      assertTrue(a.containsKey(field), field);
    }
    assertEquals("todo", a.getString("status"));
    assertEquals(403, server.patchJson("/api/v1/assignments/" + id, new JsonObject().put("maxAttempts", 3),
      student.token()).statusCode());
  }
}
