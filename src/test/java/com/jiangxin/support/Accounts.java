package com.jiangxin.support;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test accounts on a {@link TestServer}: register a teacher or a student and log in, as an API
 * token or as a browser session (cookie + CSRF token) for posting forms.
 */
public final class Accounts {
  public static final String PASSWORD = "correct-horse-42";
  private static final String COOKIE = "jx_sid";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final AtomicInteger SEQ = new AtomicInteger();

  private Accounts() {
  }

  /** A registered, logged-in account. */
  public record Login(long id, String username, String displayName, String role, String token) {
  }

  /** A browser session: the session cookie's value and the CSRF token its forms carry. */
  public record Session(String sid, String csrf) {
  }

  /** A unique valid username with a readable prefix. */
  public static String uniqueUsername(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet();
  }

  public static Login teacher(TestServer server) {
    return register(server, "teacher", uniqueUsername("teacher"), "王老师");
  }

  public static Login student(TestServer server) {
    return register(server, "student", uniqueUsername("student"), "学生" + SEQ.get());
  }

  public static Login student(TestServer server, String displayName) {
    return register(server, "student", uniqueUsername("student"), displayName);
  }

  /**
   * Registers through the API (password {@link #PASSWORD}) and logs in for a token. A teacher is
   * registered with the test server's invite code, so it is approved.
   */
  public static Login register(TestServer server, String role, String username, String displayName) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/auth/register", new JsonObject()
      .put("username", username).put("password", PASSWORD).put("displayName", displayName).put("role", role)
      .put("inviteCode", TestServer.TEACHER_INVITE_CODE), null);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("register " + username + ": " + r.statusCode() + " " + r.bodyAsString());
    }
    long id = r.bodyAsJsonObject().getLong("id");
    return new Login(id, username, displayName, role, token(server, username, PASSWORD));
  }

  /** An API token for a username and password. */
  public static String token(TestServer server, String username, String password) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/auth/login",
      new JsonObject().put("username", username).put("password", password), null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  /** Logs in through the login form, as a browser would; the session is ready for form posts. */
  public static Session session(TestServer server, String username, String password) {
    HttpResponse<Buffer> page = server.get("/login");
    String anonymous = cookieValue(page);
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
      .add("username", username).add("password", password).add("csrf", csrfOf(page.bodyAsString()));
    HttpResponse<Buffer> r = server.client.post("/login").putHeader("Cookie", COOKIE + "=" + anonymous)
      .sendForm(form).await();
    if (r.statusCode() != 303 || cookieValue(r) == null) {
      throw new IllegalStateException("form login " + username + ": " + r.statusCode() + " " + r.bodyAsString());
    }
    String sid = cookieValue(r);
    String csrf = csrfOf(get(server, new Session(sid, null), "/account").bodyAsString());
    return new Session(sid, csrf);
  }

  public static Session session(TestServer server, Login login) {
    return session(server, login.username(), PASSWORD);
  }

  /** A page as the session's user sees it (redirects not followed). */
  public static HttpResponse<Buffer> get(TestServer server, Session session, String path) {
    return server.client.get(path).putHeader("Cookie", COOKIE + "=" + session.sid()).send().await();
  }

  /** Posts a form with the session's CSRF token added. */
  public static HttpResponse<Buffer> post(TestServer server, Session session, String path, MultiMap form) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(form).add("csrf", session.csrf());
    return server.client.post(path).putHeader("Cookie", COOKIE + "=" + session.sid()).sendForm(all).await();
  }

  public static MultiMap form(String... keysAndValues) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      m.add(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  public static String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1);
  }

  private static String cookieValue(HttpResponse<Buffer> r) {
    for (String c : r.cookies()) {
      if (c.startsWith(COOKIE + "=")) {
        int end = c.indexOf(';');
        return c.substring(COOKIE.length() + 1, end < 0 ? c.length() : end);
      }
    }
    return null;
  }
}
