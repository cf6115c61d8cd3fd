package com.jiangxin.quiz;

import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attempts on assigned readings: feedback policies, secrecy, limits, the server clock. */
class AssignmentAttemptTest {
  private static TestServer server;
  private static String teacher;
  private static String otherTeacher;
  private static long classId;
  private static final List<String> students = new ArrayList<>();
  private static final List<String> studentNames = new ArrayList<>();
  private static Quiz quiz02;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = register("t-zhang", "teacher");
    otherTeacher = register("t-wang", "teacher");
    HttpResponse<Buffer> created = server.postJson("/api/v1/classes", new JsonObject().put("name", "初二（1）班"), teacher);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    classId = created.bodyAsJsonObject().getLong("id");
    String code = created.bodyAsJsonObject().getString("joinCode");
    for (int i = 0; i < 6; i++) {
      String name = "s-" + i;
      String token = register(name, "student");
      assertEquals(200, server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", code), token).statusCode());
      students.add(token);
      studentNames.add(name);
    }
    quiz02 = QuizBank.load(com.jiangxin.content.Content.locate(com.jiangxin.config.Config.from(java.util.Map.of())),
      com.jiangxin.content.Content.loadReadings(com.jiangxin.content.Content.locate(com.jiangxin.config.Config.from(java.util.Map.of()))))
      .forReading("pian-02").orElseThrow();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String register(String username, String role) {
    server.postJson("/api/v1/auth/register", new JsonObject().put("username", username).put("password", "password-" + username)
      .put("displayName", "用户" + username).put("role", role).put("inviteCode", TestServer.TEACHER_INVITE_CODE), null);
    return server.postJson("/api/v1/auth/login", new JsonObject().put("username", username)
      .put("password", "password-" + username), null).bodyAsJsonObject().getString("token");
  }

  static long assign(String feedback, int maxAttempts, OffsetDateTime due) {
    JsonObject body = new JsonObject().put("readingId", "pian-02").put("feedback", feedback).put("maxAttempts", maxAttempts);
    if (due != null) {
      body.put("dueAt", due.toString());
    }
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/" + classId + "/assignments", body, teacher);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  static JsonObject startAttempt(long assignment, String token) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), token);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** The teacher key as a perfect answer sheet, built from the quiz itself. */
  static JsonObject perfectAnswers(Quiz quiz) {
    JsonObject answers = new JsonObject();
    for (Question q : quiz.questions()) {
      if (q.key() != null && q.type().autoGraded()) {
        answers.put(q.id(), q.key());
      }
    }
    return answers;
  }

  /** Fails if a student-visible text carries anything of the key. */
  static void assertNoKey(String where, String text) {
    // "evidence" is also a question type's name, so the evidence field is looked for with its colon
    for (String field : List.of("\"answer\"", "\"accept\"", "\"rubric\"", "\"explanation\"", "\"evidence\":",
      "\"correct\"", "\"fraction\"", "\"evidenceUrl\"", "\"tolerance\"")) {
      assertFalse(text.contains(field), where + " leaks " + field);
    }
    for (Question q : quiz02.questions()) {
      assertFalse(text.contains(q.explanation()), where + " leaks the explanation of " + q.id());
      assertFalse(text.contains("hl="), where + " leaks an evidence link");
    }
  }

  // ---- page helpers: a student signed in through the login form ----

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  static String pageLogin(String username) {
    HttpResponse<Buffer> page = server.get("/login");
    String sid = cookie(page);
    Matcher m = CSRF.matcher(page.bodyAsString());
    assertTrue(m.find());
    HttpResponse<Buffer> r = server.client.post("/login").putHeader("Cookie", "jx_sid=" + sid)
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("username", username).add("password", "password-" + username)
        .add("csrf", m.group(1))).await();
    assertEquals(303, r.statusCode());
    return cookie(r);
  }

  static String cookie(HttpResponse<Buffer> r) {
    for (String c : r.cookies()) {
      if (c.startsWith("jx_sid=")) {
        return c.substring(7, c.indexOf(';'));
      }
    }
    throw new AssertionError("no session cookie");
  }

  static HttpResponse<Buffer> page(String path, String sid) {
    return server.client.get(path).putHeader("Cookie", "jx_sid=" + sid).send().await();
  }

  @Test
  @DisplayName("before the policy allows, nothing a student can load holds a key: start, save, submit, reload, pages")
  void secrecyBeforeFeedback() {
    for (String policy : List.of("never", "after_due")) {
      long a = assign(policy, 1, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3));
      String token = students.get(0);
      JsonObject t = startAttempt(a, token);
      long id = t.getLong("id");
      assertNoKey(policy + " start", t.encode());
      HttpResponse<Buffer> saved = server.putJson("/api/v1/attempts/" + id + "/answers", perfectAnswers(quiz02), token);
      assertEquals(200, saved.statusCode());
      assertNoKey(policy + " save", saved.bodyAsString());
      String sid = pageLogin(studentNames.get(0));
      assertNoKey(policy + " take page", page("/attempts/" + id, sid).bodyAsString());
      HttpResponse<Buffer> submitted = server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject(), token);
      assertEquals(200, submitted.statusCode());
      JsonObject result = submitted.bodyAsJsonObject();
      assertNoKey(policy + " submit", submitted.bodyAsString());
      assertEquals(result.getDouble("maxScore") - shortPoints(), result.getDouble("score"),
        "the score is shown, computed from the key");
      assertNoKey(policy + " reload", server.get("/api/v1/attempts/" + id, token).bodyAsString());
      HttpResponse<Buffer> review = page("/attempts/" + id, sid);
      assertEquals(200, review.statusCode());
      assertNoKey(policy + " review page", review.bodyAsString());
      assertTrue(server.get("/api/v1/attempts/" + id, teacher).bodyAsString().contains("\"explanation\""),
        "the class's teacher sees the feedback");
    }
  }

  private static double shortPoints() {
    return quiz02.questions().stream().filter(q -> !q.type().autoGraded()).mapToDouble(Question::points).sum();
  }

  @Test
  @DisplayName("after_due reveals feedback once the due time has passed on the server clock")
  void afterDueReveals() {
    long a = assign("after_due", 1, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1));
    String token = students.get(1);
    long id = startAttempt(a, token).getLong("id");
    server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject().put("answers", perfectAnswers(quiz02)), token);
    assertFalse(server.get("/api/v1/attempts/" + id, token).bodyAsString().contains("\"explanation\""));
    server.app.pool().preparedQuery("UPDATE assignments SET due_at = ? WHERE id = ?")
      .execute(Tuple.of(System.currentTimeMillis() - 1000, a)).await();
    JsonObject after = server.get("/api/v1/attempts/" + id, token).bodyAsJsonObject();
    assertTrue(after.getBoolean("feedbackAvailable"));
    JsonObject q = after.getJsonArray("questions").getJsonObject(0);
    assertTrue(q.containsKey("explanation") && q.containsKey("evidenceUrl") && q.getBoolean("correct"), q.encode());
  }

  /** The fill-in about 方仲永 in 篇二, answered right. */
  private static final Question FANG_FILL = com.jiangxin.support.BuiltInBank.first("pian-02", "方仲永", FillIn.class);

  @Test
  @DisplayName("immediate feedback shows right/wrong, the key, the explanation and a link to the evidence paragraph")
  void immediateFeedback() {
    // a class of its own: in the shared class, other assignments of this reading still hide their keys
    HttpResponse<Buffer> created = server.postJson("/api/v1/classes", new JsonObject().put("name", "初二（9）班"), teacher);
    long ownClass = created.bodyAsJsonObject().getLong("id");
    String token = register("s-immediate", "student");
    assertEquals(200, server.postJson("/api/v1/classes/join",
      new JsonObject().put("joinCode", created.bodyAsJsonObject().getString("joinCode")), token).statusCode());
    HttpResponse<Buffer> assigned = server.postJson("/api/v1/classes/" + ownClass + "/assignments", new JsonObject()
      .put("readingId", "pian-02").put("feedback", "immediate").put("maxAttempts", 1), teacher);
    long a = assigned.bodyAsJsonObject().getLong("id");
    long id = startAttempt(a, token).getLong("id");
    JsonObject result = server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject().put("answers", new JsonObject()
      .put(FANG_FILL.id(), FANG_FILL.key())), token).bodyAsJsonObject();
    boolean found = false;
    for (Object o : result.getJsonArray("questions")) {
      JsonObject q = (JsonObject) o;
      assertTrue(q.containsKey("answer") && q.containsKey("explanation") && q.containsKey("evidenceUrl"), q.encode());
      if ("方仲永".equals(q.getString("example"))) {
        found = true;
        assertTrue(q.getString("evidenceUrl").startsWith("/readings/pian-02?p="), q.getString("evidenceUrl"));
      }
    }
    assertTrue(found, "the 方仲永 questions carry their evidence links");
  }

  @Test
  @DisplayName("attempt limits hold under parallel starts, and a student resumes the attempt in progress")
  void limitsUnderConcurrency() {
    long a = assign("immediate", 2, null);
    String token = students.get(3);
    for (int round = 0; round < 2; round++) {
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(TestServer.auth(server.client.post("/api/v1/assignments/" + a + "/attempts"), token).sendJsonObject(new JsonObject()));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<HttpResponse<Buffer>> f : calls) {
        HttpResponse<Buffer> r = f.await();
        assertEquals(201, r.statusCode(), r.bodyAsString());
        ids.add(r.bodyAsJsonObject().getLong("id"));
      }
      assertEquals(1, ids.size(), "round " + round + ": parallel starts share one attempt");
      long id = ids.iterator().next();
      assertEquals(200, server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject(), token).statusCode());
    }
    HttpResponse<Buffer> third = server.postJson("/api/v1/assignments/" + a + "/attempts", new JsonObject(), token);
    assertEquals(409, third.statusCode());
    assertTrue(third.bodyAsJsonObject().getString("error").contains("2"));
  }

  @Test
  @DisplayName("a submit after the due time plus grace is refused on the server clock, whatever the client says")
  void serverClock() {
    long a = assign("immediate", 1, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2));
    String token = students.get(4);
    long id = startAttempt(a, token).getLong("id");
    long past = System.currentTimeMillis() - AttemptService.GRACE_MS - 5_000;
    server.app.pool().preparedQuery("UPDATE assignments SET due_at = ? WHERE id = ?").execute(Tuple.of(past, a)).await();
    server.app.pool().preparedQuery("UPDATE attempts SET deadline = ? WHERE id = ?")
      .execute(Tuple.of(past + AttemptService.GRACE_MS, id)).await();
    HttpResponse<Buffer> r = server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject()
      .put("submittedAt", past - 100_000).put("clientTime", "2020-01-01T00:00:00Z").put("answers", new JsonObject()), token);
    assertEquals(409, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("error").contains("截止"));
    assertEquals(409, server.putJson("/api/v1/attempts/" + id + "/answers", new JsonObject(), token).statusCode(),
      "answers cannot be changed after the deadline either");
    JsonObject after = server.get("/api/v1/attempts/" + id, token).bodyAsJsonObject();
    assertEquals("submitted", after.getString("status"), "the server submitted it with the answers saved before");
    assertTrue(after.getBoolean("autoSubmitted"));
    assertEquals(0.0, after.getDouble("score"), "the refused answers were not taken");
    assertEquals(409, server.postJson("/api/v1/assignments/" + a + "/attempts", new JsonObject(), students.get(5)).statusCode(),
      "no new attempt after the due time either");
  }

  @Test
  @DisplayName("only students of the class may start; outsiders get 404 and teachers 403")
  void whoMayStart() {
    long a = assign("immediate", 1, null);
    String outsider = register("outsider", "student");
    assertEquals(404, server.postJson("/api/v1/assignments/" + a + "/attempts", new JsonObject(), outsider).statusCode());
    assertEquals(404, server.postJson("/api/v1/assignments/" + a + "/attempts", new JsonObject(), otherTeacher).statusCode());
    assertEquals(403, server.postJson("/api/v1/assignments/" + a + "/attempts", new JsonObject(), teacher).statusCode());
    long id = startAttempt(a, students.get(5)).getLong("id");
    assertEquals(404, server.get("/api/v1/attempts/" + id, otherTeacher).statusCode());
    assertEquals(404, server.get("/api/v1/attempts/" + id, outsider).statusCode());
    assertEquals(403, server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject(), teacher).statusCode());
    assertNotEquals(0, id);
  }

  @Test
  @DisplayName("a perfect answer sheet built from the key scores full marks on every quiz (open questions pending)")
  void perfectSheets() {
    String token = register("perfect", "student");
    QuizBank bank = QuizBank.load(com.jiangxin.content.Content.locate(com.jiangxin.config.Config.from(java.util.Map.of())),
      com.jiangxin.content.Content.loadReadings(com.jiangxin.content.Content.locate(com.jiangxin.config.Config.from(java.util.Map.of()))));
    for (Quiz quiz : bank.quizzes()) {
      JsonObject t = server.postJson("/api/v1/readings/" + quiz.readingId() + "/practice", new JsonObject(), token).bodyAsJsonObject();
      JsonObject result = server.postJson("/api/v1/attempts/" + t.getLong("id") + "/submit",
        new JsonObject().put("answers", perfectAnswers(quiz)), token).bodyAsJsonObject();
      double open = quiz.questions().stream().filter(q -> !q.type().autoGraded()).mapToDouble(Question::points).sum();
      assertEquals(quiz.totalPoints() - open, result.getDouble("score"), 1e-9, quiz.readingId());
      JsonArray qs = result.getJsonArray("questions");
      for (Object o : qs) {
        JsonObject q = (JsonObject) o;
        if (!"short".equals(q.getString("type"))) {
          assertTrue(q.getBoolean("correct"), quiz.readingId() + " " + q.getString("id"));
        }
      }
    }
  }
}
