package com.jiangxin;

import com.jiangxin.quiz.Question;
import com.jiangxin.support.BuiltInBank;
import com.jiangxin.support.CrashableServer;
import com.jiangxin.support.ServerProcess;
import com.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server processes, started together with {@code CLUSTER=1} on one PostgreSQL schema, spoken to
 * by plain HTTP clients: what a school behind a load balancer relies on holds whichever node a
 * request lands on. Runs in the PostgreSQL pass of the build (a cluster on H2 is refused).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "jx.db", matches = "postgres",
  disabledReason = "a cluster needs PostgreSQL: this test runs in the PostgreSQL pass of the build")
@DisplayName("two nodes in one cluster on one PostgreSQL database")
class ClusterTest {
  private static final String INVITE = "cluster-test-invite-code";
  private static final String PASSWORD = "correct-horse-42";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicInteger SEQ = new AtomicInteger();

  private static Path work;
  private static Path shared;
  private static ServerProcess a;
  private static ServerProcess b;
  private static int portA;
  private static int portB;

  @BeforeAll
  static void startTwoNodes() throws IOException {
    work = Files.createTempDirectory("jiangxin-cluster");
    shared = work.resolve("database");
    String dbUrl = TestDatabase.env(shared).get("DB_URL");
    int hzA = CrashableServer.freePort();
    int hzB = CrashableServer.freePort();
    String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    // started at the same moment, so the start-up races between nodes (CSRF key, migrations) are run
    a = ServerProcess.start(work, node("a", dbUrl, hzA, members));
    b = ServerProcess.start(work, node("b", dbUrl, hzB, members));
    portA = a.awaitReady(Duration.ofSeconds(240));
    portB = b.awaitReady(Duration.ofSeconds(240));
    awaitClusterOfTwo();
  }

  private static Map<String, String> node(String name, String dbUrl, int clusterPort, String members) {
    return Map.of("DB_URL", dbUrl, "DATA_DIR", work.resolve("node-" + name).toString(),
      "CLUSTER", "1", "CLUSTER_HOST", "127.0.0.1", "CLUSTER_PORT", Integer.toString(clusterPort),
      "CLUSTER_MEMBERS", members, "INSTANCES", "2", "TEACHER_INVITE_CODE", INVITE);
  }

