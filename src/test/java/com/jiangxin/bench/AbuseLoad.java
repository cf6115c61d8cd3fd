package com.jiangxin.bench;

import com.jiangxin.App;
import com.jiangxin.config.Config;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The two abuse measurements of the README, against the real server with its default limits, all
 * on loopback. The attacker speaks from 127.0.0.2 (and further 127.0.0.x), the measured visitor
 * from 127.0.0.1, so the server sees them as different computers.
 * <ul>
 *   <li>{@code slow}: one address opens 20,000 connections, each with half a request head, then
 *   for 20 s reopens every one the server closes; meanwhile /health is timed every 0.1 s and a
 *   login every 0.6 s.</li>
 *   <li>{@code hash [ADDRESSES]}: 200 concurrent loops register new accounts, register taken
 *   usernames and log in, for 30 s, from one address (default) or spread over ADDRESSES addresses;
 *   meanwhile /health is timed every 50 ms.</li>
 * </ul>
 */
public final class AbuseLoad {
  private static final int SLOW_CONNECTIONS = 20_000;
  /** The client's own socket budget: the process may hold 20,000 descriptors in all. */
  private static final int CLIENT_SOCKET_BUDGET = 15_000;
  private static final Duration HOLD = Duration.ofSeconds(20);
  private static final int LOOPS = 200;
  private static final Duration HASH_RUN = Duration.ofSeconds(30);
  private static final String PASSWORD = "load-password-1";

