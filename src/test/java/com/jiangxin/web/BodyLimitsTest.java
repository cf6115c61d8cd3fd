package com.jiangxin.web;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each route takes a body of its own size: small for sign-in and ordinary calls, large for a roster. */
class BodyLimitsTest {
  private static TestServer server;
  private static Accounts.Login teacher;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> sendCsv(long classId, String csv) {
    return TestServer.auth(server.client.post("/api/v1/classes/" + classId + "/roster"), teacher.token())
      .putHeader("Content-Type", "text/csv; charset=utf-8").sendBuffer(Buffer.buffer(csv)).await();
  }

  @Test
  @DisplayName("a login body over 8 KB is refused with 413 and a message naming the limit")
  void loginIsSmall() {
    HttpResponse<Buffer> r = server.postJson("/api/v1/auth/login", new JsonObject()
      .put("username", "someone").put("password", "x".repeat(10 * 1024)), null);
    assertEquals(413, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("error").contains("8 KB"), r.bodyAsString());
  }

  @Test
  @DisplayName("an ordinary JSON call over 64 KB is refused with 413")
  void ordinaryCallsAreSmall() {
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes", new JsonObject().put("name", "班".repeat(40_000)),
      teacher.token());
    assertEquals(413, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("error").contains("64 KB"), r.bodyAsString());
  }

  @Test
  @DisplayName("a roster CSV of 1 MB is read; one over 2 MB is refused with 413")
  void rosterIsLarge() {
    long classId = server.postJson("/api/v1/classes", new JsonObject().put("name", "初二（3）班"), teacher.token())
      .bodyAsJsonObject().getLong("id");
    StringBuilder csv = new StringBuilder("username,display name\n");
    while (csv.length() < 1024 * 1024) {
      csv.append("!!not-a-username!!,某某\n");
    }
    HttpResponse<Buffer> read = sendCsv(classId, csv.toString());
    assertNotEquals(413, read.statusCode(), read.bodyAsString());
    assertEquals(400, read.statusCode(), "read, and refused for its bad lines");

    while (csv.length() < 2 * 1024 * 1024 + 10) {
      csv.append("!!not-a-username!!,某某\n");
    }
    HttpResponse<Buffer> tooBig = sendCsv(classId, csv.toString());
    assertEquals(413, tooBig.statusCode());
    assertTrue(tooBig.bodyAsJsonObject().getString("error").contains("2 MB"), tooBig.bodyAsString());
  }
}
