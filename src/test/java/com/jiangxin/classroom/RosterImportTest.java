package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.Accounts.Session;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterImportTest {
  private static TestServer server;
  private static Login teacher;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long newClass() {
    return ClassroomFixtures.createClass(server, teacher, "导入班").getLong("id");
  }

  private static HttpResponse<Buffer> importCsv(long classId, byte[] csv) {
    return server.client.post("/api/v1/classes/" + classId + "/roster")
      .putHeader("Authorization", "Bearer " + teacher.token())
      .putHeader("Content-Type", "text/csv; charset=utf-8")
      .sendBuffer(Buffer.buffer(csv)).await();
  }

  private static HttpResponse<Buffer> importCsv(long classId, String csv) {
    return importCsv(classId, csv.getBytes(StandardCharsets.UTF_8));
  }

  private static int loginStatus(String username, String password) {
    return server.postJson("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password), null)
      .statusCode();
  }

  @Test
  @DisplayName("a UTF-8 file with BOM, header, Chinese names and a quoted comma creates the students with one-time passwords")
  void importsTheUsualFile() {
    long id = newClass();
    String u1 = Accounts.uniqueUsername("zhang");
    String u2 = Accounts.uniqueUsername("wang");
    String csv = "\uFEFFusername,display name\r\n" + u1 + ",张三丰\r\n\"" + u2 + "\",\"Wang, Fang\"\r\n";
    HttpResponse<Buffer> r = importCsv(id, csv);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    assertEquals("no-store", r.getHeader("Cache-Control"));
    JsonArray created = r.bodyAsJsonObject().getJsonArray("created");
    assertEquals(2, created.size());
    assertEquals(u1, created.getJsonObject(0).getString("username"));
    assertEquals("张三丰", created.getJsonObject(0).getString("displayName"));
    assertEquals("Wang, Fang", created.getJsonObject(1).getString("displayName"));
    String password = created.getJsonObject(0).getString("initialPassword");
    assertEquals(10, password.length());
    assertEquals(List.of(), r.bodyAsJsonObject().getJsonArray("errors").getList());

    JsonArray roster = server.get("/api/v1/classes/" + id + "/students", teacher.token()).bodyAsJsonArray();
    assertEquals(2, roster.size());
    assertFalse(roster.encode().contains(password), "the roster never shows passwords again");

    String token = Accounts.token(server, u1, password);
    JsonObject me = server.get("/api/v1/me", token).bodyAsJsonObject();
    assertTrue(me.getBoolean("mustChangePassword"));
    assertEquals("student", me.getString("role"));
    assertEquals(1, server.get("/api/v1/classes", token).bodyAsJsonArray().size());
  }

  @Test
  @DisplayName("an imported student logging in on the web is sent to /account to change the initial password")
  void firstLoginMustChangePassword() {
    long id = newClass();
    String u = Accounts.uniqueUsername("li");
    JsonObject created = importCsv(id, u + ",李四\n").bodyAsJsonObject().getJsonArray("created").getJsonObject(0);
    HttpResponse<Buffer> page = server.get("/login");
    String sid = page.cookies().stream().filter(c -> c.startsWith("jx_sid=")).findFirst().orElseThrow();
    sid = sid.substring(7, sid.indexOf(';'));
    HttpResponse<Buffer> login = server.client.post("/login").putHeader("Cookie", "jx_sid=" + sid)
      .sendForm(Accounts.form("username", u, "password", created.getString("initialPassword"),
        "csrf", Accounts.csrfOf(page.bodyAsString()))).await();
    assertEquals(303, login.statusCode());
    assertTrue(login.getHeader("Location").startsWith("/account"), login.getHeader("Location"));
  }

  @Test
  @DisplayName("a bad row is reported with its line number and nothing at all is imported")
  void badRowImportsNothing() {
    long id = newClass();
    String good = Accounts.uniqueUsername("good");
    HttpResponse<Buffer> r = importCsv(id, "用户名,姓名\n" + good + ",好学生\nnoname\n");
    assertEquals(400, r.statusCode());
    JsonObject body = r.bodyAsJsonObject();
    assertFalse(body.getString("error").isBlank());
    JsonObject problem = body.getJsonArray("errors").getJsonObject(0);
    assertEquals(3, problem.getInteger("line"));
    assertEquals(0, body.getJsonArray("created").size());
    assertEquals(0, server.get("/api/v1/classes/" + id + "/students", teacher.token()).bodyAsJsonArray().size());
    assertEquals(401, loginStatus(good, "whatever-password"));
  }

  @Test
  @DisplayName("a roster only creates accounts: another teacher's student is a row error, enrolled nowhere and not revealed")
  void existingUsernamesAreRowErrors() {
    long mine = newClass();
    Login student = Accounts.student(server, "欧阳秘密");
    ClassroomFixtures.join(server, student,
      server.get("/api/v1/classes/" + mine, teacher.token()).bodyAsJsonObject().getString("joinCode"));
    Login teacherB = Accounts.teacher(server);
    long theirs = ClassroomFixtures.createClass(server, teacherB, "别人的班").getLong("id");
    String fresh = Accounts.uniqueUsername("fresh");

    HttpResponse<Buffer> refused = server.client.post("/api/v1/classes/" + theirs + "/roster")
      .putHeader("Authorization", "Bearer " + teacherB.token()).putHeader("Content-Type", "text/csv; charset=utf-8")
      .sendBuffer(Buffer.buffer(fresh + ",新同学\n" + student.username() + ",随便写\n")).await();
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    JsonObject problem = refused.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
    assertEquals(2, problem.getInteger("line"));
    assertEquals("已有此账号：请让学生用班级码加入", problem.getString("error"));
    assertFalse(refused.bodyAsString().contains("欧阳秘密"), "teacher B learns nothing about the student");
    assertEquals(0, refused.bodyAsJsonObject().getJsonArray("enrolled").size());
    assertEquals(0, server.get("/api/v1/classes/" + theirs + "/students", teacherB.token()).bodyAsJsonArray().size(),
      "no one was enrolled in teacher B's class");
    assertEquals(401, loginStatus(fresh, "anything-at-all"), "the valid row was not half-imported");
    JsonArray studentsClasses = server.get("/api/v1/classes", student.token()).bodyAsJsonArray();
    assertEquals(1, studentsClasses.size(), "the student is still only in their own teacher's class");
    assertEquals(200, loginStatus(student.username(), Accounts.PASSWORD), "the student's password is untouched");

    Session sessionB = Accounts.session(server, teacherB);
    HttpResponse<Buffer> page = Accounts.post(server, sessionB, "/classes/" + theirs + "/roster",
      Accounts.form("csv", student.username() + ",随便写\n"));
    assertEquals(400, page.statusCode());
    assertTrue(page.bodyAsString().contains("已有此账号：请让学生用班级码加入"), "the page says the same");
    assertFalse(page.bodyAsString().contains("欧阳秘密"));
  }

  @Test
  @DisplayName("a teacher's username, or a student already imported into this class, gets the same row error")
  void everyExistingUsernameIsTheSameError() {
    long id = newClass();
    Login otherTeacher = Accounts.teacher(server);
    String fresh = Accounts.uniqueUsername("fresh");
    assertEquals(201, importCsv(id, fresh + ",新同学\n").statusCode());

    HttpResponse<Buffer> refused = importCsv(id, otherTeacher.username() + ",冒名\n" + fresh + ",新同学\n");
    assertEquals(400, refused.statusCode());
    JsonArray errors = refused.bodyAsJsonObject().getJsonArray("errors");
    assertEquals(2, errors.size());
    for (int i = 0; i < 2; i++) {
      assertEquals("已有此账号：请让学生用班级码加入", errors.getJsonObject(i).getString("error"));
    }
    assertEquals(1, server.get("/api/v1/classes/" + id + "/students", teacher.token()).bodyAsJsonArray().size());
  }

  @Test
  @DisplayName("the roster can be sent as JSON {\"csv\"}, and a file that is not UTF-8 is a clear 400")
  void jsonAndEncoding() {
    long id = newClass();
    String u = Accounts.uniqueUsername("json");
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/" + id + "/roster",
      new JsonObject().put("csv", u + ",周佳怡"), teacher.token());
    assertEquals(201, r.statusCode());
    byte[] gbk = (Accounts.uniqueUsername("gbk") + ",李四\n").getBytes(java.nio.charset.Charset.forName("GBK"));
    HttpResponse<Buffer> bad = importCsv(id, gbk);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsJsonObject().getString("error").contains("UTF-8"));
    assertEquals(400, server.postJson("/api/v1/classes/" + id + "/roster", new JsonObject(), teacher.token()).statusCode());
  }

  @Test
  @DisplayName("the import form answers with printable login slips: class, name, username, password and site address")
  void slipsPage() {
    long id = newClass();
    Session session = Accounts.session(server, teacher);
    String u = Accounts.uniqueUsername("slip");
    HttpResponse<Buffer> page = Accounts.post(server, session, "/classes/" + id + "/roster",
      Accounts.form("csv", "username,name\n" + u + ",欧阳娜娜\n"));
    assertEquals(200, page.statusCode());
    assertEquals("no-store", page.getHeader("Cache-Control"));
    String html = page.bodyAsString();
    assertTrue(html.contains("class=\"slip\""), "one slip per student");
    assertTrue(html.contains("导入班") && html.contains("欧阳娜娜") && html.contains(u));
    assertTrue(html.contains("http://localhost:" + server.port() + "/join"), "the site address is on the slip");
    JsonArray roster = server.get("/api/v1/classes/" + id + "/students", teacher.token()).bodyAsJsonArray();
    assertEquals(1, roster.size());

    HttpResponse<Buffer> bad = Accounts.post(server, session, "/classes/" + id + "/roster",
      Accounts.form("csv", "ok-name,好\nBAD NAME!,坏\n"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("第 2 行"), "the page names the bad line");
    assertTrue(bad.bodyAsString().contains("BAD NAME!"), "the pasted text is kept for correcting");
  }

  @Test
  @DisplayName("a 40-row import hashes off the event loop: the server keeps answering while it runs")
  void largeImportDoesNotFreeze() throws Exception {
    long id = newClass();
    StringBuilder csv = new StringBuilder("username,display name\n");
    for (int i = 1; i <= 40; i++) {
      csv.append(Accounts.uniqueUsername("bulk")).append(",学生").append(i).append('\n');
    }
    long started = System.nanoTime();
    Future<HttpResponse<Buffer>> running = server.client.post("/api/v1/classes/" + id + "/roster")
      .putHeader("Authorization", "Bearer " + teacher.token()).putHeader("Content-Type", "text/csv")
      .sendBuffer(Buffer.buffer(csv.toString()));
    Thread.sleep(150);
    long healthAt = 0;
    for (int i = 0; i < 3 && !running.isComplete(); i++) {
      long t0 = System.nanoTime();
      assertEquals(200, server.get("/health").statusCode());
      healthAt = System.nanoTime();
      assertTrue(TimeUnit.NANOSECONDS.toMillis(healthAt - t0) < 1000, "health answered within a second");
    }
    HttpResponse<Buffer> r = running.await();
    long finished = System.nanoTime();
    assertEquals(201, r.statusCode(), r.bodyAsString());
    assertEquals(40, r.bodyAsJsonObject().getJsonArray("created").size());
    assertNotNull(r.bodyAsJsonObject().getJsonArray("created").getJsonObject(39).getString("initialPassword"));
    if (healthAt > 0) {
      assertTrue(healthAt < finished, "health was answered while the import was still running");
    }
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(finished - started) < 60);
  }
}
