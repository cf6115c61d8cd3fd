package com.jiangxin.account;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login throttle as attackers and classmates meet it: parallel guesses are counted, a guesser
 * does not lock out the owner, a school behind one address is not locked out, and usernames
 * cannot grow the throttle's memory.
 */
class LoginAbuseTest {
  private static TestServer server;
  /** A client that speaks from another loopback address: another computer, as far as the server knows. */
  private static WebClient elsewhere;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    elsewhere = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(server.port()).setLocalAddress("127.0.0.3").setFollowRedirects(false));
  }

  @AfterAll
  static void stop() {
    elsewhere.close();
    server.close();
  }

  private static JsonObject credentials(String username, String password) {
    return new JsonObject().put("username", username).put("password", password);
  }

  private static HttpResponse<Buffer> login(WebClient client, String username, String password) {
    return client.post("/api/v1/auth/login").sendJsonObject(credentials(username, password)).await();
  }

  @Test
  @DisplayName("40 wrong passwords sent at once are counted: most are refused with 429 before the password is checked")
  void parallelGuessesAreCounted() {
    Accounts.Login victim = Accounts.student(server);
    WebClient parallel = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("localhost")
      .setDefaultPort(server.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(40));
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(parallel.post("/api/v1/auth/login").sendJsonObject(credentials(victim.username(), "wrong-guess-" + i)));
    }
    Future.join(all).await();
    parallel.close();
    long refused = all.stream().filter(f -> f.result().statusCode() == 429).count();
    long wrong = all.stream().filter(f -> f.result().statusCode() == 401).count();
    assertTrue(wrong <= 8, wrong + " guesses were checked; only the first few may be");
    assertEquals(40, refused + wrong);
    HttpResponse<Buffer> any = all.stream().map(Future::result).filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertTrue(Long.parseLong(any.getHeader("Retry-After")) >= 1);
  }

  @Test
  @DisplayName("a classmate guessing a password does not lock its owner out: the owner logs in from their own computer")
  void guesserDoesNotLockOutOwner() {
    Accounts.Login owner = Accounts.student(server);
    int refused = 0;
    for (int i = 0; i < 12; i++) {
      if (login(server.client, owner.username(), "guess-" + i).statusCode() == 429) {
        refused++;
      }
    }
    assertTrue(refused > 0, "the guesser is slowed");
    HttpResponse<Buffer> mine = login(elsewhere, owner.username(), Accounts.PASSWORD);
    assertEquals(200, mine.statusCode(), mine.bodyAsString());
  }

  @Test
  @DisplayName("a school behind one address: 35 mistyped logins on different accounts do not stop a classmate logging in")
  void schoolBehindOneAddress() {
    for (int i = 0; i < 35; i++) {
      int status = login(server.client, "typo-" + i, "not-the-password").statusCode();
      assertEquals(401, status, "mistake " + i);
    }
    Accounts.Login classmate = Accounts.student(server);
    assertEquals(200, login(server.client, classmate.username(), Accounts.PASSWORD).statusCode());
  }

  @Test
  @DisplayName("a username over 64 characters is refused with 400 before any lookup, through the API and the form")
  void longUsernameRefused() {
    String huge = "a".repeat(65);
    HttpResponse<Buffer> r = login(server.client, huge, "whatever-password");
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals(400, login(server.client, "b".repeat(4000), "whatever-password").statusCode());
    assertEquals(413, login(server.client, "c".repeat(40_000), "whatever-password").statusCode(),
      "beyond the sign-in calls' body limit it is not even read");
    assertEquals(401, login(server.client, "a".repeat(60), "whatever-password").statusCode(),
      "64 characters or fewer are looked up as usual");
  }
}
