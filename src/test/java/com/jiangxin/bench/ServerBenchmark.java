package com.jiangxin.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server benchmark: the real server and a bare Vert.x + H2 ceiling ({@link CeilingServer}),
 * each in its own process on the same class path, driven in one run by the same closed-loop Java
 * client ({@link ClosedLoop}); prints each path as a ratio of the ceiling, so figures taken on a
 * busy or a quiet machine stay comparable.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dmain.class=com.jiangxin.bench.ServerBenchmark [-Dexec.args="--window 15 --warmup 5"]</pre>
 *
 * Options: {@code --warmup S}, {@code --window S} (seconds), {@code --page-users N} (64),
 * {@code --submit-users N} (200), {@code --heap-users N} (1000), {@code --out DIR}
 * (target/bench-server), {@code --only P,Q} (some of json, page, submit, heap, startup; all by default),
 * {@code --server-jvm "ARGS"} (JVM options of the real server, say a flight recording). With {@code target/jiangxin.jar} present (after {@code mvn package}) it
 * also times the jar's start-up.
 */
public final class ServerBenchmark {
  private static final Pattern READY = Pattern.compile("is ready in (\\d+) ms: open http://localhost:(\\d+)/");
  private static final Pattern CEILING_READY = Pattern.compile("ceiling ready on (\\d+)");
  private static final String READING = "pian-05";
  private static final String INVITE = "bench-invite-code";
  private static final Map<String, String> SERVER_ENV = Map.of(
    "TEACHER_INVITE_CODE", INVITE,
    // the benchmark's clients all come from one address; the per-address limits guard a real
    // server against one abusive client and would otherwise measure themselves
    "LOGIN_BURST_PER_ADDRESS", "1000000",
    "REGISTER_BURST_PER_ADDRESS", "1000000",
    "CONNECTIONS_PER_ADDRESS", "100000",
    "PRACTICE_ATTEMPTS_PER_DAY", "1000000");

  private final Duration warmup;
  private final Duration window;
  private final int pageUsers;
  private final int submitUsers;
  private final int heapUsers;
  private final Path out;
  private final java.util.Set<String> only;
  private final List<String> serverJvm;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private record Row(String path, String ceilingWhat, ClosedLoop.Result ceiling, ClosedLoop.Result real) {
    double ratio() {
      return real.perSecond() / ceiling.perSecond();
    }
  }

