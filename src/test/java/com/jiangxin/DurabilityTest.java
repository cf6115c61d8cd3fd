package com.jiangxin;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurabilityTest {

  @Test
  @DisplayName("kill -9 during a burst of writes loses no acknowledged write, and the server restarts on the same data")
  void acknowledgedWritesSurviveKill9() throws Exception {
    Path dataDir = Files.createTempDirectory("jiangxin-kill9");
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    try (CrashableServer server = CrashableServer.launch(dataDir, Map.of()).awaitHealthy(Duration.ofSeconds(60))) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      AtomicInteger seq = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        pool.submit(() -> {
          while (server.process.isAlive()) {
            String name = "burst" + seq.incrementAndGet();
            String body = new JsonObject().put("username", name).put("password", "password-" + name)
              .put("displayName", "学生" + name).put("role", "student").encode();
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/auth/register")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 201) {
                acknowledged.add(name);
              }
            } catch (Exception dropped) {
              // the server died mid-request: this write was never acknowledged
            }
          }
        });
      }
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (acknowledged.size() < 25 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      server.kill9();
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
    assertTrue(acknowledged.size() >= 25, "the burst wrote " + acknowledged.size());

    try (TestServer restarted = TestServer.start(dataDir, Map.of(), true)) {
      for (String name : acknowledged) {
        int status = restarted.postJson("/api/v1/auth/register", new JsonObject().put("username", name)
          .put("password", "password-other").put("displayName", "x").put("role", "student"), null).statusCode();
        assertEquals(409, status, name + " was acknowledged before the kill, so it must still exist");
      }
    }
  }
}
