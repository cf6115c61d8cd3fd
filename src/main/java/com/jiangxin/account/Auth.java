package com.jiangxin.account;

import com.jiangxin.web.HttpError;
import com.jiangxin.web.PageContext;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling, and may they. Pages identify people by a session cookie ({@value #COOKIE},
 * HttpOnly, SameSite=Lax) whose id is replaced at every login; every HTML form carries a CSRF token
 * bound to that id. The JSON API identifies callers by {@code Authorization: Bearer}, or by the
 * session cookie together with an {@code X-CSRF-Token} header (for the pages' own scripts).
 */
public final class Auth {
  public static final String COOKIE = "jx_sid";
  public static final String CSRF_FIELD = "csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final String USER_KEY = "user";
  static final String SID_KEY = "sid";
  static final String ANONYMOUS_KEY = "sidIsNew";
  // a teacher's own reading (own-<n>) is for signed-in readers only: the built-in ones are public
  private static final Pattern PUBLIC_API = Pattern.compile(
    "^/api/v1/(readings(/(?!own-)[^/]+)?|examples|openapi\\.yaml|auth/login|auth/register)$");
  /** Live-session calls a guest may make without an account: joining, then with the player token. */
  private static final Pattern LIVE_PLAYER_API = Pattern.compile("^/api/v1/live/(join|\\d+(/answers|/leaderboard|/next|/reveal|/end|/players/\\d+)?)$");
  /** What a teacher account waiting for approval may still use: what anyone may, and its own account. */
  private static final Pattern PENDING_TEACHER_MAY = Pattern.compile("^/(|examples|readings/[^/]+|login|register|logout"
    + "|account|account/password|account/invite|join|dashboard|health|favicon\\.ico"
    + "|api/v1/(readings(/[^/]+(/quiz)?)?|examples|openapi\\.yaml|auth/(login|register|logout|password)|me))$");
  /** What a person who must choose a new password may open before doing so. */
  private static final Pattern PASSWORD_CHANGE_MAY = Pattern.compile("^/(account|account/password|login|register|logout|favicon\\.ico)$");

  private final AccountRepository accounts;
  private final byte[] csrfKey;

  public Auth(AccountRepository accounts, String csrfKey) {
    this.accounts = accounts;
    this.csrfKey = csrfKey.getBytes(StandardCharsets.UTF_8);
  }

  /** The signed-in user of this request, if any. */
  public static Optional<User> user(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(USER_KEY));
  }

  /** The signed-in user; callers behind {@link #requireApiUser} or {@link #requirePageUser} only. */
  public static User current(RoutingContext ctx) {
    User u = ctx.get(USER_KEY);
    if (u == null) {
      throw new HttpError(401, "请先登录。");
    }
    return u;
  }

  /** First handler of every request: finds the caller and prepares the page context. */
  public void identify(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.startsWith("/static/")) {
      ctx.next();
      return;
    }
    String authz = ctx.request().getHeader("Authorization");
    if (authz != null && path.startsWith("/api/")) {
      if (!authz.regionMatches(true, 0, "Bearer ", 0, 7) || authz.length() <= 7) {
        Web.error(ctx, 401, "Authorization 头须为 Bearer <token>。");
        return;
      }
      accounts.userByToken(authz.substring(7).trim()).onComplete(ar -> {
        if (ar.succeeded() && ar.result().isPresent()) {
          ctx.put(USER_KEY, ar.result().get());
          ctx.next();
        } else if (ar.succeeded()) {
          Web.error(ctx, 401, "登录已失效或 token 无效，请重新登录。");
        } else {
          ctx.fail(ar.cause());
        }
      });
      return;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    String sid = cookie == null ? null : cookie.getValue();
    if (sid == null || sid.length() < 20 || sid.length() > 100) {
      sid = Secrets.newSecret();
      if (!path.startsWith("/api/")) {
        setSessionCookie(ctx, sid);
      }
    }
    String finalSid = sid;
    ctx.put(SID_KEY, sid);
    Future<Optional<User>> lookup = cookie == null ? Future.succeededFuture(Optional.empty()) : accounts.userBySession(sid);
    lookup.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ar.result().ifPresent(u -> ctx.put(USER_KEY, u));
      if (path.startsWith("/api/") && ctx.get(USER_KEY) != null) {
        // a page script may use the API with its session, but only with the CSRF header
        String header = ctx.request().getHeader(CSRF_HEADER);
        if (!Secrets.same(header, csrfToken(finalSid))) {
          ctx.remove(USER_KEY);
        }
      }
      Map<String, Object> page = new HashMap<>();
      page.put("csrf", csrfToken(finalSid));
      ar.result().ifPresent(u -> {
        page.put("user", u);
        page.put("isTeacher", u.isTeacher());
        page.put("isStudent", u.isStudent());
        page.put("isAdmin", u.isAdmin());
        page.put("isPendingTeacher", u.isPendingTeacher());
      });
      ctx.put(PageContext.KEY, page);
      ctx.next();
    });
  }

  /**
   * Runs after {@link #identify}: a teacher account waiting for approval gets 403 everywhere but
   * public pages and its own account (the dashboard explains why); a person who must choose a new
   * password (a first or reset password) is sent to the account page from every other page.
   */
  public static void gate(RoutingContext ctx) {
    User u = ctx.get(USER_KEY);
    if (u == null) {
      ctx.next();
      return;
    }
    String path = ctx.normalizedPath();
    boolean api = path.startsWith("/api/");
    if (u.mustChangePassword() && !api && !PASSWORD_CHANGE_MAY.matcher(path).matches()) {
      Web.redirect(ctx, "/account?first=1");
      return;
    }
    if (u.isPendingTeacher() && !PENDING_TEACHER_MAY.matcher(path).matches()) {
      if (api) {
        Web.error(ctx, 403, PENDING_MESSAGE);
      } else {
        showPending(ctx, 403);
      }
      return;
    }
    if (u.isPendingTeacher() && path.equals("/dashboard")) {
      if ("wrong".equals(ctx.request().getParam("invite"))) {
        ctx.put("inviteError", WRONG_INVITE);
      }
      showPending(ctx, 200);
      return;
    }
    ctx.next();
  }

  /** Why a waiting teacher account is refused. */
  public static final String PENDING_MESSAGE = "你的老师账号正在等待管理员批准；批准之前不能使用老师的功能。"
    + "请联系本站管理员批准，或在“我的课堂”页面输入邀请码。";

  /** An invite code that did not approve the account. */
  static final String WRONG_INVITE = "邀请码不对、已用完或已过期。请核对，或向管理员要一个新的。";

  /** The page that tells a waiting teacher what to do. */
  static void showPending(RoutingContext ctx, int status) {
    Map<String, Object> model = Web.model(ctx, "等待批准 · 匠心课堂");
    model.put("inviteError", ctx.get("inviteError"));
    Web.html(ctx, status, "account/pending", model);
  }

  /** Guards /api/v1: everything but the public reading endpoints needs a caller. */
  public void requireApiUser(RoutingContext ctx) {
    if (ctx.get(USER_KEY) != null || isPublicApi(ctx)) {
      ctx.next();
    } else {
      Web.error(ctx, 401, "需要登录：请在 Authorization 头中带上 Bearer token。");
    }
  }

  static boolean isPublicApi(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (LIVE_PLAYER_API.matcher(path).matches()
      && (path.equals("/api/v1/live/join") || ctx.request().getHeader("X-Player-Token") != null)) {
      return true; // a guest of a live session: the live feature checks the PIN or the player token itself
    }
    boolean authCall = path.equals("/api/v1/auth/login") || path.equals("/api/v1/auth/register");
    return PUBLIC_API.matcher(path).matches() && (authCall || ctx.request().method() == HttpMethod.GET);
  }

  /** Guards a page: without a session, off to the login page and back here afterwards. */
  public static void requirePageUser(RoutingContext ctx) {
    if (ctx.get(USER_KEY) != null) {
      ctx.next();
      return;
    }
    if (ctx.request().method() == HttpMethod.GET) {
      String next = ctx.request().uri();
      Web.redirect(ctx, "/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
    } else {
      Web.error(ctx, 401, "请先登录。");
    }
  }

  /** Refuses a form POST whose CSRF token does not match the visitor's session. */
  public void checkCsrf(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || ctx.normalizedPath().startsWith("/api/")) {
      ctx.next();
      return;
    }
    String sid = ctx.get(SID_KEY);
    String sent = ctx.request().getFormAttribute(CSRF_FIELD);
    if (sent == null) {
      sent = ctx.request().getHeader(CSRF_HEADER);
    }
    if (sid != null && Secrets.same(sent, csrfToken(sid))) {
      ctx.next();
    } else {
      Web.error(ctx, 403, "表单已过期或来源不明（缺少 CSRF 令牌）。请刷新页面后再提交。");
    }
  }

  /** The CSRF token of a session id. */
  public String csrfToken(String sid) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(sid.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static void setSessionCookie(RoutingContext ctx, String sid) {
    ctx.response().addCookie(Cookie.cookie(COOKIE, sid)
      .setPath("/")
      .setHttpOnly(true)
      .setSameSite(CookieSameSite.LAX)
      .setMaxAge(AccountRepository.SESSION_LIFETIME.toSeconds()));
  }

  /** Called by login: the visitor gets a new session id, and the page context a new CSRF token. */
  void switchSession(RoutingContext ctx, String newSid, User user) {
    setSessionCookie(ctx, newSid);
    ctx.put(SID_KEY, newSid);
    ctx.put(USER_KEY, user);
  }

  static String sid(RoutingContext ctx) {
    return ctx.get(SID_KEY);
  }
}
