package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.Accounts.Session;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lost login slip: the class's teacher resets a student's password; nobody else can. */
class PasswordResetTest {
  private static final Pattern TEMPORARY = Pattern.compile("id=\"temporary-password\">([^<]+)<");
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

  private record Room(long classId, Login student) {
  }

  private static Room room() {
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "重置班");
    Login student = Accounts.student(server, "丢了登录条");
    ClassroomFixtures.join(server, student, c.getString("joinCode"));
    return new Room(c.getLong("id"), student);
  }

  private static String resetPath(long classId, long userId) {
    return "/api/v1/classes/" + classId + "/students/" + userId + "/reset-password";
  }

  private static HttpResponse<Buffer> login(String username, String password) {
    return server.postJson("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password), null);
  }

  @Test
  @DisplayName("the teacher's reset gives a temporary password, ends the student's sessions and tokens, and forces a new password")
  void resetByApi() {
    Room room = room();
    Login student = room.student();
    Session oldSession = Accounts.session(server, student);
    assertEquals(200, Accounts.get(server, oldSession, "/dashboard").statusCode());

    HttpResponse<Buffer> reset = server.postJson(resetPath(room.classId(), student.id()), new JsonObject(), teacher.token());
    assertEquals(200, reset.statusCode(), reset.bodyAsString());
    assertEquals("no-store", reset.getHeader("Cache-Control"));
    String temporary = reset.bodyAsJsonObject().getString("temporaryPassword");
    assertNotNull(temporary);
    assertTrue(temporary.length() >= 8, temporary);

    assertEquals(401, server.get("/api/v1/me", student.token()).statusCode(), "the old token stopped working at once");
    HttpResponse<Buffer> oldPage = Accounts.get(server, oldSession, "/dashboard");
    assertEquals(303, oldPage.statusCode(), "the old session is logged out");
    assertTrue(oldPage.getHeader("Location").startsWith("/login"));
    assertEquals(401, login(student.username(), Accounts.PASSWORD).statusCode(), "the old password is gone");

    HttpResponse<Buffer> fresh = login(student.username(), temporary);
    assertEquals(200, fresh.statusCode());
    assertTrue(fresh.bodyAsJsonObject().getBoolean("mustChangePassword"));
    assertTrue(fresh.bodyAsJsonObject().getJsonObject("user").getBoolean("mustChangePassword"));

    Session withTemporary = Accounts.session(server, student.username(), temporary);
    for (String path : new String[] {"/dashboard", "/readings/pian-02", "/", "/classes/" + room.classId(), "/results"}) {
      HttpResponse<Buffer> r = Accounts.get(server, withTemporary, path);
      assertEquals(303, r.statusCode(), path);
      assertEquals("/account?first=1", r.getHeader("Location"), "every page sends the student to choose a password: " + path);
    }
    HttpResponse<Buffer> account = Accounts.get(server, withTemporary, "/account?first=1");
    assertEquals(200, account.statusCode());
    assertTrue(account.bodyAsString().contains("临时密码"));

    HttpResponse<Buffer> changed = Accounts.post(server, withTemporary, "/account/password", Accounts.form(
      "currentPassword", temporary, "newPassword", "my-own-secret-9", "confirmPassword", "my-own-secret-9"));
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    assertEquals(200, Accounts.get(server, withTemporary, "/dashboard").statusCode(), "done: the pages open again");
    HttpResponse<Buffer> after = login(student.username(), "my-own-secret-9");
    assertFalse(after.bodyAsJsonObject().getBoolean("mustChangePassword"));
    assertEquals(401, login(student.username(), temporary).statusCode(), "the temporary password is used up");
  }

  @Test
  @DisplayName("only the class's teacher may reset: another teacher 404, a student 403, a student of another class 404")
  void onlyTheClassTeacher() {
    Room room = room();
    Login student = room.student();
    String path = resetPath(room.classId(), student.id());
    Login otherTeacher = Accounts.teacher(server);
    Login classmate = Accounts.student(server, "同学");
    ClassroomFixtures.join(server, classmate,
      server.get("/api/v1/classes/" + room.classId(), teacher.token()).bodyAsJsonObject().getString("joinCode"));
    Login stranger = Accounts.student(server, "别班学生");

    assertEquals(404, server.postJson(path, new JsonObject(), otherTeacher.token()).statusCode());
    assertEquals(403, server.postJson(path, new JsonObject(), classmate.token()).statusCode());
    assertEquals(403, server.postJson(path, new JsonObject(), student.token()).statusCode(), "not even their own");
    assertEquals(401, server.postJson(path, new JsonObject(), null).statusCode());
    assertEquals(404, server.postJson(resetPath(room.classId(), stranger.id()), new JsonObject(), teacher.token()).statusCode(),
      "a student who is not in the class");
    assertEquals(404, server.postJson(resetPath(room.classId(), otherTeacher.id()), new JsonObject(), teacher.token()).statusCode());
    assertEquals(404, server.postJson(resetPath(room.classId() + 1000, student.id()), new JsonObject(), teacher.token()).statusCode());

    for (Login l : new Login[] {student, classmate, stranger, otherTeacher}) {
      assertEquals(200, login(l.username(), Accounts.PASSWORD).statusCode(), l.username() + " keeps the password");
      assertEquals(200, server.get("/api/v1/me", l.token()).statusCode(), l.username() + " keeps the token");
    }
  }

  @Test
  @DisplayName("from the roster page: a reset button on each row answers with the temporary password once")
  void resetFromRosterPage() {
    Room room = room();
    Session session = Accounts.session(server, teacher);
    String classPage = Accounts.get(server, session, "/classes/" + room.classId()).bodyAsString();
    String action = "/classes/" + room.classId() + "/students/" + room.student().id() + "/reset-password";
    assertTrue(classPage.contains("action=\"" + action + "\""), "the roster row has a reset button");
    assertTrue(classPage.contains("data-confirm=\"重置 丢了登录条"), "which asks before it acts");

    HttpResponse<Buffer> page = Accounts.post(server, session, action, Accounts.form());
    assertEquals(200, page.statusCode(), page.bodyAsString());
    assertEquals("no-store", page.getHeader("Cache-Control"));
    Matcher m = TEMPORARY.matcher(page.bodyAsString());
    assertTrue(m.find());
    assertTrue(page.bodyAsString().contains("丢了登录条") && page.bodyAsString().contains(room.student().username()));
    assertEquals(200, login(room.student().username(), m.group(1).strip()).statusCode());
    assertTrue(Accounts.get(server, session, "/classes/" + room.classId()).bodyAsString().contains("未改初始密码"),
      "the roster shows the student has yet to choose a password");

    Session other = Accounts.session(server, Accounts.teacher(server));
    assertEquals(404, Accounts.post(server, other, action, Accounts.form()).statusCode());
  }
}
