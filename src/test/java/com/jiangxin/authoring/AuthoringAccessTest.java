package com.jiangxin.authoring;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what with a teacher's own reading: its owner everything; another teacher, a student
 * of no class it was given to, an unapproved teacher and an anonymous caller nothing, on every
 * route; a student through an assignment reads it and takes its quiz, at the version they started.
 */
class AuthoringAccessTest {
  private static TestServer server;
  private static Login owner;
  private static Login otherTeacher;
  private static Login student;
  private static String pendingToken;
  private static String readingId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    owner = Accounts.teacher(server);
    otherTeacher = Accounts.teacher(server);
    student = Accounts.student(server);
    String pending = Accounts.uniqueUsername("pending");
    HttpResponse<Buffer> reg = server.postJson("/api/v1/auth/register", new JsonObject().put("username", pending)
      .put("password", Accounts.PASSWORD).put("displayName", "待批准").put("role", "teacher"), null);
    assertEquals(201, reg.statusCode(), reg.bodyAsString());
    pendingToken = Accounts.token(server, pending, Accounts.PASSWORD);
    readingId = AuthoringFixtures.ownReading(server, owner, "关于坚持");
    assertEquals(200, AuthoringFixtures.putQuiz(server, owner.token(), readingId, AuthoringFixtures.quiz(readingId, "6")).statusCode());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every route about one own reading, as a request any caller can send. */
  private static Map<String, BiFunction<String, String, HttpResponse<Buffer>>> routes() {
    Map<String, BiFunction<String, String, HttpResponse<Buffer>>> r = new LinkedHashMap<>();
    r.put("PUT reading", (id, token) -> server.putJson("/api/v1/readings/" + id, new JsonObject().put("title", "改名"), token));
    r.put("POST copy", (id, token) -> server.postJson("/api/v1/readings/" + id + "/copy", new JsonObject(), token));
    r.put("PUT quiz", (id, token) -> AuthoringFixtures.putQuiz(server, token, id, AuthoringFixtures.quiz(id, "6")));
    r.put("POST question", (id, token) -> server.postJson("/api/v1/readings/" + id + "/questions", new JsonObject()
      .put("type", "truefalse").put("prompt", "路遥坚持写作。").put("answer", true).put("example", "路遥")
      .put("evidence", "路遥身患重病，仍坚持写作"), token));
    r.put("GET gift", (id, token) -> server.get("/api/v1/readings/" + id + "/quiz.gift", token));
    r.put("GET xml", (id, token) -> server.get("/api/v1/readings/" + id + "/quiz.xml", token));
    r.put("POST import", (id, token) -> AuthoringFixtures.importQuiz(server, token, id, "text/plain",
      "// [tag:jx-example:路遥]\n路遥坚持写作。{T####原文：路遥身患重病，仍坚持写作}", false));
    r.put("GET reading", (id, token) -> server.get("/api/v1/readings/" + id, token));
    r.put("GET quiz", (id, token) -> server.get("/api/v1/readings/" + id + "/quiz", token));
    r.put("POST live", (id, token) -> server.postJson("/api/v1/live", new JsonObject().put("readingId", id), token));
    r.put("POST practice", (id, token) -> server.postJson("/api/v1/readings/" + id + "/practice", new JsonObject(), token));
    return r;
  }

  @Test
  @DisplayName("the owner may use every route of their reading")
  void ownerMayDoEverything() {
    routes().forEach((name, call) -> {
      HttpResponse<Buffer> r = call.apply(readingId, owner.token());
      assertTrue(r.statusCode() < 300, name + ": " + r.statusCode() + " " + r.bodyAsString());
    });
  }

  @Test
  @DisplayName("another teacher, an unassigned student, an unapproved teacher and an anonymous caller get 401/403/404 and no text")
  void othersGetNothing() {
    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("another teacher", otherTeacher.token());
    callers.put("student", student.token());
    callers.put("unapproved teacher", pendingToken);
    callers.put("anonymous", null);
    callers.forEach((who, token) -> routes().forEach((name, call) -> {
      HttpResponse<Buffer> r = call.apply(readingId, token);
      assertTrue(List.of(401, 403, 404).contains(r.statusCode()), who + " " + name + ": " + r.statusCode() + " " + r.bodyAsString());
      assertFalse(String.valueOf(r.bodyAsString()).contains("身患重病"), who + " " + name);
    }));
    // the page too
    HttpResponse<Buffer> page = Accounts.get(server, Accounts.session(server, otherTeacher), "/readings/" + readingId);
    assertEquals(404, page.statusCode());
    assertFalse(page.bodyAsString().contains("身患重病"));
    assertNotEquals(200, server.get("/readings/" + readingId).statusCode());
  }