  @AfterAll
  static void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    if (shared != null) {
      TestDatabase.drop(shared);
    }
  }

  private static void awaitClusterOfTwo() {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonObject healthA = new JsonObject(get(portA, "/health", null).body());
      JsonObject healthB = new JsonObject(get(portB, "/health", null).body());
      if (healthA.getInteger("clusterSize") == 2 && healthB.getInteger("clusterSize") == 2) {
        return;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("the nodes did not form a cluster of two: " + healthA + " " + healthB
          + "\nA:\n" + a.output() + "\nB:\n" + b.output());
      }
      pause(200);
    }
  }

  @Test
  @Order(1)
  @DisplayName("/health on each node names a different node and a cluster of two")
  void healthNamesTheNodeAndTheClusterSize() {
    JsonObject healthA = new JsonObject(get(portA, "/health", null).body());
    JsonObject healthB = new JsonObject(get(portB, "/health", null).body());
    assertEquals("UP", healthA.getString("status"));
    assertEquals(true, healthA.getBoolean("clustered"));
    assertEquals(2, healthA.getInteger("clusterSize"));
    assertEquals(2, healthB.getInteger("clusterSize"));
    assertNotNull(healthA.getString("node"));
    assertNotEquals(healthA.getString("node"), healthB.getString("node"));
  }

  @Test
  @Order(2)
  @DisplayName("a login on node A works on node B: the bearer token, the session cookie and its form token")
  void loginOnAWorksOnB() {
    String username = register(portA, "student", "在A登录");
    String token = token(portA, username);
    HttpResponse<String> me = get(portB, "/api/v1/me", token);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals(username, new JsonObject(me.body()).getString("username"));

    String sid = formLogin(portA, username);
    HttpResponse<String> account = request(portB, "GET", "/account", null, null, "jx_sid=" + sid);
    assertEquals(200, account.statusCode(), account.body());
    assertTrue(account.body().contains(username), "B shows the account A logged in");
    // a form token handed out by A is accepted by B: both nodes hold the one CSRF key
    String csrf = csrfOf(request(portA, "GET", "/account", null, null, "jx_sid=" + sid).body());
    HttpResponse<String> logout = postForm(portB, "/logout", "csrf=" + enc(csrf), sid);
    assertEquals(303, logout.statusCode(), logout.body());
    // a node may trust what it looked up a moment ago; within seconds the ended session is gone everywhere
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int onA;
    do {
      onA = request(portA, "GET", "/account", null, null, "jx_sid=" + sid).statusCode();
    } while (onA != 303 && System.nanoTime() < until && sleepy(200));
    assertEquals(303, onA, "the session ended on B is gone on A too");
  }

  @Test
  @Order(3)
  @DisplayName("a discussion post written on node A appears on a live stream opened on node B")
  void postOnAReachesStreamOnB() throws Exception {
    String teacher = token(portA, register(portA, "teacher", "王老师"));
    String student = token(portA, register(portA, "student", "在B看"));
    JsonObject created = json(post(portA, "/api/v1/classes", new JsonObject().put("name", "高一（集群）班"), teacher), 201);
    json(post(portB, "/api/v1/classes/join", new JsonObject().put("joinCode", created.getString("joinCode")), student), 200);
    long assignment = json(post(portA, "/api/v1/classes/" + created.getLong("id") + "/assignments",
      new JsonObject().put("readingId", "pian-07"), teacher), 201).getLong("id");
    HttpResponse<String> threads = get(portA, "/api/v1/assignments/" + assignment + "/threads", teacher);
    long thread = new JsonArray(threads.body()).getJsonObject(0).getLong("id");

    try (Events onB = Events.open(portB, "/api/v1/threads/" + thread + "/events", "Authorization", "Bearer " + student)) {
      assertNotNull(onB.next("ready"), "the stream on B says when it is subscribed");
      json(post(portA, "/api/v1/threads/" + thread + "/posts", new JsonObject().put("body", "写在A节点上的看法"), teacher), 201);
      JsonObject event = onB.next("post");
      assertNotNull(event, "the post written on A reaches the stream on B");
      assertTrue(event.encode().contains("写在A节点上的看法"), event.encode());
    }
  }

  @Test
  @Order(4)
  @DisplayName("20 parallel submits of one attempt, split over A and B, produce one result")
  void parallelSubmitsGiveOneResult() throws Exception {
    String student = token(portA, register(portA, "student", "交卷二十次"));
    long attempt = json(post(portA, "/api/v1/readings/pian-03/practice", new JsonObject(), student), 201).getLong("id");
    List<HttpResponse<String>> answers = parallel(20, i -> post(i % 2 == 0 ? portA : portB,
      "/api/v1/attempts/" + attempt + "/submit", new JsonObject().put("answers", new JsonObject()), student));
    Set<Double> scores = new HashSet<>();
    for (HttpResponse<String> r : answers) {
      assertEquals(200, r.statusCode(), r.body());
      JsonObject body = new JsonObject(r.body());
      assertEquals("submitted", body.getString("status"));
      scores.add(body.getDouble("score"));
    }
    assertEquals(1, scores.size(), "every submit answers the one stored result: " + scores);
    JsonObject stored = json(get(portB, "/api/v1/attempts/" + attempt, student), 200);
    assertEquals("submitted", stored.getString("status"));
    assertEquals(scores.iterator().next(), stored.getDouble("score"));
  }

  @Test
  @Order(5)
  @DisplayName("10 parallel starts, split over A and B, respect maxAttempts: 1")
  void parallelStartsRespectTheLimit() throws Exception {
    String teacher = token(portB, register(portB, "teacher", "李老师"));
    String student = token(portA, register(portA, "student", "开始十次"));
    JsonObject created = json(post(portB, "/api/v1/classes", new JsonObject().put("name", "高一（限次）班"), teacher), 201);
    json(post(portA, "/api/v1/classes/join", new JsonObject().put("joinCode", created.getString("joinCode")), student), 200);
    long assignment = json(post(portB, "/api/v1/classes/" + created.getLong("id") + "/assignments",
      new JsonObject().put("readingId", "pian-04").put("maxAttempts", 1), teacher), 201).getLong("id");

    List<HttpResponse<String>> starts = parallel(10, i -> post(i % 2 == 0 ? portA : portB,
      "/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), student));
    Set<Long> attempts = new HashSet<>();
    for (HttpResponse<String> r : starts) {
      if (r.statusCode() / 100 == 2) {
        attempts.add(new JsonObject(r.body()).getLong("id"));
      } else {
        assertTrue(r.statusCode() == 409 || r.statusCode() == 403, r.statusCode() + " " + r.body());
      }
    }
    assertEquals(1, attempts.size(), "one attempt, however many starts: " + attempts);
    long only = attempts.iterator().next();
    json(post(portB, "/api/v1/attempts/" + only + "/submit", new JsonObject().put("answers", new JsonObject()), student), 200);
    HttpResponse<String> again = post(portA, "/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), student);
    assertTrue(again.statusCode() == 409 || again.statusCode() == 403, "no second attempt: " + again.statusCode() + " " + again.body());
  }

  @Test
  @Order(6)
  @DisplayName("failed logins spread over A and B are throttled as one account")
  void failedLoginsAreCountedAcrossNodes() {
    String username = register(portA, "student", "被人猜密码");
    List<Integer> codes = new ArrayList<>();
    // alone, each node would count five of these ten and let every one through to the password check
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = post(i % 2 == 0 ? portA : portB, "/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", "wrong-guess-" + i), null);
      codes.add(r.statusCode());
      pause(50);
    }
    assertEquals(List.of(401, 401, 401, 401, 401), codes.subList(0, 5), "the first guesses are simply wrong: " + codes);
    assertTrue(codes.contains(429), "the guesses are throttled as one account across both nodes: " + codes);
  }

  @Test
  @Order(7)
  @DisplayName("a live session hosted on A is followed on B: players see next and reveal on B's stream, their answers count")
  void liveSessionAcrossNodes() throws Exception {
    String teacher = token(portA, register(portA, "teacher", "张老师"));
    JsonObject session = json(post(portA, "/api/v1/live", new JsonObject().put("readingId", "pian-01").put("guests", true), teacher), 201);
    long id = session.getLong("id");
    JsonObject right = json(post(portB, "/api/v1/live/join", new JsonObject().put("pin", session.getString("pin")).put("nickname", "小明"), null), 200);
    JsonObject wrong = json(post(portB, "/api/v1/live/join", new JsonObject().put("pin", session.getString("pin")).put("nickname", "小红"), null), 200);
    try (Events first = Events.open(portB, "/live/" + id + "/events", "X-Player-Token", right.getString("playerToken"));
         Events second = Events.open(portB, "/live/" + id + "/events", "X-Player-Token", wrong.getString("playerToken"))) {
      assertNotNull(first.next("state"), "the stream on B starts with the session's state");
      assertNotNull(second.next("state"));
      pause(1000); // the streams' subscriptions reach node A

      JsonObject next = json(post(portA, "/api/v1/live/" + id + "/next", new JsonObject(), teacher), 200);
      JsonObject question = next.getJsonObject("question");
      JsonObject shown = first.next("question");
      assertNotNull(shown, "the host's next on A reaches the player's stream on B");
      assertTrue(shown.encode().contains(question.getString("id")), shown.encode());
      assertNotNull(second.next("question"));

      Question q = BuiltInBank.quiz("pian-01").questions().stream()
        .filter(x -> x.id().equals(question.getString("id"))).findFirst().orElseThrow();
      Object key = q.key() instanceof List<?> l ? new JsonArray(new ArrayList<>(l)) : q.key();
      assertEquals(202, playerPost(portB, "/api/v1/live/" + id + "/answers",
        new JsonObject().put("questionId", q.id()).put("answer", key), right.getString("playerToken")).statusCode());
      assertEquals(202, playerPost(portB, "/api/v1/live/" + id + "/answers",
        new JsonObject().put("questionId", q.id()).put("answer", wrongAnswer(q, question)), wrong.getString("playerToken")).statusCode());

      JsonObject reveal = json(post(portA, "/api/v1/live/" + id + "/reveal", new JsonObject(), teacher), 200);
      assertEquals(2, reveal.getInteger("answered"), reveal.encode());
      assertEquals(1, reveal.getInteger("correct"), reveal.encode());
      assertNotNull(first.next("reveal"), "the reveal on A reaches the player's stream on B");
      assertNotNull(second.next("reveal"));
    }
  }

  @Test
  @Order(99)
  @DisplayName("kill -9 of node A during a burst of submits loses no acknowledged submission, and B keeps serving")
  void killingANodeLosesNothingAcknowledged() throws Exception {
    List<String> tokens = new ArrayList<>();
    List<long[]> attempts = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      String token = token(portB, register(portB, "student", "断电" + s));
      tokens.add(token);
      for (int r = 1; r <= 9; r++) {
        long id = json(post(portB, "/api/v1/readings/pian-0" + r + "/practice", new JsonObject(), token), 201).getLong("id");
        attempts.add(new long[] {id, s});
      }
    }
    Map<Long, Double> acknowledged = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    for (int i = 0; i < attempts.size(); i++) {
      long[] attempt = attempts.get(i);
      int port = i % 2 == 0 ? portA : portB;
      pool.submit(() -> {
        try {
          HttpResponse<String> r = post(port, "/api/v1/attempts/" + attempt[0] + "/submit",
            new JsonObject().put("answers", new JsonObject()), tokens.get((int) attempt[1]));
          if (r.statusCode() == 200 && "submitted".equals(new JsonObject(r.body()).getString("status"))) {
            acknowledged.put(attempt[0], new JsonObject(r.body()).getDouble("score"));
          }
        } catch (RuntimeException dropped) {
          // A died under this request: it was never acknowledged
        }
      });
    }
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (acknowledged.size() < attempts.size() / 4 && System.nanoTime() < until) {
      pause(5);
    }
    a.close(); // SIGKILL
    pool.shutdown();
    assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    assertTrue(acknowledged.size() >= 5, "acknowledged " + acknowledged.size());

    for (Map.Entry<Long, Double> e : acknowledged.entrySet()) {
      long owner = attempts.stream().filter(x -> x[0] == e.getKey()).findFirst().orElseThrow()[1];
      JsonObject stored = json(get(portB, "/api/v1/attempts/" + e.getKey(), tokens.get((int) owner)), 200);
      assertEquals("submitted", stored.getString("status"), "acknowledged attempt " + e.getKey());
      assertEquals(e.getValue(), stored.getDouble("score"));
    }
    // B keeps serving: a new student registers, logs in, practises and submits on B alone
    String late = token(portB, register(portB, "student", "后来的"));
    long id = json(post(portB, "/api/v1/readings/pian-02/practice", new JsonObject(), late), 201).getLong("id");
    json(post(portB, "/api/v1/attempts/" + id + "/submit", new JsonObject().put("answers", new JsonObject()), late), 200);
    assertEquals("UP", new JsonObject(get(portB, "/health", null).body()).getString("status"));
  }

  // ---- HTTP as any client would speak it ----

  private static String register(int port, String role, String displayName) {
    String username = role + "-c" + SEQ.incrementAndGet();
    HttpResponse<String> r = post(port, "/api/v1/auth/register", new JsonObject().put("username", username)
      .put("password", PASSWORD).put("displayName", displayName).put("role", role).put("inviteCode", INVITE), null);
    assertEquals(201, r.statusCode(), r.body());
    return username;
  }

  private static String token(int port, String username) {
    return json(post(port, "/api/v1/auth/login", new JsonObject().put("username", username).put("password", PASSWORD), null), 200)
      .getString("token");
  }

  /** Logs in through the login form as a browser does; the session cookie's value. */
  private static String formLogin(int port, String username) {
    HttpResponse<String> page = get(port, "/login", null);
    String anonymous = cookie(page);
    HttpResponse<String> r = request(port, "POST", "/login", "application/x-www-form-urlencoded",
      "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&csrf=" + enc(csrfOf(page.body())),
      anonymous == null ? null : "jx_sid=" + anonymous);
    assertEquals(303, r.statusCode(), r.body());
    String sid = cookie(r);
    assertNotNull(sid, "the login sets a session cookie");
    return sid;
  }

  private static HttpResponse<String> postForm(int port, String path, String form, String sid) {
    return request(port, "POST", path, "application/x-www-form-urlencoded", form, "jx_sid=" + sid);
  }

  private static String cookie(HttpResponse<String> r) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      if (c.startsWith("jx_sid=")) {
        int end = c.indexOf(';');
        return c.substring("jx_sid=".length(), end < 0 ? c.length() : end);
      }
    }
    return null;
  }

  private static String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    assertTrue(m.find(), "the page carries a CSRF token");
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(int port, String path, String token) {
    return request(port, "GET", path, null, null, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  private static HttpResponse<String> post(int port, String path, JsonObject body, String token) {
    return request(port, "POST", path, "application/json", body.encode(), null,
      token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  private static HttpResponse<String> playerPost(int port, String path, JsonObject body, String playerToken) {
    return request(port, "POST", path, "application/json", body.encode(), null, Map.of("X-Player-Token", playerToken));
  }

  private static HttpResponse<String> request(int port, String method, String path, String type, String body, String cookie) {
    return request(port, method, path, type, body, cookie, Map.of());
  }

  private static HttpResponse<String> request(int port, String method, String path, String type, String body,
                                              String cookie, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
      .timeout(Duration.ofSeconds(30))
      .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    headers.forEach(b::header);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  /** Runs {@code n} requests at once, released together. */
  private static List<HttpResponse<String>> parallel(int n, java.util.function.IntFunction<HttpResponse<String>> call)
    throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<HttpResponse<String>> task = () -> {
          go.await();
          return call.apply(index);
        };
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<HttpResponse<String>> out = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** An answer of the right shape that is not the key. */
  private static Object wrongAnswer(Question q, JsonObject view) {
    return switch (q.typeName()) {
      case "truefalse" -> !Boolean.TRUE.equals(q.key());
      case "numeric" -> ((Number) q.key()).doubleValue() + 12345;
      case "single" -> view.getJsonArray("options").stream().map(o -> ((JsonObject) o).getString("id"))
        .filter(o -> !o.equals(q.key())).findFirst().orElseThrow();
      case "multiple" -> new JsonArray(view.getJsonArray("options").stream().map(o -> ((JsonObject) o).getString("id"))
        .filter(o -> !((List<?>) q.key()).contains(o)).toList());
      case "ordering" -> new JsonArray(view.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList());
      default -> "一个肯定不对的答案";
    };
  }

  private static boolean sleepy(long ms) {
    pause(ms);
    return true;
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One open server-sent event stream; its events ({@code type}, {@code data}) arrive in a queue. */
  private static final class Events implements AutoCloseable {
    private final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
    private final Stream<String> lines;

    private Events(Stream<String> lines) {
      this.lines = lines;
      Thread reader = new Thread(() -> {
        String[] type = {null};
        try {
          lines.forEach(line -> {
            if (line.startsWith("event: ")) {
              type[0] = line.substring(7);
            } else if (line.startsWith("data: ")) {
              queue.add(new JsonObject().put("type", type[0]).put("data", new JsonObject(line.substring(6))));
            }
          });
        } catch (RuntimeException closed) {
          // the test closed the stream
        }
      }, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Events open(int port, String path, String header, String value) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header(header, value).header("Accept", "text/event-stream").build();
      HttpResponse<Stream<String>> r = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), path);
      return new Events(r.body());
    }

    /** The next event of one type, skipping others; null if none comes within 15 seconds. */
    JsonObject next(String type) throws InterruptedException {
      long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (true) {
        long left = until - System.nanoTime();
        JsonObject e = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
        if (e == null) {
          return null;
        }
        if (type.equals(e.getString("type"))) {
          return e;
        }
      }
    }

    @Override
    public void close() {
      lines.close();
    }
  }
}
