package com.jiangxin.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classroom the benchmark drives, set up through the real API as a teacher and students would:
 * a teacher, a class, assignments of one reading, students who joined with the code, their API
 * tokens and browser sessions, and a full answer sheet from the teacher's view of the quiz.
 */
final class BenchClass {
  static final String PASSWORD = "bench-password-1";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern SID = Pattern.compile("jx_sid=([^;]+)");

  final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  String teacherToken;
  long classId;
  String joinCode;
  final List<Long> assignments = new ArrayList<>();
  final List<String> studentTokens = new ArrayList<>();
  final List<String> studentCookies = new ArrayList<>();
  JsonObject fullSheet;

  BenchClass(int port) {
    this.port = port;
  }

  /** Registers the teacher, opens the class and sets {@code count} assignments of {@code readingId}. */
  void open(String readingId, int count, String inviteCode) {
    String teacher = "bench-teacher";
    JsonObject reg = new JsonObject().put("username", teacher).put("password", PASSWORD)
      .put("displayName", "王老师").put("role", "teacher").put("inviteCode", inviteCode);
    expect(post("/api/v1/auth/register", reg, null), 201, "register the teacher");
    teacherToken = login(teacher);
    JsonObject cls = new JsonObject(expect(post("/api/v1/classes", new JsonObject().put("name", "压力测试班"),
      teacherToken), 201, "open a class"));
    classId = cls.getLong("id");
    joinCode = cls.getString("joinCode");
    for (int i = 0; i < count; i++) {
      JsonObject a = new JsonObject(expect(post("/api/v1/classes/" + classId + "/assignments",
        new JsonObject().put("readingId", readingId).put("maxAttempts", 20).put("feedback", "immediate"),
        teacherToken), 201, "set an assignment"));
      assignments.add(a.getLong("id"));
    }
    JsonObject quiz = new JsonObject(get("/api/v1/readings/" + readingId + "/quiz", teacherToken));
    fullSheet = new JsonObject();
    for (Object q : quiz.getJsonArray("questions", new JsonArray())) {
      JsonObject question = (JsonObject) q;
      Object answer = question.getValue("answer");
      fullSheet.put(question.getString("id"), answer == null ? "作者借这个例子说明了观点。" : answer);
    }
  }

  /** Registers {@code count} students in parallel, joins them to the class and logs each in. */
  void enrol(int count, boolean browserSessions) throws Exception {
    List<String[]> made = parallel(count, i -> {
      String username = "bench-s" + i;
      JsonObject reg = new JsonObject().put("username", username).put("password", PASSWORD)
        .put("displayName", "学生" + i).put("role", "student");
      expect(post("/api/v1/auth/register", reg, null), 201, "register " + username);
      String token = login(username);
      expect(post("/api/v1/classes/join", new JsonObject().put("joinCode", joinCode), token), 200, "join the class");
      return new String[] {token, browserSessions ? session(username) : null};
    });
    for (String[] m : made) {
      studentTokens.add(m[0]);
      studentCookies.add(m[1]);
    }
  }

  /** {@code count} more browser sessions, for students 0, 1, 2 … in turn (one login each). */
  List<String> sessions(int count) throws Exception {
    int students = studentTokens.size();
    return parallel(count, i -> session("bench-s" + (i % students)));
  }

  private static <T> List<T> parallel(int count, IntFunction<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> task.apply(n)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  String login(String username) {
    JsonObject r = new JsonObject(expect(post("/api/v1/auth/login",
      new JsonObject().put("username", username).put("password", PASSWORD), null), 200, "log in " + username));
    return r.getString("token");
  }

  /** Logs in through the login form, as a browser does; the session cookie's value. */
  String session(String username) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
    String anonymous = cookie(page);
    Matcher csrf = CSRF.matcher(page.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&csrf=" + enc(csrf.group(1));
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/login"))
      .header("Content-Type", "application/x-www-form-urlencoded")
      .header("Cookie", "jx_sid=" + anonymous)
      .POST(HttpRequest.BodyPublishers.ofString(form)));
    String sid = cookie(r);
    if (r.statusCode() != 303 || sid == null) {
      throw new IllegalStateException("form login " + username + ": " + r.statusCode() + " " + r.body());
    }
    return sid;
  }

  String get(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return expect(send(b), 200, "GET " + path);
  }

  byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + ": " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String path, JsonObject body, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
      .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private static String expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": expected " + status + ", got " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String cookie(HttpResponse<?> r) {
    for (String header : r.headers().allValues("set-cookie")) {
      Matcher m = SID.matcher(header);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
