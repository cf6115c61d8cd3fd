package com.jiangxin.live;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.classroom.AssignmentRepository;
import com.jiangxin.classroom.JoinQr;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Requests;
import com.jiangxin.web.SiteAddress;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live pages: the teacher's start page and projector, the phone's join-and-play page, and the
 * event stream both follow.
 */
final class LivePages {
  /** The cookie a phone keeps its player token in, so its event stream (which sends no headers) is known. */
  static final String PLAYER_COOKIE = "jx_live";

  private final LiveGame game;
  private final ReadingCatalog catalog;
  private final AssignmentRepository assignments;
  private final SiteAddress site;

  private LivePages(LiveGame game, ReadingCatalog catalog, AssignmentRepository assignments, SiteAddress site) {
    this.game = game;
    this.catalog = catalog;
    this.assignments = assignments;
    this.site = site;
  }

  static void mount(Router router, LiveGame game, ReadingCatalog catalog, AssignmentRepository assignments, SiteAddress site) {
    LivePages p = new LivePages(game, catalog, assignments, site);
    router.get("/live").handler(p::phone);
    router.get("/live/new").handler(Auth::requirePageUser).handler(p::showNew);
    router.post("/live/new").handler(Auth::requirePageUser).handler(p::create);
    router.get("/live/:id/host").handler(Auth::requirePageUser).handler(p::host);
    router.get("/live/:id/events").handler(p::events);
  }

  private void phone(RoutingContext ctx) {
    Map<String, Object> model = Web.model(ctx, "课堂互动 · 匠心课堂");
    String pin = ctx.request().getParam("pin");
    model.put("pin", pin != null && pin.matches("\\d{6}") ? pin : "");
    model.put("scripts", List.of("/static/js/live.js"));
    model.put("bodyClass", "live-phone");
    model.put("nicknameMax", LiveGame.NICKNAME_MAX);
    Web.html(ctx, "live/play", model);
  }

