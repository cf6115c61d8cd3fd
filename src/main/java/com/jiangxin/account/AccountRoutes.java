package com.jiangxin.account;

import com.jiangxin.config.Config;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Requests;
import com.jiangxin.web.RetryLater;
import com.jiangxin.web.Throttle;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Register, log in and out, change password: as pages and as the JSON API. */
public final class AccountRoutes {
  private final Vertx vertx;
  private final AccountRepository accounts;
  private final Auth auth;
  private final LoginThrottle throttle;
  /** Registrations per client address: a burst, then one per {@link Config.Limits#REGISTER_INTERVAL}. */
  private final Throttle registrations;

  private AccountRoutes(Vertx vertx, AccountRepository accounts, Auth auth, LoginThrottle throttle,
                        Throttle registrations) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.auth = auth;
    this.throttle = throttle;
    this.registrations = registrations;
  }

  public static void mount(Router router, Vertx vertx, AccountRepository accounts, Auth auth, TeacherApproval approval,
                           Config.Limits limits) {
    AccountRoutes r = new AccountRoutes(vertx, accounts, auth, LoginThrottle.shared(vertx, limits),
      Throttle.shared(vertx, "register", Throttle.Policy.rate(limits.registerBurstPerAddress(),
        Config.Limits.REGISTER_INTERVAL, Duration.ofMinutes(10)), LoginThrottle.MAX_KEYS));
    router.post("/api/v1/auth/register").handler(r::registerJson);
    router.post("/api/v1/auth/login").handler(r::loginJson);
    router.post("/api/v1/auth/logout").handler(r::logoutJson);
    router.get("/api/v1/me").handler(r::meJson);
    router.post("/api/v1/auth/password").handler(r::passwordJson);

    router.get("/login").handler(r::showLogin);
    router.post("/login").handler(r::submitLogin);
    router.get("/register").handler(r::showRegister);
    router.post("/register").handler(r::submitRegister);
    router.post("/logout").handler(r::submitLogout);
    router.get("/account").handler(Auth::requirePageUser).handler(r::showAccount);
    router.post("/account/password").handler(Auth::requirePageUser).handler(r::submitPassword);
    router.post("/account/invite").handler(Auth::requirePageUser).handler(r::submitInvite);
    AdminPages.mount(router, approval);
  }

  // ---- JSON API ----

  private void registerJson(RoutingContext ctx) {
    Optional<RetryLater> slow = tooManyRegistrations(ctx);
    if (slow.isPresent()) {
      RetryLater.later(vertx, slow.get()).onFailure(ctx::fail);
      return;
    }
    JsonObject body = Requests.jsonBody(ctx);
    Optional<User.Role> role = User.Role.parse(body.getString("role"));
    if (role.isEmpty()) {
      Web.badRequest(ctx, "role must be \"teacher\" or \"student\"");
      return;
    }
    accounts.register(new AccountRepository.NewUser(body.getString("username"), body.getString("password"),
        body.getString("displayName"), role.get(), false), Requests.string(body, "inviteCode"))
      .onSuccess(u -> Web.json(ctx, 201, new JsonObject().put("id", u.id()).put("username", u.username())
        .put("displayName", u.displayName()).put("role", u.role().code())
        .put("approved", u.approved()).put("admin", u.isAdmin())))
      .onFailure(ctx::fail);
  }

  private void loginJson(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    String username = AccountRepository.normaliseUsername(body.getString("username"));
    String password = body.getString("password");
    if (username.isEmpty() || password == null) {
      Web.badRequest(ctx, "username and password are required");
      return;
    }
    checkPassword(ctx, username, password)
      .compose(user -> accounts.issueToken(user).map(token -> new JsonObject()
        .put("token", token).put("user", user.toJson()).put("mustChangePassword", user.mustChangePassword())))
      .onSuccess(json -> Web.json(ctx, 200, json))
      .onFailure(ctx::fail);
  }

  private void logoutJson(RoutingContext ctx) {
    String authz = ctx.request().getHeader("Authorization");
    if (authz == null || !authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Web.error(ctx, 401, "no bearer token to revoke");
      return;
    }
    accounts.revokeToken(authz.substring(7).trim())
      .onSuccess(x -> Web.noContent(ctx))
      .onFailure(ctx::fail);
  }

  private void meJson(RoutingContext ctx) {
    Web.json(ctx, Auth.current(ctx).toJson());
  }

  private void passwordJson(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    accounts.changePassword(Auth.current(ctx), body.getString("currentPassword"), body.getString("newPassword"), null)
      .onSuccess(x -> Web.noContent(ctx))
      .onFailure(ctx::fail);
  }

  /**
   * The user if the password is right; 429 while throttled, 401 otherwise. The attempt is counted
   * before the password is checked, so parallel guesses meet the throttle too.
   */
  private Future<User> checkPassword(RoutingContext ctx, String username, String password) {
    if (username.length() > LoginThrottle.MAX_USERNAME) {
      return Future.failedFuture(HttpError.badRequest("用户名太长了。"));
    }
    if (password.length() > Passwords.MAX_LENGTH * 2) {
      return Future.failedFuture(HttpError.badRequest("密码最多 " + Passwords.MAX_LENGTH + " 个字符。"));
    }
    String address = Requests.clientAddress(ctx);
    long wait = throttle.begin(username, address);
    if (wait > 0) {
      return RetryLater.later(vertx, new RetryLater(429, "登录尝试太多，请 " + wait + " 秒后再试。", wait));
    }
    return accounts.authenticate(username, password)
      // shed by a busy server, the password was never checked: that try is not a failure
      .onFailure(e -> throttle.notChecked(username, address))
      .compose(found -> {
        if (found.isPresent()) {
          throttle.succeeded(username, address);
          return Future.succeededFuture(found.get());
        }
        return Future.failedFuture(new HttpError(401, "用户名或密码不对。"));
      });
  }

  /** A refusal when this address has registered too often just now; counts the attempt otherwise. */
  private Optional<RetryLater> tooManyRegistrations(RoutingContext ctx) {
    long wait = Throttle.seconds(registrations.acquire(Requests.clientAddress(ctx)));
    return wait == 0 ? Optional.empty()
      : Optional.of(new RetryLater(429, "注册太频繁，请 " + wait + " 秒后再试。", wait));
  }

  // ---- Pages ----

  private void showLogin(RoutingContext ctx) {
    if (Auth.user(ctx).isPresent()) {
      Web.redirect(ctx, "/dashboard");
      return;
    }
    Map<String, Object> model = Web.model(ctx, "登录 · 匠心课堂");
    model.put("next", safeNext(ctx.request().getParam("next")));
    Web.html(ctx, "account/login", model);
  }

  private void submitLogin(RoutingContext ctx) {
    String username = AccountRepository.normaliseUsername(ctx.request().getFormAttribute("username"));
    String password = ctx.request().getFormAttribute("password");
    String next = safeNext(ctx.request().getFormAttribute("next"));
    Future<User> check = username.isEmpty() || password == null || password.isEmpty()
      ? Future.failedFuture(HttpError.badRequest("请填写用户名和密码。"))
      : checkPassword(ctx, username, password);
    check.compose(user -> {
        String oldSid = Auth.sid(ctx);
        return accounts.startSession(user).compose(newSid -> {
          auth.switchSession(ctx, newSid, user);
          return oldSid == null ? Future.succeededFuture() : accounts.endSession(oldSid).recover(e -> Future.succeededFuture());
        }).map(user);
      })
      .onSuccess(user -> Web.redirect(ctx, user.mustChangePassword() ? "/account?first=1"
        : next != null ? next : "/dashboard"))
      .onFailure(e -> {
        int status = e instanceof HttpError h ? h.status() : 500;
        if (status == 500) {
          ctx.fail(e);
          return;
        }
        RetryLater.hint(ctx, e);
        Map<String, Object> model = Web.model(ctx, "登录 · 匠心课堂");
        model.put("error", e.getMessage());
        model.put("username", username);
        model.put("next", next);
        Web.html(ctx, status, "account/login", model);
      });
  }

  private void showRegister(RoutingContext ctx) {
    Map<String, Object> model = Web.model(ctx, "注册 · 匠心课堂");
    // a student is the usual newcomer: a teacher account is an explicit choice
    model.put("roleTeacher", "teacher".equals(ctx.request().getParam("role")));
    model.put("next", safeNext(ctx.request().getParam("next")));
    Web.html(ctx, "account/register", model);
  }

  private void submitRegister(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    Optional<User.Role> role = User.Role.parse(form.get("role"));
    String username = form.get("username");
    String displayName = form.get("displayName");
    Optional<RetryLater> slow = tooManyRegistrations(ctx);
    Future<User> created = slow.isPresent() ? RetryLater.later(vertx, slow.get())
      : role.isEmpty()
      ? Future.failedFuture(HttpError.badRequest("请选择身份：老师或学生。"))
      : accounts.register(new AccountRepository.NewUser(username, form.get("password"), displayName, role.get(), false),
        form.get("inviteCode"));
    created.compose(user -> accounts.startSession(user).map(sid -> {
        auth.switchSession(ctx, sid, user);
        return user;
      }))
      .onSuccess(user -> {
        String typed = form.get("inviteCode");
        boolean wrongCode = user.isPendingTeacher() && typed != null && !typed.isBlank();
        // a student who came from a join link (with its class code) goes back to it
        Web.redirect(ctx, user.isStudent() ? Optional.ofNullable(safeNext(form.get("next"))).orElse("/join")
          : wrongCode ? "/dashboard?invite=wrong" : "/dashboard");
      })
      .onFailure(e -> {
        if (!(e instanceof HttpError h)) {
          ctx.fail(e);
          return;
        }
        RetryLater.hint(ctx, e);
        Map<String, Object> model = Web.model(ctx, "注册 · 匠心课堂");
        model.put("error", h.getMessage());
        model.put("username", username);
        model.put("displayName", displayName);
        model.put("roleTeacher", "teacher".equals(form.get("role")));
        model.put("next", safeNext(form.get("next")));
        Web.html(ctx, h.status(), "account/register", model);
      });
  }

  private void submitLogout(RoutingContext ctx) {
    String sid = Auth.sid(ctx);
    Future<Void> end = sid == null ? Future.succeededFuture() : accounts.endSession(sid);
    String next = safeNext(ctx.request().getFormAttribute("next"));
    end.onComplete(x -> {
      Auth.setSessionCookie(ctx, Secrets.newSecret());
      Web.redirect(ctx, next != null ? next : "/");
    });
  }

  private void showAccount(RoutingContext ctx) {
    Map<String, Object> model = Web.model(ctx, "我的账号 · 匠心课堂");
    model.put("first", Auth.current(ctx).mustChangePassword());
    Web.html(ctx, "account/account", model);
  }

  private void submitPassword(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    String next = form.get("newPassword");
    if (next != null && !next.equals(form.get("confirmPassword"))) {
      renderAccountError(ctx, 400, "两次输入的新密码不一样。");
      return;
    }
    accounts.changePassword(Auth.current(ctx), form.get("currentPassword"), next, Secrets.sha256(Auth.sid(ctx)))
      .onSuccess(x -> {
        Map<String, Object> model = Web.model(ctx, "我的账号 · 匠心课堂");
        model.put("flash", "密码已修改。其他设备上的登录已退出。");
        Web.html(ctx, "account/account", model);
      })
      .onFailure(e -> {
        if (e instanceof HttpError h) {
          RetryLater.hint(ctx, e);
          renderAccountError(ctx, h.status(), h.getMessage());
        } else {
          ctx.fail(e);
        }
      });
  }

  /** A teacher waiting for approval types an invite code on the waiting page. */
  private void submitInvite(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isPendingTeacher()) {
      Web.redirect(ctx, "/dashboard");
      return;
    }
    accounts.redeemInvite(user, ctx.request().getFormAttribute("inviteCode"))
      .onSuccess(valid -> {
        if (valid) {
          Web.redirect(ctx, "/dashboard");
        } else {
          ctx.put("inviteError", Auth.WRONG_INVITE);
          Auth.showPending(ctx, 400);
        }
      })
      .onFailure(ctx::fail);
  }

  private void renderAccountError(RoutingContext ctx, int status, String message) {
    Map<String, Object> model = Web.model(ctx, "我的账号 · 匠心课堂");
    model.put("error", message);
    Web.html(ctx, status, "account/account", model);
  }

  /** Only same-site paths ({@link Requests#localPath}) are followed after login; anything else means the dashboard. */
  static String safeNext(String next) {
    return Requests.localPath(next);
  }
}
