package com.jiangxin.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;

/**
 * The live fan-out benchmark: the real server in its own process, one live session, N guest players
 * each holding its event stream open, and the teacher showing question after question. For each
 * question it times, per player, from the moment the teacher's {@code next} is sent to the moment
 * that player's stream delivers the question, and prints p50, p99 and the last player's time.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dmain.class=com.jiangxin.bench.LiveFanout -Dexec.args="--players 1000 --questions 8"</pre>
 *
 * Options: {@code --players N} (1000), {@code --questions Q} (8, at most the reading's live
 * questions), {@code --reading ID} (pian-01), {@code --out DIR} (target/bench-live), {@code --instances N}
 * (the server's {@code INSTANCES}, default one per core), {@code --jfr true} (profile both sides
 * while the questions are shown, into {@code server.jfr} and {@code players.jfr}), {@code --client raw}
 * (the players read their streams as plain TCP bytes instead of through an HTTP client). Every stream is
 * one connection, so the run needs about 2N file descriptors ({@code ulimit -n}) and lifts the
 * server's per-address connection cap, since all players come from one address here.
 */
public final class LiveFanout {
  private static final Pattern READY = Pattern.compile("is ready in (\\d+) ms: open http://localhost:(\\d+)/");
  private static final String INVITE = "bench-invite-code";
  private static final byte[] QUESTION_EVENT = "event: question".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final int players;
  private final int questions;
  private final String reading;
  private final Path out;
  private final String instances;
  private final boolean profile;
  private final boolean raw;
  private final AtomicInteger lost = new AtomicInteger();