  private void showNew(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isTeacher()) {
      throw HttpError.forbidden("只有老师可以开始课堂互动。");
    }
    Future.all(assignments.of(user), game.repo().classesOf(user.id())).onSuccess(Requests.safely(ctx, all -> {
      Map<String, Object> model = Web.model(ctx, "开始课堂互动 · 匠心课堂");
      List<Map<String, Object>> readings = new ArrayList<>();
      for (Reading r : catalog.all()) {
        try {
          LiveQuiz q = game.quiz(r.id());
          if (q.size() > 0) {
            readings.add(Map.of("id", r.id(), "label", r.pianLabel() + " · " + r.title(), "count", q.size()));
          }
        } catch (HttpError noQuiz) {
          // a reading without a quiz cannot be played live
        }
      }
      List<Map<String, Object>> assigned = new ArrayList<>();
      List<com.jiangxin.classroom.Assignment> list = all.resultAt(0);
      for (var a : list) {
        String label = catalog.byId(a.readingId()).map(r -> r.pianLabel() + " · " + r.title()).orElse(a.readingId());
        assigned.add(Map.of("id", a.id(), "label", a.className() + " · " + label));
      }
      List<Map<String, Object>> classes = new ArrayList<>();
      List<Object[]> cl = all.resultAt(1);
      cl.forEach(c -> classes.add(Map.of("id", c[0], "name", c[1])));
      model.put("readings", readings);
      model.put("assignments", assigned);
      model.put("classes", classes);
      model.put("error", ctx.get("liveError"));
      Web.html(ctx, ctx.get("liveError") == null ? 200 : 400, "live/new", model);
    })).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    User user = Auth.current(ctx);
    String source = ctx.request().getFormAttribute("source");
    String readingId = ctx.request().getFormAttribute("readingId");
    String assignment = ctx.request().getFormAttribute("assignmentId");
    String cls = ctx.request().getFormAttribute("classId");
    String countdown = ctx.request().getFormAttribute("countdown");
    boolean fromAssignment = "assignment".equals(source);
    LiveGame.Start start;
    try {
      start = new LiveGame.Start(fromAssignment ? null : blankToNull(readingId),
        fromAssignment ? number(assignment, "作业") : null,
        fromAssignment ? null : number(cls, "班级"),
        "on".equals(ctx.request().getFormAttribute("guests")),
        "on".equals(ctx.request().getFormAttribute("speedBonus")),
        "on".equals(ctx.request().getFormAttribute("useCountdown")) ? countdownSeconds(countdown) : 0);
      if (start.readingId() == null && start.assignmentId() == null) {
        throw HttpError.badRequest(fromAssignment ? "请选择一项作业。" : "请选择一篇文章。");
      }
    } catch (HttpError e) {
      ctx.put("liveError", e.getMessage());
      showNew(ctx);
      return;
    }
    game.start(user, start)
      .onSuccess(s -> Web.redirect(ctx, "/live/" + s.id() + "/host"))
      .onFailure(e -> {
        if (e instanceof HttpError h && h.status() < 500) {
          ctx.put("liveError", h.getMessage());
          showNew(ctx);
        } else {
          ctx.fail(e);
        }
      });
  }

  private void host(RoutingContext ctx) {
    long id = Requests.id(ctx, "id");
    LiveGame.Caller c = new LiveGame.Caller(Auth.current(ctx), null);
    game.hosted(c, id).compose(s -> game.state(s, c).map(state -> {
      Map<String, Object> model = Web.model(ctx, "课堂互动 · 投影");
      String joinUrl = site.of(ctx.request()).url() + "/live?pin=" + s.pin();
      model.put("session", Map.of("id", s.id(), "pin", s.pin(), "pinHead", s.pin().substring(0, 3),
        "pinTail", s.pin().substring(3)));
      model.put("joinUrl", joinUrl);
      model.put("joinAddress", site.of(ctx.request()).url() + "/live");
      model.put("onlyThisMachine", site.of(ctx.request()).onlyThisMachine());
      model.put("qr", JoinQr.model(joinUrl, "扫码加入课堂互动，PIN " + s.pin()));
      model.put("title2", state.getString("title"));
      model.put("skipped", state.getString("skipped"));
      model.put("count", state.getInteger("count"));
      model.put("scripts", List.of("/static/js/live.js"));
      model.put("bodyClass", "projector live-projector");
      return model;
    })).onSuccess(Requests.safely(ctx, model -> Web.html(ctx, "live/host", model))).onFailure(ctx::fail);
  }

  /** The event stream: the host by their session, a phone by its player token (header or cookie). */
  private void events(RoutingContext ctx) {
    long id = Requests.id(ctx, "id");
    String header = ctx.request().getHeader(LiveApi.PLAYER_HEADER);
    Cookie cookie = ctx.request().getCookie(PLAYER_COOKIE);
    String token = header != null ? header : cookie == null ? null : cookie.getValue();
    User user = Auth.user(ctx).orElse(null);
    game.caller(user, token)
      .recover(e -> token != null && user != null ? Future.succeededFuture(new LiveGame.Caller(user, null)) : Future.failedFuture(e))
      .compose(c -> game.visible(c, id).compose(s -> game.state(s, c).map(state -> {
        long playerId = c.isHostOf(s) ? -1 : c.player().id();
        game.events().stream(ctx.response(), id, playerId, state);
        return null;
      })))
      .onFailure(e -> {
        if (e instanceof HttpError h) {
          ctx.response().setStatusCode(h.status()).putHeader("Content-Type", "text/plain; charset=utf-8").end(h.getMessage());
        } else {
          ctx.fail(e);
        }
      });
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Long number(String s, String what) {
    if (s == null || s.isBlank()) {
      return null;
    }
    if (!s.strip().matches("\\d{1,18}")) {
      throw HttpError.badRequest("没有这个" + what + "。");
    }
    return Long.parseLong(s.strip());
  }

  private static int countdownSeconds(String s) {
    if (s == null || !s.strip().matches("\\d{1,3}") || Integer.parseInt(s.strip()) < 5
      || Integer.parseInt(s.strip()) > LiveApi.COUNTDOWN_MAX) {
      throw HttpError.badRequest("倒计时须为 5 到 " + LiveApi.COUNTDOWN_MAX + " 秒。");
    }
    return Integer.parseInt(s.strip());
  }
}
