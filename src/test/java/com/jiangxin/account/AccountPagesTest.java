package com.jiangxin.account;

import com.jiangxin.support.TestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountPagesTest {
  private static TestServer server;
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @BeforeAll
  static void start() {
    server = TestServer.start();
    server.postJson("/api/v1/auth/register", new JsonObject().put("username", "liu").put("password", "password-liu")
      .put("displayName", "刘老师").put("role", "teacher").put("inviteCode", TestServer.TEACHER_INVITE_CODE), null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The session cookie a response sets, or null. */
  private static String setCookie(HttpResponse<Buffer> r) {
    for (String c : r.cookies()) {
      if (c.startsWith(Auth.COOKIE + "=")) {
        return c;
      }
    }
    return null;
  }

  private static String value(String setCookie) {
    return setCookie.substring(Auth.COOKIE.length() + 1, setCookie.indexOf(';'));
  }

  private static String csrfOf(HttpResponse<Buffer> page) {
    Matcher m = CSRF.matcher(page.bodyAsString());
    assertTrue(m.find(), "the form carries a CSRF token");
    return m.group(1);
  }

  private static HttpResponse<Buffer> getWith(String path, String sid) {
    return server.client.get(path).putHeader("Cookie", Auth.COOKIE + "=" + sid).send().await();
  }

  private static HttpResponse<Buffer> postForm(String path, String sid, MultiMap form) {
    return server.client.post(path).putHeader("Cookie", Auth.COOKIE + "=" + sid).sendForm(form).await();
  }

  @Test
  @DisplayName("the session cookie is HttpOnly and SameSite=Lax")
  void cookieFlags() {
    String cookie = setCookie(server.get("/login"));
    assertNotNull(cookie);
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertTrue(cookie.contains("Path=/"), cookie);
  }

  @Test
  @DisplayName("a form posted without its CSRF token is refused with 403")
  void csrfRequired() {
    HttpResponse<Buffer> page = server.get("/login");
    String sid = value(setCookie(page));
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("username", "liu").add("password", "password-liu");
    HttpResponse<Buffer> r = postForm("/login", sid, form);
    assertEquals(403, r.statusCode());
    assertTrue(r.bodyAsString().contains("CSRF"));
    form.add("csrf", "forged-token");
    assertEquals(403, postForm("/login", sid, form).statusCode());
  }

  @Test
  @DisplayName("logging in replaces the session id, and the old id stays anonymous")
  void sessionRegeneratedOnLogin() {
    HttpResponse<Buffer> page = server.get("/login");
    String before = value(setCookie(page));
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("username", "liu").add("password", "password-liu")
      .add("csrf", csrfOf(page));
    HttpResponse<Buffer> r = postForm("/login", before, form);
    assertEquals(303, r.statusCode());
    String after = value(setCookie(r));
    assertNotEquals(before, after);
    assertTrue(getWith("/account", after).bodyAsString().contains("刘老师"), "the new id is signed in");
    assertEquals(303, getWith("/account", before).statusCode(), "the pre-login id is not signed in");
  }

  @Test
  @DisplayName("logging out ends the session on the server: the old cookie no longer signs in")
  void logoutEndsSession() {
    HttpResponse<Buffer> page = server.get("/login");
    String anon = value(setCookie(page));
    HttpResponse<Buffer> r = postForm("/login", anon, MultiMap.caseInsensitiveMultiMap()
      .add("username", "liu").add("password", "password-liu").add("csrf", csrfOf(page)));
    String sid = value(setCookie(r));
    HttpResponse<Buffer> account = getWith("/account", sid);
    assertEquals(200, account.statusCode());
    HttpResponse<Buffer> out = postForm("/logout", sid, MultiMap.caseInsensitiveMultiMap().add("csrf", csrfOf(account)));
    assertEquals(303, out.statusCode());
    HttpResponse<Buffer> again = getWith("/account", sid);
    assertEquals(303, again.statusCode());
    assertTrue(again.getHeader("Location").startsWith("/login"));
  }

  @Test
  @DisplayName("a wrong password on the login page shows a message and keeps the username, with status 401")
  void wrongPasswordPage() {
    HttpResponse<Buffer> page = server.get("/login");
    String sid = value(setCookie(page));
    HttpResponse<Buffer> r = postForm("/login", sid, MultiMap.caseInsensitiveMultiMap()
      .add("username", "liu").add("password", "not-it-at-all").add("csrf", csrfOf(page)));
    assertEquals(401, r.statusCode());
    assertTrue(r.bodyAsString().contains("用户名或密码不对"));
    assertTrue(r.bodyAsString().contains("value=\"liu\""));
  }

  @Test
  @DisplayName("after login the visitor is sent only to a same-site page, never to another host")
  void safeRedirect() {
    assertEquals("/dashboard", AccountRoutes.safeNext("/dashboard"));
    assertEquals(null, AccountRoutes.safeNext("//evil.example"));
    assertEquals(null, AccountRoutes.safeNext("https://evil.example"));
    assertEquals(null, AccountRoutes.safeNext("/\\evil.example"));
  }
}
