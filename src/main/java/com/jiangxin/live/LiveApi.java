package com.jiangxin.live;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Requests;
import com.jiangxin.web.RetryLater;
import com.jiangxin.web.SiteAddress;
import com.jiangxin.web.Throttle;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/** The live API under {@code /api/v1/live}: teachers host, players send {@value #PLAYER_HEADER}. */
final class LiveApi {
  static final String PLAYER_HEADER = "X-Player-Token";
  static final int COUNTDOWN_MAX = 300;
  /**
   * Wrong PINs one address may type: a few dozen at once (a class behind one router mistypes), then
   * one every two seconds, so guessing a running session's PIN takes days.
   */
  static final Throttle.Policy WRONG_PINS = Throttle.Policy.rate(30, Duration.ofSeconds(2), Duration.ofMinutes(10));

  private final LiveGame game;
  private final SiteAddress site;
  private final Throttle wrongPins;

  private LiveApi(LiveGame game, SiteAddress site, Throttle wrongPins) {
    this.game = game;
    this.site = site;
    this.wrongPins = wrongPins;
  }

  static void mount(Router router, Vertx vertx, LiveGame game, SiteAddress site) {
    LiveApi api = new LiveApi(game, site, Throttle.shared(vertx, "live-wrong-pin", WRONG_PINS, 10_000));
    router.post("/api/v1/live").handler(api::create);
    router.post("/api/v1/live/join").handler(api::join);
    router.get("/api/v1/live/:id").handler(api::state);
    router.post("/api/v1/live/:id/next").handler(ctx -> api.hosted(ctx, s -> game.next(s)));
    router.post("/api/v1/live/:id/reveal").handler(ctx -> api.hosted(ctx, s -> game.reveal(s)));
    router.post("/api/v1/live/:id/end").handler(ctx -> api.hosted(ctx, s -> game.end(s)));
    router.post("/api/v1/live/:id/answers").handler(api::answer);
    router.get("/api/v1/live/:id/leaderboard").handler(api::leaderboard);
    router.delete("/api/v1/live/:id/players/:playerId").handler(api::removePlayer);
  }

  static Future<LiveGame.Caller> caller(LiveGame game, RoutingContext ctx) {
    return game.caller(Auth.user(ctx).orElse(null), ctx.request().getHeader(PLAYER_HEADER));
  }

  private void create(RoutingContext ctx) {
    User user = Auth.current(ctx);
    JsonObject body = Requests.jsonBody(ctx);
    String readingId = Requests.string(body, "readingId");
    Long assignmentId = longField(body, "assignmentId");
    Long classId = longField(body, "classId");
    if ((readingId == null) == (assignmentId == null)) {
      throw HttpError.badRequest("请给出 readingId 或 assignmentId（二选一）。");
    }
    if (assignmentId != null && classId != null) {
      throw HttpError.badRequest("从作业开始时班级就是作业的班级，不用再给 classId。");
    }
    Long countdown = longField(body, "countdown");
    if (countdown != null && (countdown < 0 || countdown > COUNTDOWN_MAX)) {
      throw HttpError.badRequest("countdown 须为 0 到 " + COUNTDOWN_MAX + " 秒。");
    }
    LiveGame.Start start = new LiveGame.Start(readingId, assignmentId, classId, bool(body, "guests"),
      bool(body, "speedBonus"), countdown == null ? 0 : countdown.intValue());
    game.start(user, start)
      .onSuccess(Requests.safely(ctx, s -> Web.json(ctx, 201, new JsonObject()
        .put("id", s.id()).put("pin", s.pin()).put("joinUrl", joinUrl(ctx, s.pin()))
        .put("hostUrl", "/live/" + s.id() + "/host").put("status", s.status())
        .put("guests", s.guests()).put("speedBonus", s.speedBonus()).put("countdown", s.countdown())
        .put("questions", game.quiz(s.readingId()).size()))))
      .onFailure(ctx::fail);
  }

