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

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassApiTest {
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

  private static HttpResponse<Buffer> join(Login who, String code) {
    return server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", code), who.token());
  }

  @Test
  @DisplayName("a teacher creates a class and gets its six-character join code")
  void createClass() {
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "高一（3）班");
    assertEquals("高一（3）班", c.getString("name"));
    assertTrue(JoinCodes.wellFormed(c.getString("joinCode")), c.encode());
    assertTrue(c.getLong("id") > 0);
  }

  @Test
  @DisplayName("a class name that is blank or too long is a 400 with a message")
  void badNames() {
    for (JsonObject body : new JsonObject[] {new JsonObject(), new JsonObject().put("name", "  "),
      new JsonObject().put("name", "班".repeat(65)), new JsonObject().put("name", 42)}) {
      HttpResponse<Buffer> r = server.postJson("/api/v1/classes", body, teacher.token());
      assertEquals(400, r.statusCode(), body.encode());
      assertFalse(r.bodyAsJsonObject().getString("error").isBlank());
    }
    HttpResponse<Buffer> r = server.client.post("/api/v1/classes")
      .putHeader("Authorization", "Bearer " + teacher.token()).sendBuffer(Buffer.buffer("{not json")).await();
    assertEquals(400, r.statusCode());
  }

  @Test
  @DisplayName("a student joins with the code in lower case with spaces and a dash, and sees the class")
  void joinIgnoresCaseAndSpaces() {
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "初二（1）班");
    String code = c.getString("joinCode");
    Login student = Accounts.student(server, "李思远");
    String typed = " " + code.substring(0, 3).toLowerCase(Locale.ROOT) + " - " + code.substring(3).toLowerCase(Locale.ROOT);
    HttpResponse<Buffer> r = join(student, typed);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(c.getLong("id"), r.bodyAsJsonObject().getLong("classId"));

    JsonArray mine = server.get("/api/v1/classes", student.token()).bodyAsJsonArray();
    assertEquals(1, mine.size());
    JsonObject seen = mine.getJsonObject(0);
    assertEquals("student", seen.getString("role"));
    assertEquals(1, seen.getInteger("studentCount"));
    assertNull(seen.getString("joinCode"), "students never see the join code");

    assertEquals(200, join(student, code).statusCode(), "joining again changes nothing");
    JsonArray roster = server.get("/api/v1/classes/" + c.getLong("id") + "/students", teacher.token()).bodyAsJsonArray();
    assertEquals(1, roster.size());
    assertEquals("李思远", roster.getJsonObject(0).getString("displayName"));
    assertTrue(roster.getJsonObject(0).getString("joinedAt").endsWith("+08:00"));
  }

  @Test
  @DisplayName("regenerating the code makes the old one fail with 404 and the new one work")
  void regenerate() {
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "高二（5）班");
    String old = c.getString("joinCode");
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/" + c.getLong("id") + "/join-code", new JsonObject(), teacher.token());
    assertEquals(200, r.statusCode());
    String fresh = r.bodyAsJsonObject().getString("joinCode");
    assertNotEquals(old, fresh);
    Login student = Accounts.student(server);
    HttpResponse<Buffer> refused = join(student, old);
    assertEquals(404, refused.statusCode());
    assertFalse(refused.bodyAsJsonObject().getString("error").isBlank());
    assertEquals(200, join(student, fresh).statusCode());
  }

  @Test
  @DisplayName("a closed code is refused with 409 and a clear message until the teacher reopens it")
  void closedCode() {
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "高三（2）班");
    long id = c.getLong("id");
    HttpResponse<Buffer> closed = server.postJson("/api/v1/classes/" + id + "/join-code/close", new JsonObject(), teacher.token());
    assertEquals(200, closed.statusCode());
    assertFalse(closed.bodyAsJsonObject().getBoolean("joinOpen"));
    Login student = Accounts.student(server);
    HttpResponse<Buffer> refused = join(student, c.getString("joinCode"));
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("error").contains("停止加入"), refused.bodyAsString());
    assertEquals(0, server.get("/api/v1/classes", student.token()).bodyAsJsonArray().size());

    assertEquals(200, server.postJson("/api/v1/classes/" + id + "/join-code/open", new JsonObject(), teacher.token()).statusCode());
    assertEquals(200, join(student, c.getString("joinCode")).statusCode());
  }

  @Test
  @DisplayName("unknown, malformed and missing codes are 404, 404 and 400; a teacher joining is 403")
  void joinRefusals() {
    Login student = Accounts.student(server);
    assertEquals(404, join(student, "ZZZZZZ").statusCode());
    assertEquals(404, join(student, "00000O").statusCode());
    assertEquals(400, join(student, "").statusCode());
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "教师班");
    HttpResponse<Buffer> r = join(teacher, c.getString("joinCode"));
    assertEquals(403, r.statusCode());
    assertTrue(r.bodyAsJsonObject().containsKey("error"));
  }

  @Test
  @DisplayName("removing a student takes the class off their list; removing a non-member is 404")
  void removeStudent() {
    JsonObject c = ClassroomFixtures.createClass(server, teacher, "退出测试班");
    long id = c.getLong("id");
    Login student = Accounts.student(server);
    ClassroomFixtures.join(server, student, c.getString("joinCode"));
    assertEquals(204, server.delete("/api/v1/classes/" + id + "/students/" + student.id(), teacher.token()).statusCode());
    assertEquals(0, server.get("/api/v1/classes", student.token()).bodyAsJsonArray().size());
    assertEquals(0, server.get("/api/v1/classes/" + id + "/students", teacher.token()).bodyAsJsonArray().size());
    assertEquals(404, server.delete("/api/v1/classes/" + id + "/students/" + student.id(), teacher.token()).statusCode());
  }

  @Test
  @DisplayName("a teacher's class list shows each class's code and student count")
  void teacherList() {
    Login t = Accounts.teacher(server);
    JsonObject c = ClassroomFixtures.createClass(server, t, "计数班");
    ClassroomFixtures.join(server, Accounts.student(server), c.getString("joinCode"));
    ClassroomFixtures.join(server, Accounts.student(server), c.getString("joinCode"));
    JsonArray list = server.get("/api/v1/classes", t.token()).bodyAsJsonArray();
    assertEquals(1, list.size());
    assertEquals("teacher", list.getJsonObject(0).getString("role"));
    assertEquals(c.getString("joinCode"), list.getJsonObject(0).getString("joinCode"));
    assertEquals(2, list.getJsonObject(0).getInteger("studentCount"));
  }

  @Test
  @DisplayName("every classroom API route is described in the OpenAPI document")
  void documented() {
    String yaml = server.get("/api/v1/openapi.yaml").bodyAsString();
    for (String path : new String[] {"/api/v1/classes:", "/api/v1/classes/join:", "/api/v1/classes/{id}:",
      "/api/v1/classes/{id}/students:", "/api/v1/classes/{id}/students/{studentId}:", "/api/v1/classes/{id}/join-code:",
      "/api/v1/classes/{id}/join-code/close:", "/api/v1/classes/{id}/join-code/open:", "/api/v1/classes/{id}/roster:",
      "/api/v1/classes/{id}/assignments:", "/api/v1/assignments:", "/api/v1/assignments/{id}:",
      "/api/v1/assignments/{id}/close:", "/api/v1/assignments/{id}/reopen:"}) {
      assertTrue(yaml.contains("\n  " + path + "\n"), path);
    }
  }
}
