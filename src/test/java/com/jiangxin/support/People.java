package com.jiangxin.support;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People for tests: a teacher or a student registered through the API, signed in either with an
 * API token or, like a browser, through the login form (a session cookie).
 */
public final class People {
  public static final String COOKIE = "jx_sid";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** A registered account: its username and password. */
  public record Person(String username, String password, String role) {
  }

  private People() {
  }

  /** Registers through the API; a teacher with the test server's invite code, so it is approved. */
  public static Person register(TestServer server, String role) {
    String username = role + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
    Person p = new Person(username, "password-" + username, role);
    HttpResponse<Buffer> r = server.postJson("/api/v1/auth/register", new JsonObject().put("username", username)
      .put("password", p.password()).put("displayName", "teacher".equals(role) ? "刘老师" : "小林")
      .put("role", role).put("inviteCode", TestServer.TEACHER_INVITE_CODE), null);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("register failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return p;
  }

  /** An API token for the person. */
  public static String token(TestServer server, Person p) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/auth/login", new JsonObject()
      .put("username", p.username()).put("password", p.password()), null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  /** Signs in through the login form, as a browser does; returns the session id of the cookie. */
  public static String session(TestServer server, Person p) {
    HttpResponse<Buffer> page = server.get("/login");
    String anonymous = cookie(page);
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("username", p.username())
      .add("password", p.password()).add("csrf", csrf(page.bodyAsString()));
    HttpResponse<Buffer> r = server.client.post("/login").putHeader("Cookie", COOKIE + "=" + anonymous)
      .sendForm(form).await();
    if (r.statusCode() != 303) {
      throw new IllegalStateException("form login failed: " + r.statusCode());
    }
    return cookie(r);
  }

  /** A page fetched with a session id (null: as an anonymous visitor). */
  public static HttpResponse<Buffer> getPage(TestServer server, String path, String sid) {
    var req = server.client.get(path);
    if (sid != null) {
      req.putHeader("Cookie", COOKIE + "=" + sid);
    }
    return req.send().await();
  }

  /** The CSRF token of the first form in a page. */
  public static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no csrf field in the page");
    }
    return m.group(1);
  }

  private static String cookie(HttpResponse<Buffer> r) {
    for (String c : r.cookies()) {
      if (c.startsWith(COOKIE + "=")) {
        return c.substring(COOKIE.length() + 1, c.indexOf(';'));
      }
    }
    throw new IllegalStateException("no session cookie set");
  }
}
