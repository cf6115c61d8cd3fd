package com.jiangxin.results;

import com.jiangxin.db.Sql;
import com.jiangxin.support.TestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Classes, assignments and submitted attempts for results tests: people register and answer
 * through the real API; the class and its assignments are written straight into the database.
 */
final class ResultsFixtures {
  static final String PASSWORD = "results-pass-42";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private ResultsFixtures() {
  }

  /** A registered, logged-in account. */
  record Person(long id, String username, String displayName, String token) {
  }

  static Person teacher(TestServer server) {
    return register(server, "teacher", "教师" + SEQ.incrementAndGet());
  }

  static Person student(TestServer server, String displayName) {
    return register(server, "student", displayName);
  }

  static Person register(TestServer server, String role, String displayName) {
    String username = role.substring(0, 3) + "-r" + SEQ.incrementAndGet();
    HttpResponse<Buffer> r = server.postJson("/api/v1/auth/register", new JsonObject().put("username", username)
      .put("password", PASSWORD).put("displayName", displayName).put("role", role)
      .put("inviteCode", TestServer.TEACHER_INVITE_CODE), null);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    long id = r.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> login = server.postJson("/api/v1/auth/login",
      new JsonObject().put("username", username).put("password", PASSWORD), null);
    assertEquals(200, login.statusCode(), login.bodyAsString());
    return new Person(id, username, displayName, login.bodyAsJsonObject().getString("token"));
  }

  /** A browser session: the session cookie and the CSRF token its forms carry. */
  record Session(String sid, String csrf) {
  }

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** Logs in through the login form, as a browser does. */
  static Session session(TestServer server, Person p) {
    HttpResponse<Buffer> page = server.get("/login");
    String anonymous = cookie(page);
    HttpResponse<Buffer> r = server.client.post("/login").putHeader("Cookie", "jx_sid=" + anonymous)
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("username", p.username()).add("password", PASSWORD)
        .add("csrf", csrf(page.bodyAsString()))).await();
    assertEquals(303, r.statusCode(), r.bodyAsString());
    String sid = cookie(r);
    return new Session(sid, csrf(page(server, new Session(sid, null), "/account").bodyAsString()));
  }

  static HttpResponse<Buffer> page(TestServer server, Session s, String path) {
    return server.client.get(path).putHeader("Cookie", "jx_sid=" + s.sid()).send().await();
  }

  static HttpResponse<Buffer> post(TestServer server, Session s, String path, String... keysAndValues) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("csrf", s.csrf());
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      form.add(keysAndValues[i], keysAndValues[i + 1]);
    }
    return server.client.post(path).putHeader("Cookie", "jx_sid=" + s.sid()).sendForm(form).await();
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1);
  }

  private static String cookie(HttpResponse<Buffer> r) {
    for (String c : r.cookies()) {
      if (c.startsWith("jx_sid=")) {
        int end = c.indexOf(';');
        return c.substring("jx_sid=".length(), end < 0 ? c.length() : end);
      }
    }
    return null;
  }

  static long createClass(TestServer server, Person teacher, String name) {
    return Sql.generatedId(server.app.pool().preparedQuery(
        "INSERT INTO classes (teacher_id, name, join_code, join_open, created_at) VALUES (?, ?, ?, TRUE, ?)")
      .execute(Tuple.of(teacher.id(), name, "R" + SEQ.incrementAndGet() + "X" + System.nanoTime() % 100000,
        System.currentTimeMillis())).await());
  }

  static void enrol(TestServer server, long classId, Person... students) {
    for (Person s : students) {
      server.app.pool().preparedQuery("INSERT INTO class_members (class_id, student_id, joined_at) VALUES (?, ?, ?)")
        .execute(Tuple.of(classId, s.id(), System.currentTimeMillis())).await();
    }
  }

  static long assign(TestServer server, long classId, String readingId, int maxAttempts, String keepScore) {
    return Sql.generatedId(server.app.pool().preparedQuery(
        "INSERT INTO assignments (class_id, reading_id, max_attempts, feedback, keep_score, created_at) "
          + "VALUES (?, ?, ?, 'immediate', ?, ?)")
      .execute(Tuple.of(classId, readingId, maxAttempts, keepScore, System.currentTimeMillis())).await());
  }

  /** Starts and submits an attempt with the given answers; returns the submitted attempt's JSON. */
  static JsonObject submit(TestServer server, Person student, long assignmentId, JsonObject answers) {
    HttpResponse<Buffer> start = server.postJson("/api/v1/assignments/" + assignmentId + "/attempts", new JsonObject(),
      student.token());
    assertEquals(201, start.statusCode(), start.bodyAsString());
    long id = start.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> done = server.postJson("/api/v1/attempts/" + id + "/submit",
      new JsonObject().put("answers", answers), student.token());
    assertEquals(200, done.statusCode(), done.bodyAsString());
    return done.bodyAsJsonObject();
  }
}
