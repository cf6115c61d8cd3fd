package com.jiangxin.quiz;

import com.jiangxin.support.CrashableServer;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmitCrashTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HttpResponse<String> post(CrashableServer s, String path, JsonObject body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url(path)))
      .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
      .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("kill -9 during a burst of submits loses no acknowledged submission")
  void acknowledgedSubmissionsSurvive() throws Exception {
    Path dataDir = Files.createTempDirectory("jiangxin-submit-kill9");
    Map<Long, Double> acknowledged = new ConcurrentHashMap<>();
    Map<Long, String> owner = new ConcurrentHashMap<>();
    try (CrashableServer server = CrashableServer.launch(dataDir, Map.of()).awaitHealthy(Duration.ofSeconds(60))) {
      List<long[]> attempts = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int s = 0; s < 6; s++) {
        String name = "crash" + s;
        post(server, "/api/v1/auth/register", new JsonObject().put("username", name).put("password", "password-" + name)
          .put("displayName", "学生" + s).put("role", "student"), null);
        String token = new JsonObject(post(server, "/api/v1/auth/login", new JsonObject().put("username", name)
          .put("password", "password-" + name), null).body()).getString("token");
        tokens.add(token);
        for (int r = 1; r <= 9; r++) {
          HttpResponse<String> started = post(server, "/api/v1/readings/pian-0" + r + "/practice", new JsonObject(), token);
          assertEquals(201, started.statusCode(), started.body());
          long id = new JsonObject(started.body()).getLong("id");
          attempts.add(new long[] {id, s});
          owner.put(id, token);
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(6);
      for (long[] a : attempts) {
        pool.submit(() -> {
          try {
            HttpResponse<String> r = post(server, "/api/v1/attempts/" + a[0] + "/submit", new JsonObject()
              .put("answers", new JsonObject()), tokens.get((int) a[1]));
            if (r.statusCode() == 200) {
              JsonObject j = new JsonObject(r.body());
              if ("submitted".equals(j.getString("status"))) {
                acknowledged.put(a[0], j.getDouble("score"));
              }
            }
          } catch (Exception dropped) {
            // died mid-request: never acknowledged
          }
        });
      }
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (acknowledged.size() < attempts.size() / 3 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      server.kill9();
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
    }
    assertTrue(acknowledged.size() >= 10, "acknowledged " + acknowledged.size());
    try (TestServer restarted = TestServer.start(dataDir, Map.of(), true)) {
      for (Map.Entry<Long, Double> e : acknowledged.entrySet()) {
        JsonObject attempt = restarted.get("/api/v1/attempts/" + e.getKey(), owner.get(e.getKey())).bodyAsJsonObject();
        assertEquals("submitted", attempt.getString("status"), "attempt " + e.getKey());
        assertEquals(e.getValue(), attempt.getDouble("score"));
      }
    }
  }
}
