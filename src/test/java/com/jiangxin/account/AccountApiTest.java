package com.jiangxin.account;

import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountApiTest {
  private static TestServer server;
  private static final AtomicInteger SEQ = new AtomicInteger();

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String fresh(String prefix) {
    return prefix + SEQ.incrementAndGet();
  }

  private static HttpResponse<Buffer> register(String username, String password, String role) {
    return server.postJson("/api/v1/auth/register", new JsonObject().put("username", username)
      .put("password", password).put("displayName", "张三丰").put("role", role), null);
  }

  private static HttpResponse<Buffer> login(String username, String password) {
    return server.postJson("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password), null);
  }

  @Test
  @DisplayName("registering answers 201 with the account's id, username, display name and role")
  void registerShape() {
    String name = fresh("teacher");
    HttpResponse<Buffer> r = register(name, "correct horse", "teacher");
    assertEquals(201, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertNotNull(body.getLong("id"));
    assertEquals(name, body.getString("username"));
    assertEquals("张三丰", body.getString("displayName"));
    assertEquals("teacher", body.getString("role"));
    assertFalse(body.encode().contains("correct horse"), "the password never comes back");
  }

  @Test
  @DisplayName("a taken username is refused with 409, whatever its case")
  void duplicateUsername() {
    String name = fresh("dup");
    assertEquals(201, register(name, "password1", "student").statusCode());
    HttpResponse<Buffer> again = register(name.toUpperCase(), "password2", "student");
    assertEquals(409, again.statusCode());
    assertTrue(again.bodyAsJsonObject().getString("error").contains(name));
  }

  @Test
  @DisplayName("passwords must have 8 to 128 characters, counted in characters, and invalid input is a clear 400")
  void passwordRules() {
    assertEquals(400, register(fresh("pw"), "1234567", "student").statusCode());
    assertEquals(400, register(fresh("pw"), "x".repeat(129), "student").statusCode());
    assertEquals(201, register(fresh("pw"), "x".repeat(128), "student").statusCode());
    assertEquals(201, register(fresh("pw"), "匠心课堂工匠精神", "student").statusCode(), "8 Chinese characters are 8 characters");
    HttpResponse<Buffer> badRole = register(fresh("pw"), "password1", "admin");
    assertEquals(400, badRole.statusCode());
    assertTrue(badRole.bodyAsJsonObject().containsKey("error"));
    HttpResponse<Buffer> notJson = server.client.post("/api/v1/auth/register")
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{oops")).await();
    assertEquals(400, notJson.statusCode());
    assertTrue(notJson.bodyAsJsonObject().containsKey("error"));
  }

  @Test
  @DisplayName("a long password is never truncated: a prefix of it does not log in")
  void noTruncation() {
    String name = fresh("long");
    String password = "a".repeat(100) + "Z";
    assertEquals(201, register(name, password, "student").statusCode());
    assertEquals(401, login(name, "a".repeat(100)).statusCode());
    assertEquals(401, login(name, "a".repeat(72)).statusCode());
    assertEquals(200, login(name, password).statusCode());
  }

  @Test
  @DisplayName("login returns a bearer token that identifies the caller until logout revokes it")
  void tokenLifecycle() {
    String name = fresh("tok");
    register(name, "password1", "student");
    HttpResponse<Buffer> r = login(name, "password1");
    assertEquals(200, r.statusCode());
    String token = r.bodyAsJsonObject().getString("token");
    assertEquals(name, r.bodyAsJsonObject().getJsonObject("user").getString("username"));

    HttpResponse<Buffer> me = server.get("/api/v1/me", token);
    assertEquals(200, me.statusCode());
    assertEquals(name, me.bodyAsJsonObject().getString("username"));

    assertEquals(401, server.get("/api/v1/me").statusCode(), "no token, no answer");
    assertEquals(401, server.get("/api/v1/me", "made-up-token").statusCode());
    assertEquals(204, server.postJson("/api/v1/auth/logout", new JsonObject(), token).statusCode());
    assertEquals(401, server.get("/api/v1/me", token).statusCode(), "a revoked token no longer works");
  }

  @Test
  @DisplayName("five wrong passwords from one address make the next try from there wait: 429 and a retry hint, even for the right password")
  void throttlePerAccount() {
    String name = fresh("throttle");
    register(name, "password1", "student");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(name, "wrong-password").statusCode());
    }
    HttpResponse<Buffer> locked = login(name, "password1");
    assertEquals(429, locked.statusCode());
    long retry = Long.parseLong(locked.getHeader("Retry-After"));
    assertTrue(retry > 0 && retry <= 15 * 60, "Retry-After " + retry);
    assertTrue(locked.bodyAsJsonObject().getLong("retryAfter") > 0);
    assertTrue(locked.bodyAsJsonObject().getString("error").contains("秒"));
  }

  @Test
  @DisplayName("many failed logins from one address are throttled across usernames")
  void throttlePerAddress() {
    try (TestServer own = TestServer.start()) {
      int status = 0;
      for (int i = 0; i < LoginThrottle.ADDRESS_FREE + 1 && status != 429; i++) {
        status = own.postJson("/api/v1/auth/login", new JsonObject().put("username", "nobody" + i)
          .put("password", "whatever1"), null).statusCode();
      }
      assertEquals(429, status);
    }
  }

  @Test
  @DisplayName("passwords are stored only as salted PBKDF2 hashes")
  void storedHashed() throws Exception {
    try (TestServer own = TestServer.start()) {
      own.postJson("/api/v1/auth/register", new JsonObject().put("username", "alice").put("password", "same-password")
        .put("displayName", "A").put("role", "student"), null);
      own.postJson("/api/v1/auth/register", new JsonObject().put("username", "bob").put("password", "same-password")
        .put("displayName", "B").put("role", "student"), null);
      own.stop();
      try (Connection c = own.jdbc();
           ResultSet rs = c.createStatement().executeQuery("SELECT password_hash FROM users ORDER BY username")) {
        assertTrue(rs.next());
        String a = rs.getString(1);
        assertTrue(rs.next());
        String b = rs.getString(1);
        assertTrue(a.startsWith("$pbkdf2$"), a);
        assertFalse(a.contains("same-password"));
        assertFalse(a.equals(b), "the same password hashes differently for two users (salt)");
      }
    }
  }
}