  /** The address a phone opens to join: the site's address students can reach, with the PIN filled in. */
  String joinUrl(RoutingContext ctx, String pin) {
    return site.of(ctx.request()).url() + "/live?pin=" + pin;
  }

  private void join(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    Object pin = body.getValue("pin");
    String nickname = Requests.string(body, "nickname");
    String address = Requests.clientAddress(ctx);
    long wait = wrongPins.waitMillis(address);
    if (wait > 0) {
      throw new RetryLater(429, "PIN 输错太多次了，请 " + Throttle.seconds(wait) + " 秒后再试。", Throttle.seconds(wait));
    }
    game.join(Auth.user(ctx).orElse(null), pin == null ? null : String.valueOf(pin), nickname)
      .onSuccess(Requests.safely(ctx, j -> Web.json(ctx, 200, new JsonObject()
        .put("sessionId", j.player().sessionId()).put("playerId", j.player().id())
        .put("playerToken", j.token()).put("name", j.player().name()))))
      .onFailure(e -> {
        if (e instanceof HttpError h && h.status() == 404) {
          wrongPins.acquire(address);
        }
        ctx.fail(e);
      });
  }

  private void state(RoutingContext ctx) {
    long id = Requests.id(ctx, "id");
    caller(game, ctx).compose(c -> game.visible(c, id).compose(s -> game.state(s, c)))
      .onSuccess(Requests.safely(ctx, s -> Web.json(ctx, s)))
      .onFailure(ctx::fail);
  }

  private void hosted(RoutingContext ctx, java.util.function.Function<LiveSession, Future<JsonObject>> action) {
    long id = Requests.id(ctx, "id");
    caller(game, ctx).compose(c -> game.hosted(c, id)).compose(action)
      .onSuccess(Requests.safely(ctx, r -> Web.json(ctx, r)))
      .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx) {
    long id = Requests.id(ctx, "id");
    JsonObject body = Requests.jsonBody(ctx);
    String questionId = Requests.string(body, "questionId");
    if (questionId == null) {
      throw HttpError.badRequest("缺少 questionId。");
    }
    Object answer = body.getValue("answer");
    Object plain = answer instanceof io.vertx.core.json.JsonArray a ? a.getList() : answer;
    caller(game, ctx).compose(c -> {
      if (c.player() == null) {
        return Future.failedFuture(c.user() == null ? new HttpError(401, "请先输入 PIN 加入。")
          : HttpError.forbidden("只有加入这场互动的学生可以作答（请带上 " + PLAYER_HEADER + "）。"));
      }
      return game.visible(c, id).compose(s -> game.answer(s, c.player(), questionId, plain));
    })
      .onSuccess(Requests.safely(ctx, x -> Web.json(ctx, 202, new JsonObject().put("accepted", true))))
      .onFailure(ctx::fail);
  }

  private void leaderboard(RoutingContext ctx) {
    long id = Requests.id(ctx, "id");
    caller(game, ctx).compose(c -> game.visible(c, id)).compose(game::leaderboard)
      .onSuccess(Requests.safely(ctx, board -> Web.json(ctx, board)))
      .onFailure(ctx::fail);
  }

  private void removePlayer(RoutingContext ctx) {
    long id = Requests.id(ctx, "id");
    long playerId = Requests.id(ctx, "playerId");
    caller(game, ctx).compose(c -> game.hosted(c, id)).compose(s -> game.remove(s, playerId))
      .onSuccess(Requests.safely(ctx, x -> Web.noContent(ctx)))
      .onFailure(ctx::fail);
  }

  private static Long longField(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (v instanceof String s && s.matches("\\d{1,18}")) {
      return Long.parseLong(s);
    }
    throw HttpError.badRequest(key + " 须为整数。");
  }

  private static boolean bool(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw HttpError.badRequest(key + " 须为 true 或 false。");
  }
}