  private LiveFanout(Map<String, String> o) {
    players = Integer.parseInt(o.getOrDefault("players", "1000"));
    questions = Integer.parseInt(o.getOrDefault("questions", "8"));
    reading = o.getOrDefault("reading", "pian-01");
    out = Path.of(o.getOrDefault("out", "target/bench-live")).toAbsolutePath();
    instances = o.get("instances");
    profile = Boolean.parseBoolean(o.getOrDefault("jfr", "false"));
    raw = "raw".equals(o.getOrDefault("client", "http"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new LiveFanout(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    String machine = String.format(Locale.ROOT, "%d cores, load average %.2f before the run",
      Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    deleteTree(out);
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", out.resolve("data").toString());
    env.put("TEACHER_INVITE_CODE", INVITE);
    env.put("CONNECTIONS_PER_ADDRESS", String.valueOf(players * 2 + 100));
    env.put("LOGIN_BURST_PER_ADDRESS", "1000000");
    env.put("REGISTER_BURST_PER_ADDRESS", "1000000");
    if (instances != null) {
      env.put("INSTANCES", instances);
    }
    if (compilerLimited()) {
      System.out.println("note: this JVM runs the C1 compiler only (.mvn/jvm.config), which slows the players' side;"
        + " run with MAVEN_OPTS=-XX:TieredStopAtLevel=4");
    }
    Vertx vertx = Vertx.vertx();
    HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(30_000).setIdleTimeout(0),
      // no idle-connection sweep: it would walk all N open streams every second on the players' side
      new PoolOptions().setHttp1MaxSize(players + 64).setCleanerPeriod(0));
    try (BenchProcess server = BenchProcess.start("server", out.resolve("server"), env, List.of("-Xmx1g"), "com.jiangxin.Main")) {
      int port = Integer.parseInt(server.awaitLine(READY, Duration.ofSeconds(60)).group(2));
      BenchClass cls = new BenchClass(port);
      cls.open(reading, 0, INVITE);
      JsonObject session = new JsonObject(call(http, port, HttpMethod.POST, "/api/v1/live", cls.teacherToken, null,
        new JsonObject().put("readingId", reading).put("guests", true)).await());
      long id = session.getLong("id");
      int playable = session.getInteger("questions");
      int rounds = Math.min(questions, playable);
      System.out.printf(Locale.ROOT, "Session %d (%s, %d live questions); joining %,d guests …%n", id, reading, playable, players);
      long joinStart = System.nanoTime();
      List<String> tokens = join(http, port, session.getString("pin"));
      double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
      System.out.printf(Locale.ROOT, "Opening %,d event streams …%n", players);
      long openStart = System.nanoTime();
      Streams streams = raw ? openRaw(vertx, port, id, tokens, rounds) : open(http, port, id, tokens, rounds);
      double openSeconds = (System.nanoTime() - openStart) / 1e9;
      System.out.printf(Locale.ROOT, "Showing %d questions …%n", rounds);
      List<double[]> results = new ArrayList<>();
      if (profile) {
        jfr(server.pid(), "JFR.start", "name=fanout", "settings=profile");
        jfr(ProcessHandle.current().pid(), "JFR.start", "name=fanout", "settings=profile");
      }
      for (int q = 0; q < rounds; q++) {
        Thread.sleep(1500); // let the machine settle between questions, as a teacher would talk
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long serverCpu = cpuMillis(server.pid());
        long clientCpu = cpuMillis(ProcessHandle.current().pid());
        long sent = System.nanoTime();
        call(http, port, HttpMethod.POST, "/api/v1/live/" + id + "/next", cls.teacherToken, null, new JsonObject()).await();
        double nextMs = (System.nanoTime() - sent) / 1e6;
        boolean all = streams.waitAll(q, 60);
        long[] got = streams.received(q);
        double[] ms = Arrays.stream(got).filter(t -> t > 0).mapToDouble(t -> (t - sent) / 1e6).sorted().toArray();
        results.add(new double[] {q, ms.length, pct(ms, 50), pct(ms, 99), ms.length == 0 ? Double.NaN : ms[ms.length - 1], nextMs,
          cpuMillis(server.pid()) - serverCpu, cpuMillis(ProcessHandle.current().pid()) - clientCpu, load});
        if (!all) {
          System.out.printf("question %d: only %d of %d players received it within 60 s%n", q + 1, ms.length, players);
        }
      }
      if (profile) {
        jfr(server.pid(), "JFR.stop", "name=fanout", "filename=" + out.resolve("server.jfr"));
        jfr(ProcessHandle.current().pid(), "JFR.stop", "name=fanout", "filename=" + out.resolve("players.jfr"));
        System.out.println("profiles of the questions: " + out.resolve("server.jfr") + ", " + out.resolve("players.jfr"));
      }
      report(machine, joinSeconds, openSeconds, results, server);
    } finally {
      http.close();
      vertx.close().await();
    }
  }

  private List<String> join(HttpClientAgent http, int port, String pin) throws Exception {
    String[] tokens = new String[players];
    Semaphore inFlight = new Semaphore(64);
    CountDownLatch done = new CountDownLatch(players);
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < players; i++) {
      int n = i;
      inFlight.acquire();
      call(http, port, HttpMethod.POST, "/api/v1/live/join", null, null,
        new JsonObject().put("pin", pin).put("nickname", "玩家" + n))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            tokens[n] = new JsonObject(ar.result()).getString("playerToken");
          } else if (failed.incrementAndGet() < 5) {
            System.out.println("join failed: " + ar.cause().getMessage());
          }
          inFlight.release();
          done.countDown();
        });
    }
    done.await(10, TimeUnit.MINUTES);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " joins failed");
    }
    return List.of(tokens);
  }

  /** Every player's open stream, and when each received each question. */
  private final class Streams {
    private final AtomicLongArray[] at;
    private final CountDownLatch[] latches;

    Streams(int rounds) {
      at = new AtomicLongArray[rounds];
      latches = new CountDownLatch[rounds];
      for (int q = 0; q < rounds; q++) {
        at[q] = new AtomicLongArray(players);
        latches[q] = new CountDownLatch(players);
      }
    }

    void seen(int player, int q) {
      if (q < at.length && at[q].compareAndSet(player, 0, System.nanoTime())) {
        latches[q].countDown();
      }
    }

    boolean waitAll(int q, int seconds) throws InterruptedException {
      return latches[q].await(seconds, TimeUnit.SECONDS);
    }

    long[] received(int q) {
      long[] r = new long[players];
      for (int i = 0; i < players; i++) {
        r[i] = at[q].get(i);
      }
      return r;
    }
  }

  private Streams open(HttpClientAgent http, int port, long id, List<String> tokens, int rounds) throws Exception {
    Streams streams = new Streams(rounds);
    CountDownLatch opened = new CountDownLatch(players);
    Semaphore inFlight = new Semaphore(200);
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < players; i++) {
      int n = i;
      inFlight.acquire();
      RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI("/live/" + id + "/events").putHeader("X-Player-Token", tokens.get(n)).setIdleTimeout(0);
      http.request(o).compose(req -> req.send()).onComplete(ar -> {
        inFlight.release();
        if (ar.failed() || ar.result().statusCode() != 200) {
          if (failed.incrementAndGet() < 5) {
            System.out.println("stream failed: " + (ar.failed() ? ar.cause().getMessage() : ar.result().statusCode()));
          }
          opened.countDown();
          return;
        }
        ar.result().handler(new Reader(streams, n, opened, () -> { }, null));
        ar.result().exceptionHandler(e -> lost.incrementAndGet());
      });
    }
    opened.await(5, TimeUnit.MINUTES);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " streams failed to open");
    }
    return streams;
  }

  /** Counts "event: question" lines across chunk boundaries, as one player's device would see them. */
  private static final class Reader implements io.vertx.core.Handler<Buffer> {
    private final Streams streams;
    private final int player;
    private final CountDownLatch opened;
    private final Runnable onFirst;
    /** Where a stream refused by the server is counted, when this reader sees the status line itself. */
    private final AtomicInteger refused;
    private int count;
    private int match;
    private boolean first = true;

    Reader(Streams streams, int player, CountDownLatch opened, Runnable onFirst, AtomicInteger refused) {
      this.refused = refused;
      this.streams = streams;
      this.player = player;
      this.opened = opened;
      this.onFirst = onFirst;
    }

    @Override
    public void handle(Buffer chunk) {
      if (first) {
        first = false;
        if (refused != null && !chunk.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200")
          && refused.incrementAndGet() < 5) {
          System.out.println("stream failed: " + chunk.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
        }
        opened.countDown();
        onFirst.run();
      }
      for (int b = 0; b < chunk.length(); b++) {
        byte c = chunk.getByte(b);
        match = c == QUESTION_EVENT[match] ? match + 1 : c == QUESTION_EVENT[0] ? 1 : 0;
        if (match == QUESTION_EVENT.length) {
          match = 0;
          streams.seen(player, count++);
        }
      }
    }
  }

  /**
   * The same streams over plain TCP connections that send the request head and scan the bytes that
   * come back, without decoding HTTP: the players' side at its cheapest, to see how much of the
   * machine the load generator itself takes.
   */
  private Streams openRaw(Vertx vertx, int port, long id, List<String> tokens, int rounds) throws Exception {
    Streams streams = new Streams(rounds);
    CountDownLatch opened = new CountDownLatch(players);
    Semaphore inFlight = new Semaphore(200);
    AtomicInteger failed = new AtomicInteger();
    io.vertx.core.net.NetClient net = vertx.createNetClient(new io.vertx.core.net.NetClientOptions().setConnectTimeout(30_000));
    for (int i = 0; i < players; i++) {
      int n = i;
      inFlight.acquire();
      net.connect(port, "127.0.0.1").onComplete(ar -> {
        if (ar.failed()) {
          inFlight.release();
          if (failed.incrementAndGet() < 5) {
            System.out.println("stream failed: " + ar.cause().getMessage());
          }
          opened.countDown();
          return;
        }
        // at most 200 streams waiting for their first bytes, as with the HTTP client: the server reads the state for each
        ar.result().handler(new Reader(streams, n, opened, inFlight::release, failed));
        ar.result().closeHandler(v -> lost.incrementAndGet());
        ar.result().write("GET /live/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n"
          + "X-Player-Token: " + tokens.get(n) + "\r\n\r\n");
      });
    }
    opened.await(5, TimeUnit.MINUTES);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " streams failed to open");
    }
    return streams;
  }

  private static Future<String> call(HttpClientAgent http, int port, HttpMethod method, String path, String bearer,
                                     String player, JsonObject body) {
    RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
      .putHeader("Content-Type", "application/json");
    if (bearer != null) {
      o.putHeader("Authorization", "Bearer " + bearer);
    }
    if (player != null) {
      o.putHeader("X-Player-Token", player);
    }
    Promise<String> result = Promise.promise();
    http.request(o).compose(req -> req.send(body == null ? Buffer.buffer() : body.toBuffer()))
      .compose(res -> res.body().map(b -> {
        if (res.statusCode() >= 300) {
          throw new IllegalStateException(method + " " + path + ": " + res.statusCode() + " " + b);
        }
        return b.toString();
      }))
      .onComplete(result);
    return result.future();
  }

  private static double pct(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private void report(String machine, double joinSeconds, double openSeconds, List<double[]> rows, BenchProcess server) {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%nLive fan-out: %,d players on open event streams (%s client), one server process (%s)%n",
      players, raw ? "raw TCP" : "HTTP", machine));
    t.append(String.format(Locale.ROOT, "joins: %.1f s (%.0f/s); streams opened in %.1f s%n%n",
      joinSeconds, players / joinSeconds, openSeconds));
    t.append("| question | received | p50 ms | p99 ms | last ms | `next` answered ms | server CPU ms | players' CPU ms | load |\n");
    t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    List<Double> p99s = new ArrayList<>();
    for (double[] r : rows) {
      t.append(String.format(Locale.ROOT, "| %d | %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f |%n",
        (int) r[0] + 1, (int) r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]));
      p99s.add(r[3]);
    }
    p99s.sort(Double::compare);
    t.append(String.format(Locale.ROOT, "%nmedian of the per-question p99: %.0f ms; server resident memory %.0f MB; streams lost during the run: %d%n",
      p99s.get(p99s.size() / 2), server.residentMegabytes(), lost.get()));
    System.out.println(t);
    try {
      Files.writeString(out.resolve("live-fanout.md"), t.toString());
    } catch (java.io.IOException e) {
      System.out.println("could not write the table: " + e.getMessage());
    }
  }

  /**
   * CPU time a process has used so far, user and system, in ms (Linux: {@code /proc/<pid>/stat},
   * in clock ticks of 10 ms), or -1 elsewhere. Both sides share the cores, so this shows which one
   * the fan-out costs.
   */
  private static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  private static boolean compilerLimited() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
      .filter(a -> a.startsWith("-XX:TieredStopAtLevel=")).reduce((a, b) -> b).map(a -> !a.endsWith("=4")).orElse(false);
  }

  /** Runs a JFR command of the JDK's {@code jcmd} on a process. */
  private static void jfr(long pid, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      System.out.println(String.join(" ", command) + ": " + said);
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
