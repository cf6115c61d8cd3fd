package com.jiangxin.authoring;

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the product that is about one reading, asked about a teacher's own reading by
 * someone who may not see it: each answers 404 (or 401/403) and no text of it. Who may see a reading
 * is one rule ({@code ReadingCatalog.visibleTo}) that each of these routes asks itself; the
 * authoring routes are mounted after all of them, so nothing here depends on a gate mounted first.
 * Also the answer key page of an own reading: its owner gets it, a student never.
 */
class OwnReadingRoutesTest {
  /** Words only the reading's text, its key and its explanations hold (not its options). */
  private static final String TEXT = "身患重病，仍坚持写作";
  private static final String EXPLANATION = "第4段说他";

  private static TestServer server;
  private static Login owner;
  private static Login otherTeacher;
  private static Login pupil;
  private static Login outsider;
  private static String readingId;
  private static long assignmentId;
  private static long attemptId;
  private static long classId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    owner = Accounts.teacher(server);
    otherTeacher = Accounts.teacher(server);
    pupil = Accounts.student(server, "小红");
    outsider = Accounts.student(server, "外班学生");
    readingId = AuthoringFixtures.ownReading(server, owner, "关于坚持（路由）");
    assertEquals(200, AuthoringFixtures.putQuiz(server, owner.token(), readingId, AuthoringFixtures.quiz(readingId, "6")).statusCode());
    JsonObject c = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（7）班"), owner.token()).bodyAsJsonObject();
    classId = c.getLong("id");
    assertEquals(200, server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", c.getString("joinCode")),
      pupil.token()).statusCode());
    HttpResponse<Buffer> a = server.postJson("/api/v1/classes/" + classId + "/assignments",
      new JsonObject().put("readingId", readingId).put("feedback", "never").put("maxAttempts", 2), owner.token());
    assertEquals(201, a.statusCode(), a.bodyAsString());
    assignmentId = a.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> t = server.postJson("/api/v1/assignments/" + assignmentId + "/attempts", new JsonObject(), pupil.token());
    assertEquals(201, t.statusCode(), t.bodyAsString());
    attemptId = t.bodyAsJsonObject().getLong("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every route about the reading, as the given caller (API token and browser session) sends it. */
  private static Map<String, Supplier<HttpResponse<Buffer>>> routes(Login who) {
    String token = who == null ? null : who.token();
    Session session = who == null ? null : Accounts.session(server, who);
    String r = "/readings/" + readingId;
    String a = "/assignments/" + assignmentId;
    Map<String, Supplier<HttpResponse<Buffer>>> m = new LinkedHashMap<>();
    m.put("GET page", () -> page(session, r));
    m.put("GET page (projector size)", () -> page(session, r + "?size=large&p=3&hl=" + "路遥"));
    m.put("GET key page", () -> page(session, r + "/quiz"));
    m.put("POST practice page", () -> session == null ? server.client.post(r + "/practice").send().await()
      : Accounts.post(server, session, r + "/practice", Accounts.form()));
    m.put("GET reading JSON", () -> server.get("/api/v1" + r, token));
    m.put("GET quiz JSON", () -> server.get("/api/v1" + r + "/quiz", token));
    m.put("POST practice JSON", () -> server.postJson("/api/v1" + r + "/practice", new JsonObject(), token));
    m.put("GET gift", () -> server.get("/api/v1" + r + "/quiz.gift", token));
    m.put("GET xml", () -> server.get("/api/v1" + r + "/quiz.xml", token));
    m.put("POST copy", () -> server.postJson("/api/v1" + r + "/copy", new JsonObject(), token));
    m.put("GET annotations", () -> server.get("/api/v1" + r + "/annotations?assignment=" + assignmentId, token));
    m.put("POST live", () -> server.postJson("/api/v1/live", new JsonObject().put("readingId", readingId), token));
    m.put("POST assignment of it", () -> server.postJson("/api/v1/classes/" + classId + "/assignments",
      new JsonObject().put("readingId", readingId), token));
    m.put("GET assignment", () -> server.get("/api/v1" + a, token));
    m.put("POST attempt start", () -> server.postJson("/api/v1" + a + "/attempts", new JsonObject(), token));
    m.put("GET attempt", () -> server.get("/api/v1/attempts/" + attemptId, token));
    m.put("GET attempt page", () -> page(session, "/attempts/" + attemptId));
    m.put("GET threads", () -> server.get("/api/v1" + a + "/threads", token));
    m.put("GET margin page", () -> page(session, a + "/margin/3"));
    m.put("GET discussion page", () -> page(session, a + "/discussion"));
    m.put("GET report", () -> server.get("/api/v1" + a + "/report", token));
    m.put("GET report page", () -> page(session, a + "/report"));
    m.put("GET answers.csv", () -> server.get("/api/v1" + a + "/answers.csv", token));
    m.put("GET assignment page", () -> page(session, a));
    return m;
  }

  private static HttpResponse<Buffer> page(Session session, String path) {
    return session == null ? server.get(path) : Accounts.get(server, session, path);
  }

  @Test
  @DisplayName("another teacher and a student of no class it was given to get 404 (or 403) and no text on every route about the reading")
  void strangersGetNothingAnywhere() {
    for (Login who : List.of(otherTeacher, outsider)) {
      routes(who).forEach((name, call) -> {
        HttpResponse<Buffer> r = call.get();
        assertTrue(List.of(400, 403, 404).contains(r.statusCode()), who.username() + " " + name + ": " + r.statusCode() + " " + r.bodyAsString());
        String body = String.valueOf(r.bodyAsString());
        assertFalse(body.contains(TEXT) || body.contains(EXPLANATION) || body.contains("关于坚持（路由）"), who.username() + " " + name);
      });
    }
    // the examples page lists the built-in readings' citations only
    String examples = Accounts.get(server, Accounts.session(server, otherTeacher), "/examples").bodyAsString();
    assertFalse(examples.contains(readingId) || examples.contains(TEXT), "no own reading on the examples page");
  }

  @Test
  @DisplayName("a caller who is not signed in gets 401 from the API and is sent to log in by the pages")
  void anonymousGetsNothing() {
    routes(null).forEach((name, call) -> {
      HttpResponse<Buffer> r = call.get();
      String body = String.valueOf(r.bodyAsString());
      if (name.startsWith("GET page")) {
        assertEquals(303, r.statusCode(), name);
        assertTrue(r.getHeader("Location").startsWith("/login?next="), "a student who follows a link logs in first");
      } else if (name.contains("page")) {
        assertTrue(List.of(303, 401, 403, 404).contains(r.statusCode()), name + ": " + r.statusCode());
      } else {
        assertEquals(401, r.statusCode(), name + ": " + body);
      }
      assertFalse(body.contains(TEXT) || body.contains(EXPLANATION), name);
    });
  }

  @Test
  @DisplayName("the owner gets the answer key page of their reading, with every key, explanation and evidence")
  void ownerGetsTheKeyPage() {
    HttpResponse<Buffer> key = Accounts.get(server, Accounts.session(server, owner), "/readings/" + readingId + "/quiz");
    assertEquals(200, key.statusCode(), key.bodyAsString());
    String html = key.bodyAsString();
    assertTrue(html.contains("关于坚持（路由）"), "titled by the reading");
    assertTrue(html.contains("泯然众人") && html.contains(EXPLANATION), "the key and the explanation");
    assertTrue(html.contains("他用了六年时间完成这部三卷本的小说"), "the evidence");
    // the reading page offers it to its owner
    String page = Accounts.get(server, Accounts.session(server, owner), "/readings/" + readingId).bodyAsString();
    assertTrue(page.contains("/readings/" + readingId + "/quiz"), "the reading page links to the key");
  }

  @Test
  @DisplayName("a student of the class reads the reading but never gets its key page, JSON keys or explanations before the feedback policy allows")
  void studentNeverGetsTheKey() {
    Session s = Accounts.session(server, pupil);
    HttpResponse<Buffer> page = Accounts.get(server, s, "/readings/" + readingId);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains(TEXT));
    HttpResponse<Buffer> key = Accounts.get(server, s, "/readings/" + readingId + "/quiz");
    assertEquals(403, key.statusCode());
    assertFalse(key.bodyAsString().contains(EXPLANATION));
    JsonObject quiz = server.get("/api/v1/readings/" + readingId + "/quiz", pupil.token()).bodyAsJsonObject();
    assertFalse(quiz.encode().contains(EXPLANATION) || quiz.encode().contains("\"answer\""), quiz.encode());
    // feedback "never": a submitted attempt shows no key
    JsonObject submitted = server.postJson("/api/v1/attempts/" + attemptId + "/submit", new JsonObject()
      .put("answers", new JsonObject().put("luyao-years", 5).put("fang-end", "A")), pupil.token()).bodyAsJsonObject();
    assertFalse(submitted.encode().contains(EXPLANATION), submitted.encode());
    String attemptPage = Accounts.get(server, s, "/attempts/" + attemptId).bodyAsString();
    assertFalse(attemptPage.contains(EXPLANATION), "no explanation on the attempt page");
  }

  @Test
  @DisplayName("the assigned student sees the reading only through the assignment: removed from the class, it is 404 again")
  void onlyThroughTheAssignment() {
    Login late = Accounts.student(server, "转学生");
    JsonObject c = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（8）班"), owner.token()).bodyAsJsonObject();
    assertEquals(200, server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", c.getString("joinCode")),
      late.token()).statusCode());
    assertEquals(404, server.get("/api/v1/readings/" + readingId, late.token()).statusCode(), "in a class, but not given it");
    assertEquals(201, server.postJson("/api/v1/classes/" + c.getLong("id") + "/assignments",
      new JsonObject().put("readingId", readingId), owner.token()).statusCode());
    assertEquals(200, server.get("/api/v1/readings/" + readingId, late.token()).statusCode());
    assertEquals(201, server.postJson("/api/v1/readings/" + readingId + "/practice", new JsonObject(), late.token()).statusCode(),
      "and may practise it");
    assertEquals(204, server.delete("/api/v1/classes/" + c.getLong("id") + "/students/" + late.id(), owner.token()).statusCode());
    assertEquals(404, server.get("/api/v1/readings/" + readingId, late.token()).statusCode(), "gone with the class");
    assertEquals(404, server.get("/api/v1/readings/" + readingId + "/quiz", late.token()).statusCode());
  }

  @Test
  @DisplayName("HTML in a reading and its questions stays text on the reading page, the quiz page, the answer key and the report")
  void hostileTextStaysTextOnEveryPage() {
    String script = "<script>alert('x')</script>";
    String img = "<img src=x onerror=alert(1)>";
    HttpResponse<Buffer> created = server.postJson("/api/v1/readings", new JsonObject().put("title", "标题" + script)
      .put("text", "路遥说：" + img + "坚持写作。\n方仲永" + script + "泯然众人。"), owner.token());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String id = created.bodyAsJsonObject().getString("id");
    assertEquals(200, server.putJson("/api/v1/readings/" + id, new JsonObject().put("examples", new JsonArray()
      .add(new JsonObject().put("name", "路遥").put("terms", new JsonArray().add("路遥")))), owner.token()).statusCode());
    HttpResponse<Buffer> q1 = server.postJson("/api/v1/readings/" + id + "/questions", new JsonObject().put("type", "truefalse")
      .put("prompt", "题干" + script).put("answer", true).put("evidence", "坚持写作").put("explanation", "解析" + img), owner.token());
    assertEquals(201, q1.statusCode(), q1.bodyAsString());
    HttpResponse<Buffer> q2 = server.postJson("/api/v1/readings/" + id + "/questions", new JsonObject().put("type", "single")
      .put("prompt", "选出" + img).put("options", new JsonArray()
        .add(new JsonObject().put("id", "A").put("text", "选项" + script))
        .add(new JsonObject().put("id", "B").put("text", "选项" + img)))
      .put("answer", "A").put("evidence", "坚持写作"), owner.token());
    assertEquals(201, q2.statusCode(), q2.bodyAsString());
    JsonObject c = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（9）班"), owner.token()).bodyAsJsonObject();
    Login kid = Accounts.student(server, "小刚");
    server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", c.getString("joinCode")), kid.token());
    long a = server.postJson("/api/v1/classes/" + c.getLong("id") + "/assignments",
      new JsonObject().put("readingId", id).put("feedback", "immediate"), owner.token()).bodyAsJsonObject().getLong("id");
    long t = server.postJson("/api/v1/assignments/" + a + "/attempts", new JsonObject(), kid.token()).bodyAsJsonObject().getLong("id");
    Session kidPages = Accounts.session(server, kid);
    String quizPage = Accounts.get(server, kidPages, "/attempts/" + t).bodyAsString();
    server.postJson("/api/v1/attempts/" + t + "/submit", new JsonObject().put("answers", new JsonObject()), kid.token());
    String reviewPage = Accounts.get(server, kidPages, "/attempts/" + t).bodyAsString();
    Session teacherPages = Accounts.session(server, owner);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("reading page", Accounts.get(server, kidPages, "/readings/" + id).bodyAsString());
    pages.put("quiz page", quizPage);
    pages.put("review page", reviewPage);
    pages.put("key page", Accounts.get(server, teacherPages, "/readings/" + id + "/quiz").bodyAsString());
    pages.put("report page", Accounts.get(server, teacherPages, "/assignments/" + a + "/report").bodyAsString());
    pages.put("assignment page", Accounts.get(server, teacherPages, "/assignments/" + a).bodyAsString());
    pages.forEach((name, html) -> {
      assertFalse(html.contains(script), name + " has a live script");
      assertFalse(html.contains(img), name + " has a live image");
      assertFalse(html.contains("onerror=alert(1)>"), name);
    });
    assertTrue(pages.get("reading page").contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;")
      || pages.get("reading page").contains("&lt;img src=x"), "shown as text on the reading page");
    assertTrue(pages.get("quiz page").contains("题干&lt;script&gt;"), "the prompt shown as text on the quiz page");
    assertTrue(pages.get("key page").contains("题干&lt;script&gt;"), "the prompt shown as text on the key page");
    assertTrue(pages.get("report page").contains("题干&lt;script&gt;"), "the prompt shown as text in the report");
  }
}