  private ServerBenchmark(Map<String, String> options) {
    warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
    window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("window", "15")));
    pageUsers = Integer.parseInt(options.getOrDefault("page-users", "64"));
    submitUsers = Integer.parseInt(options.getOrDefault("submit-users", "200"));
    heapUsers = Integer.parseInt(options.getOrDefault("heap-users", "1000"));
    out = Path.of(options.getOrDefault("out", "target/bench-server")).toAbsolutePath();
    serverJvm = options.containsKey("server-jvm") ? List.of(options.get("server-jvm").split(" ")) : List.of();
    only = java.util.Set.of(options.getOrDefault("only", "json,page,submit,heap,startup").split(","));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new ServerBenchmark(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    deleteTree(out);
    Files.createDirectories(out);
    String machine = String.format(Locale.ROOT, "%d cores, load average %.2f before the run",
      Runtime.getRuntime().availableProcessors(),
      ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Vertx vertx = Vertx.vertx();
    HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
      .setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(Math.max(heapUsers, submitUsers) + 16));
    try (BenchProcess real = BenchProcess.start("server", out.resolve("server"),
           withDataDir(out.resolve("server/data")), serverJvm, "com.jiangxin.Main")) {
      Matcher ready = real.awaitLine(READY, Duration.ofSeconds(180));
      int port = Integer.parseInt(ready.group(2));
      notes.add("server (class path) ready in " + ready.group(1) + " ms");
      BenchClass cls = new BenchClass(port);
      System.out.println("Setting up a class of " + submitUsers + " students …");
      cls.open(READING, 10, INVITE);
      cls.enrol(submitUsers, false);
      List<String> pageSessions = cls.sessions(pageUsers);
      Path page = out.resolve("page.html");
      Files.write(page, cls.bytes("/readings/" + READING));
      Path json = out.resolve("readings.json");
      Files.write(json, cls.bytes("/api/v1/readings"));
      try (BenchProcess ceiling = BenchProcess.start("ceiling", out.resolve("ceiling"), Map.of(), List.of(),
             CeilingServer.class.getName(), out.resolve("ceiling/data").toString(), page.toString(),
             json.toString())) {
        int bare = Integer.parseInt(ceiling.awaitLine(CEILING_READY, Duration.ofSeconds(60)).group(1));
        System.out.println("Measuring (warm-up " + warmup.toSeconds() + " s, window " + window.toSeconds()
          + " s per path) …");
        if (only.contains("json")) {
        ClosedLoop.Result bareJson = load(vertx, "bare JSON", pageUsers, u -> get(client, bare, "/json", null));
        rows.add(new Row("`GET /api/v1/readings`", "a bare JSON route, same bytes", bareJson,
          load(vertx, "readings JSON", pageUsers, u -> get(client, port, "/api/v1/readings", null))));
        }
        if (only.contains("page")) {
        ClosedLoop.Result barePage = load(vertx, "page from memory", pageUsers, u -> get(client, bare, "/page", null));
        rows.add(new Row("reading page " + READING + ", anonymous", "the same bytes from memory", barePage,
          load(vertx, "page anonymous", pageUsers, u -> get(client, port, "/readings/" + READING, null))));
        rows.add(new Row("reading page " + READING + ", logged-in student", "the same bytes from memory", barePage,
          load(vertx, "page logged in", pageUsers,
            u -> get(client, port, "/readings/" + READING, "jx_sid=" + pageSessions.get(u)))));
        }
        if (only.contains("submit")) {
        ClosedLoop.Result bareInsert = load(vertx, "durable insert", submitUsers, u -> post(client, bare,
          "/insert", null, Buffer.buffer("{\"user\":" + u + "}"), 201));
        AtomicIntegerArray attemptsMade = new AtomicIntegerArray(submitUsers);
        String sheet = new JsonObject().put("answers", cls.fullSheet).encode();
        rows.add(new Row("start + submit " + cls.fullSheet.size() + " answers", "one durable one-row insert",
          bareInsert, load(vertx, "start + submit", submitUsers, u -> {
            int n = attemptsMade.getAndIncrement(u);
            long assignment = cls.assignments.get((n / 20) % cls.assignments.size());
            String auth = cls.studentTokens.get(u);
            return post(client, port, "/api/v1/assignments/" + assignment + "/attempts", auth, Buffer.buffer(), 201)
              .compose(body -> post(client, port, "/api/v1/attempts/" + new JsonObject(body).getLong("id")
                + "/submit", auth, Buffer.buffer(sheet), 200));
          })));
        }
      }
      if (only.contains("heap")) {
        heap(vertx, client, real, cls, port);
      }
    } finally {
      client.close();
      vertx.close().await();
    }
    if (only.contains("startup")) {
      startUp();
    }
    report(machine);
  }

  /** Heap after {@code heapUsers} logged-in users have each held a session and read a page. */
  private void heap(Vertx vertx, HttpClientAgent client, BenchProcess real, BenchClass cls, int port)
      throws Exception {
    System.out.println("Logging in " + heapUsers + " browser sessions …");
    List<String> sessions = cls.sessions(heapUsers);
    ClosedLoop.Result r = load(vertx, heapUsers + " users", heapUsers,
      u -> get(client, port, "/readings/" + READING, "jx_sid=" + sessions.get(u)));
    notes.add(String.format(Locale.ROOT, "%,d logged-in users reading at once: %.0f pages/s, p99 %.0f ms",
      heapUsers, r.perSecond(), r.p99Millis()));
    notes.add(String.format(Locale.ROOT, "heap in use after a full collection with %,d sessions: %.0f MB"
      + " (resident memory %.0f MB)", heapUsers, real.heapAfterGcMegabytes(), real.residentMegabytes()));
  }

  /** Start-up to ready: the jar when it was built (three runs), on a new data folder each time. */
  private void startUp() {
    Path jar = Path.of("target/jiangxin.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      notes.add("start-up of the jar: not measured (run `mvn -q package -DskipTests` first)");
      return;
    }
    List<Long> readies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path dir = out.resolve("startup-" + i);
      try (BenchProcess p = BenchProcess.start("jar", dir, withDataDir(dir.resolve("data")), List.of(),
             jar.toString())) {
        readies.add(Long.parseLong(p.awaitLine(READY, Duration.ofSeconds(60)).group(1)));
      }
    }
    readies.sort(Comparator.naturalOrder());
    notes.add("start-up of the jar to ready (its own log, three runs): " + readies + " ms, median "
      + readies.get(1) + " ms");
  }

  private ClosedLoop.Result load(Vertx vertx, String name, int users, ClosedLoop.Iteration iteration)
      throws InterruptedException {
    ClosedLoop.Result r = ClosedLoop.run(vertx, name, users, warmup, window, iteration);
    System.out.printf(Locale.ROOT, "  %-22s %5d users %9.0f /s  p50 %7.1f ms  p99 %7.1f ms  errors %d%s%n",
      name, users, r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors(),
      r.firstError() == null ? "" : "  (" + r.firstError() + ")");
    return r;
  }

  private static Future<String> get(HttpClientAgent client, int port, String path, String cookie) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
      .setURI(path);
    if (cookie != null) {
      options.putHeader("Cookie", cookie);
    }
    return client.request(options).compose(req -> req.send())
      .compose(resp -> resp.body().compose(body -> ClosedLoop.expect(resp.statusCode() == 200,
        body.toString(), path + " answered " + resp.statusCode())));
  }

  private static Future<String> post(HttpClientAgent client, int port, String path, String token, Buffer body,
                                     int status) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
      .setURI(path).putHeader("Content-Type", "application/json");
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    return client.request(options).compose(req -> req.send(body))
      .compose(resp -> resp.body().compose(b -> ClosedLoop.expect(resp.statusCode() == status, b.toString(),
        path + " answered " + resp.statusCode() + " " + b)));
  }

  private void report(String machine) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("Measured ").append(ZonedDateTime.now(ZoneId.of("Asia/Shanghai"))
      .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" (China time); ").append(machine)
      .append("; warm-up ").append(warmup.toSeconds()).append(" s, window ").append(window.toSeconds())
      .append(" s.\n\n");
    md.append("| path | users | ceiling | ceiling req/s | 匠心课堂 req/s | p50 ms | p99 ms | ratio |\n");
    md.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %,.0f | %.1f | %.1f | **%.0f%%** |%n",
        row.path(), row.real().users(), row.ceilingWhat(), row.ceiling().perSecond(), row.real().perSecond(),
        row.real().p50Millis(), row.real().p99Millis(), 100 * row.ratio()));
    }
    md.append('\n');
    for (String note : notes) {
      md.append("- ").append(note).append('\n');
    }
    Files.writeString(out.resolve("report.md"), md);
    System.out.println();
    System.out.println(md);
    System.out.println("(also written to " + out.resolve("report.md") + ")");
  }

  private static Map<String, String> withDataDir(Path dir) {
    Map<String, String> env = new java.util.HashMap<>(SERVER_ENV);
    env.put("DATA_DIR", dir.toString());
    return env;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
