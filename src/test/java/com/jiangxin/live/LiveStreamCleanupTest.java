package com.jiangxin.live;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static com.jiangxin.live.LiveFixtures.join;
import static com.jiangxin.live.LiveFixtures.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event streams that die, are replaced or belong to a removed player do not linger on the server. */
class LiveStreamCleanupTest {
  private static TestServer server;
  private static Login teacher;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** One phone's open stream: what it read, and whether the server ended it. */
  private static final class Phone {
    final StringBuffer text = new StringBuffer();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    HttpClientRequest request;
  }

  private static Phone open(HttpClient http, long id, String token) throws Exception {
    Phone p = new Phone();
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setPort(server.port()).setHost("localhost")
      .setURI("/live/" + id + "/events").putHeader("X-Player-Token", token);
    http.request(o).compose(req -> {
      p.request = req;
      return req.send();
    }).onSuccess(res -> {
      res.handler(chunk -> {
        p.text.append(chunk.toString());
        if (p.text.indexOf("event: state") >= 0) {
          p.connected.complete(null);
        }
      });
      res.endHandler(v -> p.ended.complete(null));
      res.exceptionHandler(e -> p.ended.complete(null));
    }).onFailure(p.connected::completeExceptionally);
    p.connected.get(10, TimeUnit.SECONDS);
    return p;
  }

  private static void eventually(int expected, IntSupplier actual, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (actual.getAsInt() != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(expected, actual.getAsInt(), what);
  }

  @Test
  @DisplayName("streams are counted while open; a closed tab, a reloaded phone's old stream and a removed player's stream are let go")
  void deadStreamsAreCleanedUp() throws Exception {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING).put("guests", true));
    long id = s.getLong("id");
    String pin = s.getString("pin");
    String closer = join(server, pin, "关页", null).getString("playerToken");
    String reloader = join(server, pin, "刷新", null).getString("playerToken");
    JsonObject removedPlayer = join(server, pin, "被移出", null);
    // a connection each, as phones have: the test's streams must not share one
    HttpClient http = server.vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(16));
    try {
      IntSupplier open = () -> LiveEvents.openStreams(server.vertx, id);
      Phone closed = open(http, id, closer);
      Phone first = open(http, id, reloader);
      Phone gone = open(http, id, removedPlayer.getString("playerToken"));
      eventually(3, open, "three phones, three streams");

      closed.request.connection().close();
      eventually(2, open, "a closed tab's stream is dropped");

      Phone second = open(http, id, reloader);
      first.ended.get(10, TimeUnit.SECONDS);
      assertTrue(first.text.indexOf("event: replaced") >= 0, first.text.toString());
      assertFalse(second.text.indexOf("event: replaced") >= 0, second.text.toString());
      eventually(2, open, "the reloaded phone's older stream is closed, its new one kept");

      assertEquals(204, server.delete("/api/v1/live/" + id + "/players/" + removedPlayer.getLong("playerId"), teacher.token()).statusCode());
      gone.ended.get(10, TimeUnit.SECONDS);
      assertTrue(gone.text.indexOf("event: removed") >= 0, gone.text.toString());
      eventually(1, open, "a removed player's stream is closed");

      assertEquals(200, server.postJson("/api/v1/live/" + id + "/next", new JsonObject(), teacher.token()).statusCode());
      long until = System.currentTimeMillis() + 10_000;
      while (second.text.indexOf("event: question") < 0 && System.currentTimeMillis() < until) {
        Thread.sleep(50);
      }
      assertTrue(second.text.indexOf("event: question") >= 0, "the phone that reloaded still follows the class: " + second.text);
      assertFalse(second.ended.isDone(), "its stream stays open");
    } finally {
      http.close();
    }
    eventually(0, () -> LiveEvents.openStreams(server.vertx, id), "every stream let go once the phones are gone");
  }
}
