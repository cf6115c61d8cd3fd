package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.Accounts.Session;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classroom pages with plain HTML forms, as a browser without JavaScript uses them. */
class ClassroomPagesTest {
  private static TestServer server;
  private static Login teacher;
  private static Session teacherSession;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    teacherSession = Accounts.session(server, teacher);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Creates a class with the dashboard form; returns its id. */
  private static long createClassWithForm(String name) {
    HttpResponse<Buffer> r = Accounts.post(server, teacherSession, "/classes", Accounts.form("name", name));
    assertEquals(303, r.statusCode(), r.bodyAsString());
    Matcher m = Pattern.compile("^/classes/(\\d+)").matcher(r.getHeader("Location"));
    assertTrue(m.find(), r.getHeader("Location"));
    return Long.parseLong(m.group(1));
  }

  private static String codeOf(long classId) {
    return server.get("/api/v1/classes/" + classId, teacher.token()).bodyAsJsonObject().getString("joinCode");
  }

  @Test
  @DisplayName("pages need a login: /dashboard and /classes/1 redirect to /login, /join explains what to do")
  void anonymous() {
    HttpResponse<Buffer> r = server.get("/dashboard");
    assertEquals(303, r.statusCode());
    assertTrue(r.getHeader("Location").startsWith("/login?next="));
    assertEquals(303, server.get("/classes/1").statusCode());
    HttpResponse<Buffer> join = server.get("/join?code=abc234");
    assertEquals(200, join.statusCode());
    assertTrue(join.bodyAsString().contains("/register?role=student"));
    assertTrue(join.bodyAsString().contains("/login?next&#x3D;%2Fjoin%3Fcode%3DABC234"), "after login the code is kept");
  }

