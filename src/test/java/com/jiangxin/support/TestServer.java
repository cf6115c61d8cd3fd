package com.jiangxin.support;

import com.jiangxin.App;
import com.jiangxin.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real server for a test: {@link App} on a random port against a fresh database (H2 in a temp
 * folder, or a fresh PostgreSQL schema in the PostgreSQL pass, see {@link TestDatabase}), and a
 * {@link WebClient} that speaks HTTP to it. Calls block the test thread (never an
 * event loop), which keeps tests readable.
 */
public final class TestServer implements AutoCloseable {
  /**
   * The invite code every test server accepts (unless a test sets its own {@code TEACHER_INVITE_CODE}),
   * so that test teachers registered through {@link Accounts} and {@link People} are approved.
   */
  public static final String TEACHER_INVITE_CODE = "test-invite-code-2026";
  public final Vertx vertx;
  public final App app;
  public final Path dataDir;
  public final WebClient client;
  private final boolean ownsDataDir;
  private boolean stopped;

  private TestServer(Vertx vertx, App app, Path dataDir, boolean ownsDataDir) {
    this.vertx = vertx;
    this.app = app;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.client = WebClient.create(vertx, new WebClientOptions()
      .setDefaultHost("localhost").setDefaultPort(app.port()).setFollowRedirects(false));
  }

  public static TestServer start() {
    return start(Map.of());
  }

  public static TestServer start(Map<String, String> env) {
    try {
      Path dir = Files.createTempDirectory("jiangxin-test");
      return start(dir, env, true);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts on a given data folder (for restart tests); extra settings as environment variables. */
  public static TestServer start(Path dataDir, Map<String, String> env, boolean ownsDataDir) {
    return start(dataDir, env, ownsDataDir, UnaryOperator.identity());
  }

  /**
   * Starts with settings that do not come from the environment, such as the machine's LAN address
   * ({@code config -> config.withLanAddress(Optional.of("192.168.1.20"))}).
   */
  public static TestServer start(Map<String, String> env, UnaryOperator<Config> adjust) {
    try {
      return start(Files.createTempDirectory("jiangxin-test"), env, true, adjust);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TestServer start(Path dataDir, Map<String, String> env, boolean ownsDataDir,
                                  UnaryOperator<Config> adjust) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("TEACHER_INVITE_CODE", TEACHER_INVITE_CODE);
    // A test class registers and logs in hundreds of accounts from one address, often in
    // parallel: the per-address rate limits and the hashing queue are raised unless a test sets
    // them (the tests of those limits do).
    all.putIfAbsent("LOGIN_BURST_PER_ADDRESS", "100000");
    all.putIfAbsent("REGISTER_BURST_PER_ADDRESS", "100000");
    all.putIfAbsent("HASH_QUEUE", "10000");
    // every test runs the server as it runs in production, more than one verticle instance
    // (-Djiangxin.test.instances=N runs the suite with another count)
    all.putIfAbsent("INSTANCES", System.getProperty("jiangxin.test.instances", "2"));
    all.put("PORT", "0");
    all.put("DATA_DIR", dataDir.toString());
    TestDatabase.env(dataDir).forEach(all::putIfAbsent);
    Config config = adjust.apply(Config.from(all));
    Vertx vertx = Vertx.vertx();
    App app;
    try {
      app = App.deploy(vertx, config, App.prepare(config)).await().get(0);
    } catch (RuntimeException e) {
      vertx.close().await();
      throw e;
    }
    return new TestServer(vertx, app, dataDir, ownsDataDir);
  }

  public int port() {
    return app.port();
  }

  public String url(String path) {
    return "http://localhost:" + port() + path;
  }

  public HttpResponse<Buffer> get(String path) {
    return client.get(path).send().await();
  }

  public HttpResponse<Buffer> get(String path, String token) {
    return auth(client.get(path), token).send().await();
  }

  public HttpResponse<Buffer> postJson(String path, JsonObject body, String token) {
    return auth(client.post(path), token).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> putJson(String path, JsonObject body, String token) {
    return auth(client.put(path), token).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> patchJson(String path, JsonObject body, String token) {
    return auth(client.patch(path), token).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> delete(String path, String token) {
    return auth(client.delete(path), token).send().await();
  }

  public static HttpRequest<Buffer> auth(HttpRequest<Buffer> req, String token) {
    return Optional.ofNullable(token).map(t -> req.putHeader("Authorization", "Bearer " + t)).orElse(req);
  }

  /** Stops the server (clean shutdown) but keeps its data folder. */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    client.close();
    vertx.close().await();
  }

  @Override
  public void close() {
    stop();
    if (ownsDataDir) {
      deleteTree(dataDir);
      TestDatabase.drop(dataDir);
    }
  }

  /** A JDBC connection to this server's database, for a test that looks inside it. */
  public java.sql.Connection jdbc() throws java.sql.SQLException {
    return TestDatabase.connect(dataDir);
  }

  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort for temp folders
        }
      });
    } catch (IOException ignored) {
      // best effort for temp folders
    }
  }
}
