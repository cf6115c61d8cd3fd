package com.jiangxin.account;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who a token or session belongs to is remembered for a moment on each server, so that a class
 * submitting at once does not ask the database on every request; a logout, a password change or a
 * reset must still end the old token or session on the very next request.
 */
class SessionRevocationTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> me(String token) {
    return server.get("/api/v1/me", token);
  }

  @Test
  @DisplayName("a logged-out token is refused on the very next request, though it was just used")
  void logoutEndsTokenAtOnce() {
    Accounts.Login s = Accounts.student(server);
    for (int i = 0; i < 5; i++) {
      assertEquals(200, me(s.token()).statusCode());
    }
    assertEquals(204, server.postJson("/api/v1/auth/logout", new JsonObject(), s.token()).statusCode());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, me(s.token()).statusCode(), "request " + i + " after the logout");
    }
  }

  @Test
  @DisplayName("a password change ends the user's other tokens and browser sessions on the very next request")
  void passwordChangeEndsOthersAtOnce() {
    Accounts.Login s = Accounts.student(server);
    String other = Accounts.token(server, s.username(), Accounts.PASSWORD);
    Accounts.Session browser = Accounts.session(server, s);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, me(other).statusCode());
      assertEquals(200, Accounts.get(server, browser, "/dashboard").statusCode());
    }
    HttpResponse<Buffer> changed = server.postJson("/api/v1/auth/password", new JsonObject()
      .put("currentPassword", Accounts.PASSWORD).put("newPassword", "a-brand-new-pass-9"), s.token());
    assertEquals(204, changed.statusCode(), changed.bodyAsString());
    assertEquals(401, me(other).statusCode(), "the other token");
    assertSentToLogin(Accounts.get(server, browser, "/dashboard"));
    assertEquals(200, me(Accounts.token(server, s.username(), "a-brand-new-pass-9")).statusCode());
  }

  @Test
  @DisplayName("a logged-out browser session is refused on the very next page")
  void pageLogoutEndsSessionAtOnce() {
    Accounts.Login s = Accounts.student(server);
    Accounts.Session browser = Accounts.session(server, s);
    assertEquals(200, Accounts.get(server, browser, "/dashboard").statusCode());
    HttpResponse<Buffer> out = Accounts.post(server, browser, "/logout", Accounts.form());
    assertEquals(303, out.statusCode(), out.bodyAsString());
    assertSentToLogin(Accounts.get(server, browser, "/dashboard"));
  }

  private static void assertSentToLogin(HttpResponse<Buffer> page) {
    assertEquals(303, page.statusCode(), "the browser session is sent to log in");
    assertEquals(true, page.getHeader("Location").startsWith("/login"), page.getHeader("Location"));
  }

  @Test
  @DisplayName("many users asking at once each get their own account, never another's")
  void neverAnotherUsersSession() {
    List<Accounts.Login> people = new ArrayList<>();
    List<Accounts.Session> browsers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Accounts.Login l = Accounts.student(server, "同学" + i);
      people.add(l);
      browsers.add(Accounts.session(server, l));
    }
    List<io.vertx.core.Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      for (Accounts.Login l : people) {
        calls.add(TestServer.auth(server.client.get("/api/v1/me"), l.token()).send());
        expected.add(l.username());
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      HttpResponse<Buffer> r = calls.get(i).await();
      assertEquals(200, r.statusCode());
      assertEquals(expected.get(i), r.bodyAsJsonObject().getString("username"));
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < people.size(); i++) {
        String page = Accounts.get(server, browsers.get(i), "/account").bodyAsString();
        assertEquals(true, page.contains(people.get(i).username()), "the account page shows its own user");
        for (int j = 0; j < people.size(); j++) {
          if (j != i) {
            assertEquals(false, page.contains(people.get(j).username() + "<")
              || page.contains(people.get(j).username() + "\""), "no other user's name on " + i + "'s page");
          }
        }
      }
    }
  }
}