  @Test
  @DisplayName("a teacher creates a class with the form, sees its code large, and user text is escaped")
  void createClassAndEscape() {
    long id = createClassWithForm("<script>alert(1)</script>三班");
    HttpResponse<Buffer> page = Accounts.get(server, teacherSession, "/classes/" + id + "?ok=created");
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertFalse(html.contains("<script>alert(1)"), "class names are escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;三班"));
    String code = codeOf(id);
    assertTrue(html.contains(code.substring(0, 3)) && html.contains(code.substring(3)), "the join code is on the page");
    assertTrue(html.contains("班级已创建"), "the confirmation shows after the redirect");
    HttpResponse<Buffer> dash = Accounts.get(server, teacherSession, "/dashboard");
    assertEquals(200, dash.statusCode());
    assertTrue(dash.bodyAsString().contains("/classes/" + id));
    assertEquals(200, Accounts.get(server, teacherSession, "/classes/" + id + "/code").statusCode());
  }

  @Test
  @DisplayName("a blank class name re-shows the dashboard with a 400 and a message")
  void blankClassName() {
    HttpResponse<Buffer> r = Accounts.post(server, teacherSession, "/classes", Accounts.form("name", "   "));
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsString().contains("请填写班级名称"));
  }

  @Test
  @DisplayName("regenerate, close and reopen with forms answer 303 and do what they say")
  void joinCodeForms() {
    long id = createClassWithForm("代码班");
    String before = codeOf(id);
    HttpResponse<Buffer> r = Accounts.post(server, teacherSession, "/classes/" + id + "/join-code", Accounts.form());
    assertEquals(303, r.statusCode());
    assertNotEquals(before, codeOf(id));
    assertEquals(303, Accounts.post(server, teacherSession, "/classes/" + id + "/join-code/close", Accounts.form()).statusCode());
    assertFalse(server.get("/api/v1/classes/" + id, teacher.token()).bodyAsJsonObject().getBoolean("joinOpen"));
    assertTrue(Accounts.get(server, teacherSession, "/classes/" + id).bodyAsString().contains("已停止加入"));
    assertEquals(303, Accounts.post(server, teacherSession, "/classes/" + id + "/join-code/open", Accounts.form()).statusCode());
    assertTrue(server.get("/api/v1/classes/" + id, teacher.token()).bodyAsJsonObject().getBoolean("joinOpen"));
  }

  @Test
  @DisplayName("a form without its CSRF token is refused with 403 and changes nothing")
  void csrf() {
    long id = createClassWithForm("令牌班");
    String before = codeOf(id);
    HttpResponse<Buffer> r = server.client.post("/classes/" + id + "/join-code")
      .putHeader("Cookie", "jx_sid=" + teacherSession.sid()).sendForm(Accounts.form()).await();
    assertEquals(403, r.statusCode());
    assertEquals(before, codeOf(id));
  }

  @Test
  @DisplayName("the assignment form takes China local times; a bad form is a 400 that keeps what was typed")
  void assignmentForm() {
    long id = createClassWithForm("布置班");
    HttpResponse<Buffer> bad = Accounts.post(server, teacherSession, "/classes/" + id + "/assignments",
      Accounts.form("readingId", "pian-02", "opensAt", "2026-12-02T08:00", "dueAt", "2026-12-01T20:00",
        "maxAttempts", "2", "feedback", "immediate", "keepScore", "best", "instructions", "读第三段"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("截止时间"), "the message says what is wrong");
    assertTrue(bad.bodyAsString().contains("读第三段"), "the instructions are kept");
    assertTrue(bad.bodyAsString().contains("value=\"2026-12-01T20:00\""), "the times are kept");

    HttpResponse<Buffer> ok = Accounts.post(server, teacherSession, "/classes/" + id + "/assignments",
      Accounts.form("readingId", "pian-02", "opensAt", "", "dueAt", "2026-12-01T20:00", "maxAttempts", "2",
        "feedback", "after_due", "keepScore", "latest", "shuffle", "1", "instructions", "注意路遥"));
    assertEquals(303, ok.statusCode(), ok.bodyAsString());
    JsonObject a = server.get("/api/v1/assignments", teacher.token()).bodyAsJsonArray().stream()
      .map(o -> (JsonObject) o).filter(o -> o.getLong("classId") == id).findFirst().orElseThrow();
    assertEquals("2026-12-01T20:00:00+08:00", a.getString("dueAt"));
    assertEquals("after_due", a.getString("feedback"));
    assertEquals("latest", a.getString("keepScore"));
    assertTrue(a.getBoolean("shuffle"));
    assertEquals(2, a.getInteger("maxAttempts"));

    long aid = a.getLong("id");
    HttpResponse<Buffer> edit = Accounts.get(server, teacherSession, "/assignments/" + aid + "/edit");
    assertEquals(200, edit.statusCode());
    assertTrue(edit.bodyAsString().contains("value=\"2026-12-01T20:00\""), "the edit form shows China time");
    HttpResponse<Buffer> saved = Accounts.post(server, teacherSession, "/assignments/" + aid,
      Accounts.form("readingId", "pian-05", "dueAt", "2026-12-03T21:00", "maxAttempts", "3", "feedback", "never",
        "keepScore", "best"));
    assertEquals(303, saved.statusCode());
    JsonObject after = server.get("/api/v1/assignments/" + aid, teacher.token()).bodyAsJsonObject();
    assertEquals("pian-05", after.getString("readingId"));
    assertEquals("2026-12-03T21:00:00+08:00", after.getString("dueAt"));
    assertFalse(after.getBoolean("shuffle"), "an unticked box turns shuffle off");
    assertEquals(303, Accounts.post(server, teacherSession, "/assignments/" + aid + "/close", Accounts.form()).statusCode());
    assertTrue(server.get("/api/v1/assignments/" + aid, teacher.token()).bodyAsJsonObject().getBoolean("closed"));
    assertEquals(400, Accounts.post(server, teacherSession, "/assignments/" + aid,
      Accounts.form("readingId", "pian-05", "maxAttempts", "abc")).statusCode());
  }

  @Test
  @DisplayName("a student joins with the form (any case, spaces), lands on the dashboard and sees the assignment with a status")
  void studentJoinsAndSeesWork() {
    long id = createClassWithForm("高一（3）班");
    Accounts.post(server, teacherSession, "/classes/" + id + "/assignments",
      Accounts.form("readingId", "pian-02", "dueAt", "2099-06-01T20:00", "maxAttempts", "1", "feedback", "immediate",
        "keepScore", "best", "instructions", "重点看路遥和方仲永"));
    Login student = Accounts.student(server, "王子涵");
    Session s = Accounts.session(server, student);
    String code = codeOf(id);

    HttpResponse<Buffer> wrong = Accounts.post(server, s, "/join", Accounts.form("code", "ZZZ ZZZ"));
    assertEquals(404, wrong.statusCode());
    assertTrue(wrong.bodyAsString().contains("班级码"), "a clear message, not an error page");
    assertTrue(wrong.bodyAsString().contains("ZZZ ZZZ"), "what was typed is kept");

    String typed = code.substring(0, 3).toLowerCase(Locale.ROOT) + " " + code.substring(3).toLowerCase(Locale.ROOT);
    HttpResponse<Buffer> joined = Accounts.post(server, s, "/join", Accounts.form("code", typed));
    assertEquals(303, joined.statusCode());
    assertEquals("/dashboard?joined=" + id, joined.getHeader("Location"));

    String dash = Accounts.get(server, s, joined.getHeader("Location")).bodyAsString();
    assertTrue(dash.contains("已加入“高一（3）班”"));
    assertTrue(dash.contains("待完成"), "the status chip");
    assertTrue(dash.contains("href=\"/readings/pian-02\""), "a link to the reading");
    JsonArray mine = server.get("/api/v1/assignments", student.token()).bodyAsJsonArray();
    long aid = mine.getJsonObject(0).getLong("id");
    assertTrue(dash.contains("href=\"/assignments/" + aid + "\""), "a link to take the quiz");
    assertTrue(dash.contains("2099年6月1日 20:00"), "due time in China time");

    String page = Accounts.get(server, s, "/assignments/" + aid).bodyAsString();
    assertTrue(page.contains("重点看路遥和方仲永"));
    assertTrue(page.contains("id=\"quiz\""), "the mount point for taking the quiz");

    String teacherDash = Accounts.get(server, teacherSession, "/dashboard").bodyAsString();
    assertTrue(teacherDash.contains("0/1 已交"), "completion at a glance");

    HttpResponse<Buffer> removed = Accounts.post(server, teacherSession, "/classes/" + id + "/students/" + student.id() + "/remove",
      Accounts.form());
    assertEquals(303, removed.statusCode());
    assertEquals(404, Accounts.get(server, s, "/assignments/" + aid).statusCode(), "a removed student no longer sees it");
  }

  @Test
  @DisplayName("a teacher posting to /join gets a 403 page; junk ids are 404 pages, never 500")
  void refusals() {
    HttpResponse<Buffer> r = Accounts.post(server, teacherSession, "/join", Accounts.form("code", "ABC234"));
    assertEquals(403, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/html"));
    assertEquals(404, Accounts.get(server, teacherSession, "/classes/abc").statusCode());
    assertEquals(404, Accounts.get(server, teacherSession, "/assignments/99999").statusCode());
    assertEquals(404, Accounts.post(server, teacherSession, "/classes/1/students/xyz/remove", Accounts.form()).statusCode());
  }
}