  @Test
  @DisplayName("only an approved teacher may create a reading")
  void onlyTeachersCreate() {
    JsonObject body = new JsonObject().put("title", "标题").put("text", "一段话。");
    assertEquals(403, server.postJson("/api/v1/readings", body, student.token()).statusCode());
    assertEquals(403, server.postJson("/api/v1/readings", body, pendingToken).statusCode());
    assertEquals(401, server.postJson("/api/v1/readings", body, null).statusCode());
    assertEquals(403, server.get("/api/v1/readings/pian-01/quiz.gift", student.token()).statusCode());
  }

  @Test
  @DisplayName("another teacher cannot assign someone's own reading; its owner can, and the class's student then takes it")
  void assignedReadingIsTakenByStudent() {
    JsonObject otherClass = server.postJson("/api/v1/classes", new JsonObject().put("name", "别的班"), otherTeacher.token()).bodyAsJsonObject();
    HttpResponse<Buffer> refused = server.postJson("/api/v1/classes/" + otherClass.getLong("id") + "/assignments",
      new JsonObject().put("readingId", readingId), otherTeacher.token());
    assertEquals(400, refused.statusCode(), refused.bodyAsString());

    Login pupil = Accounts.student(server, "小明");
    JsonObject c = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（2）班"), owner.token()).bodyAsJsonObject();
    assertEquals(200, server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", c.getString("joinCode")), pupil.token()).statusCode());
    assertEquals(404, server.get("/api/v1/readings/" + readingId, pupil.token()).statusCode(), "not before it is assigned");
    HttpResponse<Buffer> a = server.postJson("/api/v1/classes/" + c.getLong("id") + "/assignments",
      new JsonObject().put("readingId", readingId).put("feedback", "immediate"), owner.token());
    assertEquals(201, a.statusCode(), a.bodyAsString());
    long assignment = a.bodyAsJsonObject().getLong("id");

    HttpResponse<Buffer> reading = server.get("/api/v1/readings/" + readingId, pupil.token());
    assertEquals(200, reading.statusCode(), reading.bodyAsString());
    JsonObject quiz = server.get("/api/v1/readings/" + readingId + "/quiz", pupil.token()).bodyAsJsonObject();
    quiz.getJsonArray("questions").forEach(q -> {
      assertNull(((JsonObject) q).getValue("answer"), "no key before feedback");
      assertNull(((JsonObject) q).getValue("evidence"));
    });
    HttpResponse<Buffer> page = Accounts.get(server, Accounts.session(server, pupil), "/readings/" + readingId);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("身患重病，仍坚持写作"));

    HttpResponse<Buffer> started = server.postJson("/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), pupil.token());
    assertEquals(201, started.statusCode(), started.bodyAsString());
    long attempt = started.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> submitted = server.postJson("/api/v1/attempts/" + attempt + "/submit", new JsonObject()
      .put("answers", new JsonObject().put("luyao-years", 6).put("fang-end", "B")), pupil.token());
    assertEquals(200, submitted.statusCode(), submitted.bodyAsString());
    assertEquals(2.0, submitted.bodyAsJsonObject().getDouble("score"), 1e-9, submitted.bodyAsString());
    assertEquals(2.0, submitted.bodyAsJsonObject().getDouble("maxScore"), 1e-9);

    // the teacher's report rolls up by the examples the teacher marked
    HttpResponse<Buffer> report = server.get("/api/v1/assignments/" + assignment + "/report", owner.token());
    assertEquals(200, report.statusCode(), report.bodyAsString());
    assertTrue(report.bodyAsString().contains("路遥") && report.bodyAsString().contains("方仲永"), report.bodyAsString());
    // and the class discusses it
    HttpResponse<Buffer> thread = server.postJson("/api/v1/assignments/" + assignment + "/threads",
      new JsonObject().put("title", "路遥的坚持").put("prompt", "你怎么看？"), owner.token());
    assertEquals(201, thread.statusCode(), thread.bodyAsString());
    HttpResponse<Buffer> post = server.postJson("/api/v1/threads/" + thread.bodyAsJsonObject().getLong("id") + "/posts",
      new JsonObject().put("body", "我也想每天进步一点点。"), pupil.token());
    assertEquals(201, post.statusCode(), post.bodyAsString());
  }

  @Test
  @DisplayName("an attempt keeps the quiz version it started with when the teacher publishes a new one")
  void attemptKeepsItsVersion() {
    String id = AuthoringFixtures.ownReading(server, owner, "关于坚持（二）");
    String v1 = AuthoringFixtures.putQuiz(server, owner.token(), id, AuthoringFixtures.quiz(id, "6")).bodyAsJsonObject().getString("version");
    Login early = Accounts.student(server, "早来的");
    Login late = Accounts.student(server, "晚来的");
    JsonObject c = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（5）班"), owner.token()).bodyAsJsonObject();
    for (Login s : List.of(early, late)) {
      server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", c.getString("joinCode")), s.token());
    }
    long assignment = server.postJson("/api/v1/classes/" + c.getLong("id") + "/assignments",
      new JsonObject().put("readingId", id).put("feedback", "immediate"), owner.token()).bodyAsJsonObject().getLong("id");
    JsonObject first = server.postJson("/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), early.token()).bodyAsJsonObject();
    assertEquals(v1, first.getString("quizVersion"));

    // the teacher changes the key of the numeric question: 7 from now on
    String v2 = AuthoringFixtures.putQuiz(server, owner.token(), id, AuthoringFixtures.quiz(id, "7")).bodyAsJsonObject().getString("version");
    assertNotEquals(v1, v2);
    JsonObject second = server.postJson("/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), late.token()).bodyAsJsonObject();
    assertEquals(v2, second.getString("quizVersion"));

    JsonObject answers = new JsonObject().put("answers", new JsonObject().put("luyao-years", 6).put("fang-end", "B"));
    JsonObject earlyResult = server.postJson("/api/v1/attempts/" + first.getLong("id") + "/submit", answers, early.token()).bodyAsJsonObject();
    JsonObject lateResult = server.postJson("/api/v1/attempts/" + second.getLong("id") + "/submit", answers, late.token()).bodyAsJsonObject();
    assertEquals(2.0, earlyResult.getDouble("score"), 1e-9, "graded by the version it started with: " + earlyResult.encode());
    assertEquals(v1, earlyResult.getString("quizVersion"));
    assertEquals(1.0, lateResult.getDouble("score"), 1e-9, "graded by the new key: " + lateResult.encode());
  }

  @Test
  @DisplayName("HTML in a title, a paragraph or a question stays text in JSON and on the reading page")
  void hostileTextStaysText() {
    String script = "<script>alert('x')</script>";
    String img = "<img src=x onerror=alert(1)>";
    HttpResponse<Buffer> created = server.postJson("/api/v1/readings", new JsonObject().put("title", "标题" + script)
      .put("text", "路遥说：" + img + "坚持写作。\n第二段。"), owner.token());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String id = created.bodyAsJsonObject().getString("id");
    assertEquals("标题" + script, created.bodyAsJsonObject().getString("title"));
    assertEquals("路遥说：" + img + "坚持写作。", created.bodyAsJsonObject().getJsonArray("paragraphs").getJsonObject(0).getString("text"));
    server.putJson("/api/v1/readings/" + id, new JsonObject().put("examples", new JsonArray()
      .add(new JsonObject().put("name", "路遥").put("terms", new JsonArray().add("路遥")))), owner.token());
    HttpResponse<Buffer> q = server.postJson("/api/v1/readings/" + id + "/questions", new JsonObject().put("type", "truefalse")
      .put("prompt", "题干" + script).put("answer", true).put("evidence", "坚持写作").put("explanation", img), owner.token());
    assertEquals(201, q.statusCode(), q.bodyAsString());
    JsonObject quiz = server.get("/api/v1/readings/" + id + "/quiz", owner.token()).bodyAsJsonObject();
    assertEquals("题干" + script, quiz.getJsonArray("questions").getJsonObject(0).getString("prompt"));
    String page = Accounts.get(server, Accounts.session(server, owner), "/readings/" + id).bodyAsString();
    assertFalse(page.contains(script), "no live script on the page");
    assertFalse(page.contains(img), "no live image on the page");
    assertTrue(page.contains("&lt;script&gt;") || page.contains("&lt;script"), "shown as text");
    String gift = server.get("/api/v1/readings/" + id + "/quiz.gift", owner.token()).bodyAsString();
    assertTrue(gift.contains("题干<script>alert('x')</script>"), gift);
    String xml = server.get("/api/v1/readings/" + id + "/quiz.xml", owner.token()).bodyAsString();
    assertTrue(xml.contains("&lt;script&gt;"), xml);
  }
}
