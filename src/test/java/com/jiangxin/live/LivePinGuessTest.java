package com.jiangxin.live;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;

class LivePinGuessTest {
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  @DisplayName("guessing PINs: after a burst of wrong ones an address must wait, so a running session's PIN cannot be found by trying")
  void wrongPinsAreThrottled() {
    JsonObject s = LiveFixtures.start(server, Accounts.teacher(server).token(),
      new JsonObject().put("readingId", LiveFixtures.READING).put("guests", true));
    int pin = Integer.parseInt(s.getString("pin"));
    int refused = 0;
    HttpResponse<Buffer> last = null;
    for (int i = 1; i <= LiveApi.WRONG_PINS.free() + 1; i++) {
      String wrong = String.format("%06d", (pin + i) % 1_000_000);
      last = server.postJson("/api/v1/live/join", new JsonObject().put("pin", wrong).put("nickname", "猜"), null);
      if (last.statusCode() == 429) {
        refused++;
      } else {
        assertEquals(404, last.statusCode(), last.bodyAsString());
      }
    }
    assertEquals(1, refused, "the attempt after the burst waits");
    assertNotNull(last.getHeader("Retry-After"));
    assertEquals(429, server.postJson("/api/v1/live/join", new JsonObject().put("pin", s.getString("pin")).put("nickname", "猜"), null)
      .statusCode(), "even the right PIN waits its turn, or guessing would still pay");
  }
}
