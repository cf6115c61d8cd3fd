package com.jiangxin.bench;

import com.jiangxin.support.TestDatabase;
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
 * (target/bench-server), {@code --db h2|postgres|all} (all: H2 on one node, then PostgreSQL at
 * {@code JX_TEST_PG_URL} on one node and on two clustered nodes, the client's users spread evenly
 * over the nodes; each PostgreSQL setup in a fresh schema, dropped afterwards),
 * {@code --only pages|submit} (the JSON and reading-page rows, or the submit row, alone, without
 * the heap and the start-up; {@code pages,submit} for both),
 * {@code --jfr FILE} (each real server keeps a flight recording: the first in FILE, any other in
 * FILE's name with its setup and node added), {@code --server-jvm "ARGS"} (extra JVM options of the
 * real servers, split at spaces). With {@code target/jiangxin.jar} present (after
 * {@code mvn package}) it also times the jar's start-up.
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
  private final String db;
  /** The path groups {@code --only} names, or null to measure everything. */
  private final java.util.Set<String> only;
  /** {@code --server-jvm}'s options, given to every real server. */
  private final List<String> serverJvmOptions;
  /** {@code --jfr}'s file, or null for no flight recording. */
  private final Path jfr;
  private int serversStarted;
  /** Each measured load's CPU milliseconds per request in the serving processes, over its window. */
  private final Map<ClosedLoop.Result, Double> cpuPerRequest = new java.util.IdentityHashMap<>();
  private final List<Setup> setups = new ArrayList<>();
  private int fullSheetSize;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** One way of running the server: its database and how many nodes share it. */
  private record Setup(String label, boolean postgres, int nodes) {
  }

  /** One path: the ceiling it is measured against, and its result on each setup, in order. */
  private record Row(String path, String ceilingWhat, ClosedLoop.Result ceiling, List<ClosedLoop.Result> real) {
  }

  /** A row of the table: the load that measures it, its title, and the ceiling load it is compared with. */
  private record TablePath(String load, String title, String ceilingLoad, String ceilingWhat) {
  }

  private ServerBenchmark(Map<String, String> options) {
    warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
    window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("window", "15")));
    pageUsers = Integer.parseInt(options.getOrDefault("page-users", "64"));
    submitUsers = Integer.parseInt(options.getOrDefault("submit-users", "200"));
    heapUsers = Integer.parseInt(options.getOrDefault("heap-users", "1000"));
    out = Path.of(options.getOrDefault("out", "target/bench-server")).toAbsolutePath();
    db = options.getOrDefault("db", "all");
    if (!List.of("h2", "postgres", "all").contains(db)) {
      throw new IllegalArgumentException("--db must be h2, postgres or all, not " + db);
    }
    only = options.containsKey("only") ? java.util.Set.of(options.get("only").split(",")) : null;
    if (only != null && !List.of("pages", "submit").containsAll(only)) {
      throw new IllegalArgumentException("--only must be pages, submit or pages,submit, not " + options.get("only"));
    }
    serverJvmOptions = options.containsKey("server-jvm") ? List.of(options.get("server-jvm").trim().split("\\s+")) : List.of();
    jfr = options.containsKey("jfr") ? Path.of(options.get("jfr")).toAbsolutePath() : null;
  }

  private boolean measures(String group) {
    return only == null || only.contains(group);
  }

  /**
   * The JVM options of a real server: {@code --server-jvm}'s, then with {@code --jfr} a flight
   * recording, into FILE for the first server started and into a file of its own for any other.
   */
  private List<String> serverJvm(String name) {
    List<String> options = new ArrayList<>(serverJvmOptions);
    if (jfr != null) {
      Path file = serversStarted == 0 ? jfr
        : jfr.resolveSibling(jfr.getFileName().toString().replaceFirst("(\\.jfr)?$", "-" + name + ".jfr"));
      options.add("-XX:StartFlightRecording=settings=profile,filename=" + file);
    }
    serversStarted++;
    return options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new ServerBenchmark(options).run();
    System.exit(0);
  }

  /** H2 on one node; PostgreSQL ({@code JX_TEST_PG_URL}) on one node and on two clustered nodes. */
  private List<Setup> setups() {
    List<Setup> all = new ArrayList<>();
    if (!db.equals("postgres")) {
      all.add(new Setup("H2, 1 node", false, 1));
    }
    if (!db.equals("h2")) {
      java.util.Optional<String> why = TestDatabase.unreachable();
      if (why.isPresent()) {
        notes.add("PostgreSQL columns: not measured, no PostgreSQL at " + TestDatabase.shownPgUrl() + " (" + why.get() + ")");
      } else {
        all.add(new Setup("PostgreSQL, 1 node", true, 1));
        all.add(new Setup("PostgreSQL, 2 nodes", true, 2));
      }
    }
    return all;
  }

  private void run() throws Exception {
    deleteTree(out);
    Files.createDirectories(out);
    String machine = String.format(Locale.ROOT, "%d cores, load average %.2f before the run",
      Runtime.getRuntime().availableProcessors(),
      ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    setups.addAll(setups());
    Vertx vertx = Vertx.vertx();
    HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
      .setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(2 * (Math.max(heapUsers, submitUsers) + 16)));
    try {
      Map<String, ClosedLoop.Result> ceilings = null;
      List<Map<String, ClosedLoop.Result>> results = new ArrayList<>();
      for (Setup setup : setups) {
        Measured m = measure(vertx, client, setup, ceilings == null);
        if (ceilings == null) {
          ceilings = m.ceilings();
        }
        results.add(m.paths());
      }
      List<TablePath> table = List.of(
        new TablePath("readings JSON", "`GET /api/v1/readings`", "bare JSON", "a bare JSON route, same bytes"),
        new TablePath("page anonymous", "reading page " + READING + ", anonymous", "page from memory",
          "the same bytes from memory"),
        new TablePath("page logged in", "reading page " + READING + ", logged-in student", "page from memory",
          "the same bytes from memory"),
        new TablePath("start + submit", "start + submit " + fullSheetSize + " answers", "durable insert",
          "one durable one-row insert"));
      for (TablePath path : table) {
        if (ceilings == null || !ceilings.containsKey(path.ceilingLoad())) {
          continue;
        }
        List<ClosedLoop.Result> real = new ArrayList<>();
        for (Map<String, ClosedLoop.Result> r : results) {
          real.add(r.get(path.load()));
        }
        rows.add(new Row(path.title(), path.ceilingWhat(), ceilings.get(path.ceilingLoad()), real));
      }
    } finally {
      client.close();
      vertx.close().await();
    }
    if (only == null) {
      startUp();
    }
    report(machine);
  }

  /** The loads measured on one setup, by name, in order: the ceiling's (first setup only) and the server's. */
  private record Measured(Map<String, ClosedLoop.Result> ceilings, Map<String, ClosedLoop.Result> paths) {
  }

  /**
   * Starts the setup's nodes (together, as a cluster when there are two), opens a class, and
   * measures the paths {@code --only} asks for (all four by default) with the users spread evenly
   * over the nodes; the first setup also measures the ceiling and (by default) the heap.
   */
  private Measured measure(Vertx vertx, HttpClientAgent client, Setup setup, boolean first) throws Exception {
    Path dir = out.resolve(setup.label().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
    Map<String, String> database = setup.postgres() ? TestDatabase.postgresEnv(dir.resolve("database")) : Map.of();
    List<Integer> clusterPorts = new ArrayList<>();
    for (int i = 0; i < setup.nodes(); i++) {
      clusterPorts.add(com.jiangxin.support.CrashableServer.freePort());
    }
    String members = String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    List<BenchProcess> nodes = new ArrayList<>();
    System.out.println(setup.label() + ": starting …");
    try {
      for (int i = 0; i < setup.nodes(); i++) {
        Map<String, String> env = withDataDir(dir.resolve("node-" + i + "/data"));
        env.putAll(database);
        if (setup.nodes() > 1) {
          env.putAll(Map.of("CLUSTER", "1", "CLUSTER_HOST", "127.0.0.1", "CLUSTER_PORT",
            Integer.toString(clusterPorts.get(i)), "CLUSTER_MEMBERS", members));
        }
        nodes.add(BenchProcess.start("server", dir.resolve("node-" + i), env,
          serverJvm(dir.getFileName() + "-node-" + i), "com.jiangxin.Main"));
      }
      List<Integer> ports = new ArrayList<>();
      for (BenchProcess node : nodes) {
        Matcher ready = node.awaitLine(READY, Duration.ofSeconds(240));
        ports.add(Integer.parseInt(ready.group(2)));
        notes.add(setup.label() + ": server (class path) ready in " + ready.group(1) + " ms");
      }
      BenchClass cls = new BenchClass(ports.get(0));
      System.out.println("Setting up a class of " + submitUsers + " students …");
      cls.open(READING, 10, INVITE);
      cls.enrol(submitUsers, false);
      fullSheetSize = cls.fullSheet.size();
      List<String> pageSessions = cls.sessions(pageUsers);
      Map<String, ClosedLoop.Result> ceilings = new java.util.LinkedHashMap<>();
      if (first) {
        Path page = out.resolve("page.html");
        Files.write(page, cls.bytes("/readings/" + READING));
        Path json = out.resolve("readings.json");
        Files.write(json, cls.bytes("/api/v1/readings"));
        try (BenchProcess ceiling = BenchProcess.start("ceiling", out.resolve("ceiling"), Map.of(), List.of(),
               CeilingServer.class.getName(), out.resolve("ceiling/data").toString(), page.toString(),
               json.toString())) {
          int bare = Integer.parseInt(ceiling.awaitLine(CEILING_READY, Duration.ofSeconds(60)).group(1));
          System.out.println("Measuring the ceiling (warm-up " + warmup.toSeconds() + " s, window "
            + window.toSeconds() + " s per path) …");
          List<BenchProcess> serving = List.of(ceiling);
          if (measures("pages")) {
            load(ceilings, vertx, "bare JSON", pageUsers, serving, u -> get(client, bare, "/json", null));
            load(ceilings, vertx, "page from memory", pageUsers, serving, u -> get(client, bare, "/page", null));
          }
          if (measures("submit")) {
            load(ceilings, vertx, "durable insert", submitUsers, serving, u -> post(client, bare, "/insert", null,
              Buffer.buffer("{\"user\":" + u + "}"), 201));
          }
        }
      }
      System.out.println("Measuring " + setup.label() + " …");
      java.util.function.IntUnaryOperator port = u -> ports.get(u % ports.size());
      Map<String, ClosedLoop.Result> paths = new java.util.LinkedHashMap<>();
      if (measures("pages")) {
        load(paths, vertx, "readings JSON", pageUsers, nodes,
          u -> get(client, port.applyAsInt(u), "/api/v1/readings", null));
        load(paths, vertx, "page anonymous", pageUsers, nodes,
          u -> get(client, port.applyAsInt(u), "/readings/" + READING, null));
        load(paths, vertx, "page logged in", pageUsers, nodes,
          u -> get(client, port.applyAsInt(u), "/readings/" + READING, "jx_sid=" + pageSessions.get(u)));
      }
      if (measures("submit")) {
        AtomicIntegerArray attemptsMade = new AtomicIntegerArray(submitUsers);
        String sheet = new JsonObject().put("answers", cls.fullSheet).encode();
        load(paths, vertx, "start + submit", submitUsers, nodes, u -> {
          int n = attemptsMade.getAndIncrement(u);
          long assignment = cls.assignments.get((n / 20) % cls.assignments.size());
          String auth = cls.studentTokens.get(u);
          // the start and the submit land on different nodes when there are two
          return post(client, port.applyAsInt(u), "/api/v1/assignments/" + assignment + "/attempts", auth, Buffer.buffer(), 201)
            .compose(body -> post(client, port.applyAsInt(u + n), "/api/v1/attempts/" + new JsonObject(body).getLong("id")
              + "/submit", auth, Buffer.buffer(sheet), 200));
        });
      }
      if (first && only == null) {
        heap(vertx, client, nodes.get(0), cls, ports.get(0));
      }
      return new Measured(ceilings, paths);
    } finally {
      for (BenchProcess node : nodes) {
        node.close();
      }
      if (setup.postgres()) {
        TestDatabase.drop(dir.resolve("database"));
      }
    }
  }

  /** Heap after {@code heapUsers} logged-in users have each held a session and read a page. */
  private void heap(Vertx vertx, HttpClientAgent client, BenchProcess real, BenchClass cls, int port)
      throws Exception {
    System.out.println("Logging in " + heapUsers + " browser sessions …");
    List<String> sessions = cls.sessions(heapUsers);
    ClosedLoop.Result r = load(new java.util.HashMap<>(), vertx, heapUsers + " users", heapUsers, List.of(real),
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

  /**
   * Runs one closed-loop load, puts its result into {@code into} under its name and returns it;
   * also notes the serving processes' CPU time per request over the window (their CPU read when
   * the window opens and when it closes).
   */
  private ClosedLoop.Result load(Map<String, ClosedLoop.Result> into, Vertx vertx, String name, int users,
                                 List<BenchProcess> serving, ClosedLoop.Iteration iteration) throws InterruptedException {
    double[] cpu = {Double.NaN, Double.NaN};
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    timer.schedule(() -> cpu[0] = cpuMillis(serving), warmup.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    timer.schedule(() -> cpu[1] = cpuMillis(serving), warmup.plus(window).toMillis(),
      java.util.concurrent.TimeUnit.MILLISECONDS);
    ClosedLoop.Result r = ClosedLoop.run(vertx, name, users, warmup, window, iteration);
    timer.shutdown();
    timer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    double perRequest = (cpu[1] - cpu[0]) / Math.max(1, r.iterations());
    cpuPerRequest.put(r, perRequest);
    into.put(name, r);
    System.out.printf(Locale.ROOT, "  %-22s %5d users %9.0f /s  p50 %7.1f ms  p99 %7.1f ms  CPU %.3f ms/req  errors %d%s%n",
      name, users, r.perSecond(), r.p50Millis(), r.p99Millis(), perRequest, r.errors(),
      r.firstError() == null ? "" : "  (" + r.firstError() + ")");
    return r;
  }

  /** The processes' CPU milliseconds so far, summed (NaN when one cannot be read). */
  private static double cpuMillis(List<BenchProcess> processes) {
    return processes.stream().mapToDouble(BenchProcess::cpuMillis).sum();
  }

  /** The ceiling's CPU per request over the server's: what a busy machine's noise hardly moves. */
  private String cpuRatio(ClosedLoop.Result ceiling, ClosedLoop.Result real) {
    double ratio = cpuPerRequest.getOrDefault(ceiling, Double.NaN) / cpuPerRequest.getOrDefault(real, Double.NaN);
    return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
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
    md.append("| path | users | ceiling | ceiling req/s |");
    for (Setup setup : setups) {
      md.append(" 匠心课堂 on ").append(setup.label()).append(": req/s, p50 / p99 ms, ratio, CPU ratio |");
    }
    md.append("\n|---|---:|---|---:|");
    md.append("---:|".repeat(setups.size())).append('\n');
    for (Row row : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f |", row.path(), row.real().get(0).users(),
        row.ceilingWhat(), row.ceiling().perSecond()));
      for (ClosedLoop.Result r : row.real()) {
        md.append(String.format(Locale.ROOT, " %,.0f, %.1f / %.1f, **%.0f%%**, %s |", r.perSecond(), r.p50Millis(),
          r.p99Millis(), 100 * r.perSecond() / row.ceiling().perSecond(), cpuRatio(row.ceiling(), r)));
      }
      md.append('\n');
    }
    md.append("\n(CPU ratio: the ceiling's CPU time per request over the server's, each process's own user + system"
      + " time over the window without its JIT compiler threads, summed over the nodes; a busy machine moves it"
      + " far less than the throughput.)\n");
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