  private AbuseLoad() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "slow";
    Path dir = Files.createTempDirectory("jiangxin-abuse");
    Vertx serverVertx = Vertx.vertx();
    App app = new App(Config.from(Map.of("PORT", "0", "DATA_DIR", dir.toString())));
    serverVertx.deployVerticle(app).await();
    int port = app.port();
    System.out.printf("server on port %d with its default limits (%d cores)%n", port, Runtime.getRuntime().availableProcessors());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = "http://127.0.0.1:" + port;
    String user = "visitor";
    int made = post(http, base + "/api/v1/auth/register", new JsonObject().put("username", user).put("password", PASSWORD)
      .put("displayName", "访客").put("role", "student")).statusCode();
    if (made != 201) {
      throw new IllegalStateException("could not register the visitor: " + made);
    }
    try {
      List<Long> quiet = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        quiet.add(timed(() -> get(http, base + "/health")));
        Thread.sleep(100);
      }
      report("/health before any attack (the machine's own noise)", quiet);
      if ("hash".equals(mode)) {
        hash(http, base, port, args.length > 1 ? Integer.parseInt(args[1]) : 1);
      } else {
        slow(http, base, port, user);
      }
    } finally {
      serverVertx.close().await();
      TestServer.deleteTree(dir);
    }
    System.exit(0);
  }

  // ---- slow connections ----

  private static void slow(HttpClient http, String base, int port, String user) throws Exception {
    List<Long> health = Collections.synchronizedList(new ArrayList<>());
    List<Long> login = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger loginRefused = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread healthProbe = new Thread(() -> {
      while (running.get()) {
        try {
          health.add(timed(() -> get(http, base + "/health")));
          Thread.sleep(100);
        } catch (Exception e) {
          failures.incrementAndGet();
        }
      }
    }, "health-probe");
    Thread loginProbe = new Thread(() -> {
      while (running.get()) {
        try {
          login.add(timed(() -> {
            HttpResponse<String> r = post(http, base + "/api/v1/auth/login",
              new JsonObject().put("username", user).put("password", PASSWORD));
            if (r.statusCode() != 200) {
              loginRefused.incrementAndGet();
            }
            return r;
          }));
          // under two logins a second: the visitor stays within the per-address login rate
          Thread.sleep(600);
        } catch (Exception e) {
          failures.incrementAndGet();
        }
      }
    }, "login-probe");

    ByteBuffer partial = ByteBuffer.wrap("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: "
      .getBytes(StandardCharsets.US_ASCII));
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
    Selector selector = Selector.open();
    int opened = 0;
    int refused = 0;
    int closedByServer = 0;
    long began = System.nanoTime();
    long deadline = began + Duration.ofSeconds(90).toNanos();
    healthProbe.start();
    loginProbe.start();
    while (opened + refused < SLOW_CONNECTIONS && System.nanoTime() < deadline) {
      for (int i = 0; i < 100 && opened + refused < SLOW_CONNECTIONS && selector.keys().size() < CLIENT_SOCKET_BUDGET; i++) {
        try {
          open(selector, server, partial);
          opened++;
        } catch (IOException e) {
          refused++;
        }
      }
      closedByServer += reap(selector);
    }
    double openSeconds = (System.nanoTime() - began) / 1e9;
    int healthInBurst = health.size();
    int loginInBurst = login.size();
    // then keep trying to hold 20,000: every connection the server closes is opened again, at up
    // to 500 a second (the loopback has about 28,000 ports for one address to use in a minute)
    long holdUntil = System.nanoTime() + HOLD.toNanos();
    int reopened = 0;
    while (System.nanoTime() < holdUntil) {
      closedByServer += reap(selector);
      for (int i = 0; i < 25 && selector.keys().size() < SLOW_CONNECTIONS; i++) {
        try {
          open(selector, server, partial);
          reopened++;
        } catch (IOException e) {
          refused++;
        }
      }
      Thread.sleep(50);
    }
    closedByServer += reap(selector);
    int stillOpen = selector.keys().size();
    running.set(false);
    healthProbe.join();
    loginProbe.join();
    for (SelectionKey k : selector.keys()) {
      k.channel().close();
    }
    System.out.printf("slow: %,d connections opened from 127.0.0.2 in %.1f s, then %,d more over %d s to replace "
        + "those the server closed (%,d refused by the kernel); the server closed %,d in all; "
        + "open at the end %,d%n",
      opened, openSeconds, reopened, HOLD.toSeconds(), refused, closedByServer, stillOpen);
    report("/health while the 20,000 open", health.subList(0, healthInBurst));
    report("login while the 20,000 open", login.subList(0, loginInBurst));
    report("/health while held and reopened", health.subList(healthInBurst, health.size()));
    report("login while held and reopened", login.subList(loginInBurst, login.size()));
    report("/health over the whole run", health);
    report("login over the whole run", login);
    System.out.printf("probe failures (no answer or 5xx): %d; logins not answered 200: %d%n", failures.get(), loginRefused.get());
  }

  /** Opens one connection from the attacker's address and sends it half a request head. */
  private static void open(Selector selector, InetSocketAddress server, ByteBuffer partial) throws IOException {
    SocketChannel ch = SocketChannel.open();
    try {
      ch.bind(new InetSocketAddress("127.0.0.2", 0));
      ch.connect(server);
      ch.write(partial.duplicate());
      ch.configureBlocking(false);
      ch.register(selector, SelectionKey.OP_READ);
    } catch (IOException e) {
      ch.close();
      throw e;
    }
  }

  /** Closes the sockets the server has closed; how many. */
  private static int reap(Selector selector) throws IOException {
    selector.selectNow();
    int closed = 0;
    ByteBuffer buf = ByteBuffer.allocate(4096);
    Iterator<SelectionKey> it = selector.selectedKeys().iterator();
    while (it.hasNext()) {
      SelectionKey k = it.next();
      it.remove();
      SocketChannel ch = (SocketChannel) k.channel();
      int n;
      try {
        buf.clear();
        n = ch.read(buf);
      } catch (IOException e) {
        n = -1;
      }
      if (n < 0) {
        k.cancel();
        ch.close();
        closed++;
      }
    }
    selector.selectNow(); // let cancelled keys leave the key set
    return closed;
  }

  // ---- hashing ----

  private static void hash(HttpClient http, String base, int port, int addresses) throws Exception {
    Vertx vertx = Vertx.vertx();
    List<WebClient> clients = new ArrayList<>();
    for (int a = 0; a < addresses; a++) {
      clients.add(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
          .setLocalAddress("127.0.0." + (2 + a % 250)).setConnectTimeout(10_000),
        new PoolOptions().setHttp1MaxSize(Math.max(1, LOOPS / addresses))));
    }
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger seq = new AtomicInteger();
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < LOOPS; i++) {
      WebClient client = clients.get(i % addresses);
      Promise<Void> done = Promise.promise();
      loops.add(done.future());
      String mine = "loop-" + i;
      vertx.runOnContext(v -> loop(client, mine, 0, running, statuses, seq, done));
    }
    List<Long> health = new ArrayList<>();
    long end = System.nanoTime() + HASH_RUN.toNanos();
    Thread.sleep(1000);
    while (System.nanoTime() < end) {
      health.add(timed(() -> get(http, base + "/health")));
      Thread.sleep(50);
    }
    running.set(false);
    Future.join(loops).await();
    long total = statuses.values().stream().mapToLong(LongAdder::sum).sum();
    System.out.printf("hash: %d loops from %d address(es) for %d s: %,d requests; by status %s%n",
      LOOPS, addresses, HASH_RUN.toSeconds(), total, new java.util.TreeMap<>(statuses));
    report("/health while they hammer", health);
    vertx.close().await();
  }

  /** One client's loop: register itself, then log in, register a taken name, register a new one, again. */
  private static void loop(WebClient client, String name, int step, AtomicBoolean running,
                           Map<Integer, LongAdder> statuses, AtomicInteger seq, Promise<Void> done) {
    if (!running.get()) {
      done.complete();
      return;
    }
    JsonObject body;
    String path;
    switch (step % 4) {
      case 1 -> {
        path = "/api/v1/auth/login";
        body = new JsonObject().put("username", name).put("password", PASSWORD);
      }
      case 3 -> {
        path = "/api/v1/auth/register";
        body = registration("new-" + seq.incrementAndGet());
      }
      default -> {
        path = "/api/v1/auth/register";
        body = registration(name);
      }
    }
    client.post(path).timeout(30_000).sendJsonObject(body).onComplete(ar -> {
      int status = ar.succeeded() ? ar.result().statusCode() : -1;
      statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
      loop(client, name, step + 1, running, statuses, seq, done);
    });
  }

  private static JsonObject registration(String username) {
    return new JsonObject().put("username", username).put("password", PASSWORD).put("displayName", "压测")
      .put("role", "student");
  }

  // ---- helpers ----

  private interface Call {
    HttpResponse<String> run() throws Exception;
  }

  private static long timed(Call call) throws Exception {
    long began = System.nanoTime();
    HttpResponse<String> r = call.run();
    if (r.statusCode() >= 500) {
      throw new IllegalStateException("status " + r.statusCode());
    }
    return (System.nanoTime() - began) / 1000;
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
      HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient http, String url, JsonObject body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
      .header("Content-Type", "application/json")
      .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Prints the count, median, p99 and maximum of latencies in microseconds, in milliseconds. */
  private static void report(String what, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.printf("%s: no answers%n", what);
      return;
    }
    System.out.printf("%s: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
      sorted.get(sorted.size() / 2) / 1000.0, sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1000.0,
      sorted.get(sorted.size() - 1) / 1000.0);
  }
}
