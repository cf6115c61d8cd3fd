package com.jiangxin.account;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password hashing cannot be turned against the server: it waits in a short queue that sheds
 * load, a taken username costs no hash, and registrations and logins (right ones too) are
 * limited per address.
 */
class HashingLoadTest {
  private static TestServer tightQueue;
  private static TestServer tightRates;

  @BeforeAll
  static void start() {
    tightQueue = TestServer.start(Map.of("HASH_THREADS", "1", "HASH_QUEUE", "2"));
    tightRates = TestServer.start(Map.of("REGISTER_BURST_PER_ADDRESS", "3", "LOGIN_BURST_PER_ADDRESS", "4"));
  }

  @AfterAll
  static void stop() {
    tightQueue.close();
    tightRates.close();
  }

  private static JsonObject registration(String username) {
    return new JsonObject().put("username", username).put("password", Accounts.PASSWORD)
      .put("displayName", "李雷").put("role", "student");
  }

  @Test
  @DisplayName("registering a taken username is answered 409 without the cost of a password hash")
  void takenUsernameIsCheap() {
    String taken = Accounts.uniqueUsername("taken");
    long began = System.nanoTime();
    assertEquals(201, tightQueue.postJson("/api/v1/auth/register", registration(taken), null).statusCode());
    assertEquals(201, tightQueue.postJson("/api/v1/auth/register", registration(Accounts.uniqueUsername("fresh")), null).statusCode());
    assertEquals(201, tightQueue.postJson("/api/v1/auth/register", registration(Accounts.uniqueUsername("fresh")), null).statusCode());
    double hashedMs = (System.nanoTime() - began) / 3e6;
    began = System.nanoTime();
    for (int i = 0; i < 12; i++) {
      assertEquals(409, tightQueue.postJson("/api/v1/auth/register", registration(taken), null).statusCode());
    }
    double takenMs = (System.nanoTime() - began) / 12e6;
    assertTrue(takenMs < hashedMs / 3, String.format("a taken name took %.0f ms, a new account %.0f ms", takenMs, hashedMs));
  }

  @Test
  @DisplayName("a flood of logins overflows the hashing queue: the rest get 503 with Retry-After at once, and /health still answers")
  void queueSheds() {
    WebClient flood = WebClient.create(tightQueue.vertx, new WebClientOptions().setDefaultHost("localhost")
      .setDefaultPort(tightQueue.port()), new PoolOptions().setHttp1MaxSize(30));
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(flood.post("/api/v1/auth/login").sendJsonObject(new JsonObject()
        .put("username", "nobody-" + i).put("password", "some-password")));
    }
    HttpResponse<Buffer> health = tightQueue.get("/health");
    Future.join(all).await();
    flood.close();
    assertEquals(200, health.statusCode());
    List<HttpResponse<Buffer>> shed = all.stream().map(Future::result).filter(r -> r.statusCode() == 503).toList();
    assertTrue(shed.size() >= 20, shed.size() + " of 30 were shed with a queue of 1 + 2");
    assertTrue(Long.parseLong(shed.get(0).getHeader("Retry-After")) >= 1);
    assertTrue(shed.get(0).bodyAsJsonObject().getLong("retryAfter") >= 1);
    assertTrue(all.stream().allMatch(f -> f.result().statusCode() == 503 || f.result().statusCode() == 401));
  }

  @Test
  @DisplayName("registrations from one address are limited: after the burst, 429 with Retry-After, taken usernames included")
  void registrationsLimited() {
    String first = Accounts.uniqueUsername("burst");
    assertEquals(201, tightRates.postJson("/api/v1/auth/register", registration(first), null).statusCode());
    assertEquals(409, tightRates.postJson("/api/v1/auth/register", registration(first), null).statusCode());
    assertEquals(201, tightRates.postJson("/api/v1/auth/register", registration(Accounts.uniqueUsername("burst")), null).statusCode());
    HttpResponse<Buffer> fourth = tightRates.postJson("/api/v1/auth/register", registration(first), null);
    assertEquals(429, fourth.statusCode());
    assertTrue(Long.parseLong(fourth.getHeader("Retry-After")) >= 1);
    assertEquals(429, tightRates.postJson("/api/v1/auth/register", registration(Accounts.uniqueUsername("burst")), null).statusCode());

    // and the registration page says so, in words
    HttpResponse<Buffer> page = tightRates.get("/register");
    String sid = page.cookies().stream().filter(c -> c.startsWith("jx_sid=")).findFirst().orElseThrow()
      .split(";")[0].substring("jx_sid=".length());
    HttpResponse<Buffer> form = tightRates.client.post("/register").putHeader("Cookie", "jx_sid=" + sid)
      .sendForm(Accounts.form("username", Accounts.uniqueUsername("burst"), "password", Accounts.PASSWORD,
        "displayName", "李雷", "role", "student", "csrf", Accounts.csrfOf(page.bodyAsString()))).await();
    assertEquals(429, form.statusCode());
    assertTrue(form.bodyAsString().contains("注册太频繁"), form.bodyAsString());
    assertTrue(Long.parseLong(form.getHeader("Retry-After")) >= 1);
  }

  @Test
  @DisplayName("right logins are limited per address too: a client cannot mint tokens without end")
  void loginsLimited() {
    // an account made directly, so the registration limit of this server is not spent on it
    String username = Accounts.uniqueUsername("minter");
    AccountRepository repo = new AccountRepository(tightRates.vertx, tightRates.app.pool());
    repo.register(new AccountRepository.NewUser(username, Accounts.PASSWORD, "韩梅梅", User.Role.STUDENT, false)).await();
    int ok = 0;
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 8; i++) {
      last = tightRates.postJson("/api/v1/auth/login", new JsonObject().put("username", username)
        .put("password", Accounts.PASSWORD), null);
      if (last.statusCode() == 200) {
        ok++;
      } else {
        break;
      }
    }
    assertEquals(4, ok, "the burst of 4, then a wait");
    assertEquals(429, last.statusCode());
    assertTrue(Long.parseLong(last.getHeader("Retry-After")) >= 1);
  }
}
