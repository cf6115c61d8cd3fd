package com.jiangxin.discussion;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Web;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The discussion's JSON API under {@code /api/v1} (described in {@code openapi.yaml}). */
final class DiscussionApi {
  private final DiscussionService service;
  private final LiveUpdates live;

  private DiscussionApi(DiscussionService service, LiveUpdates live) {
    this.service = service;
    this.live = live;
  }

  static void mount(Router router, DiscussionService service, LiveUpdates live) {
    DiscussionApi a = new DiscussionApi(service, live);
    router.get("/api/v1/assignments/:id/threads").handler(a::threads);
    router.post("/api/v1/assignments/:id/threads").handler(a::addThread);
    router.get("/api/v1/assignments/:id/participation").handler(a::participation);
    router.put("/api/v1/assignments/:id/participation/rule").handler(a::setRule);
    router.delete("/api/v1/assignments/:id/participation/rule").handler(a::clearRule);
    router.patch("/api/v1/threads/:id").handler(a::updateThread);
    router.post("/api/v1/threads/:id/lock").handler(ctx -> a.lock(ctx, true));
    router.post("/api/v1/threads/:id/unlock").handler(ctx -> a.lock(ctx, false));
    router.get("/api/v1/threads/:id/posts").handler(a::posts);
    router.post("/api/v1/threads/:id/posts").handler(a::createPost);
    router.get("/api/v1/threads/:id/events").handler(a::events);
    router.patch("/api/v1/posts/:id").handler(a::editPost);
    router.delete("/api/v1/posts/:id").handler(a::deletePost);
    router.post("/api/v1/posts/:id/hide").handler(a::hide);
    router.post("/api/v1/posts/:id/restore").handler(a::restore);
    router.post("/api/v1/posts/:id/pin").handler(ctx -> a.pin(ctx, true));
    router.post("/api/v1/posts/:id/unpin").handler(ctx -> a.pin(ctx, false));
    router.post("/api/v1/posts/:id/reactions").handler(a::react);
    router.get("/api/v1/readings/:id/annotations").handler(a::annotations);
  }

  // ---- threads ----

  private void threads(RoutingContext ctx) {
    User user = Auth.current(ctx);
    service.place(Ids.path(ctx, "id"), user)
      .compose(service::threads)
      .onSuccess(list -> {
        JsonArray out = new JsonArray();
        list.forEach(t -> out.add(PostViews.threadJson(t)));
        Web.json(ctx, out);
      })
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void addThread(RoutingContext ctx) {
    JsonObject body = Ids.jsonBody(ctx);
    service.addThread(Ids.path(ctx, "id"), Auth.current(ctx), Ids.string(body, "title"), Ids.string(body, "prompt"),
        Boolean.TRUE.equals(Ids.bool(body, "postBeforeSee")))
      .onSuccess(t -> Web.json(ctx, 201, PostViews.threadJson(t)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void updateThread(RoutingContext ctx) {
    JsonObject body = Ids.jsonBody(ctx);
    service.updateThread(Ids.path(ctx, "id"), Auth.current(ctx), Ids.string(body, "title"), Ids.string(body, "prompt"),
        Ids.bool(body, "postBeforeSee"))
      .onSuccess(t -> Web.json(ctx, PostViews.threadJson(t)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void lock(RoutingContext ctx, boolean locked) {
    service.setLocked(Ids.path(ctx, "id"), Auth.current(ctx), locked)
      .onSuccess(t -> Web.json(ctx, PostViews.threadJson(t)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  // ---- posts ----

  private void posts(RoutingContext ctx) {
    User user = Auth.current(ctx);
    service.thread(Ids.path(ctx, "id"), user)
      .compose(service::posts)
      .onSuccess(tp -> {
        JsonArray out = new JsonArray();
        tp.flat().forEach(p -> out.add(PostViews.json(p, tp.at().viewer(), tp.at().viewer().moderator())));
        if (tp.waiting()) {
          ctx.response().putHeader("X-Post-Before-See", "waiting");
        }
        Web.json(ctx, out);
      })
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void createPost(RoutingContext ctx) {
    JsonObject body = Ids.jsonBody(ctx);
    User user = Auth.current(ctx);
    service.create(Ids.path(ctx, "id"), user, Ids.string(body, "body"), Ids.number(body, "parentId"),
        Ids.integer(body, "paragraph"), Ids.string(body, "quote"))
      .onSuccess(p -> Web.json(ctx, 201, PostViews.json(p, new Viewer(user, false), false)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void editPost(RoutingContext ctx) {
    JsonObject body = Ids.jsonBody(ctx);
    User user = Auth.current(ctx);
    service.edit(Ids.path(ctx, "id"), user, Ids.string(body, "body"))
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, false), false)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void deletePost(RoutingContext ctx) {
    service.delete(Ids.path(ctx, "id"), Auth.current(ctx))
      .onSuccess(x -> Web.noContent(ctx))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void hide(RoutingContext ctx) {
    JsonObject body = Ids.optionalJsonBody(ctx);
    User user = Auth.current(ctx);
    service.hide(Ids.path(ctx, "id"), user, Ids.string(body, "reason"))
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, true), true)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void restore(RoutingContext ctx) {
    User user = Auth.current(ctx);
    service.restore(Ids.path(ctx, "id"), user)
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, true), true)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void pin(RoutingContext ctx, boolean pinned) {
    User user = Auth.current(ctx);
    service.pin(Ids.path(ctx, "id"), user, pinned)
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, true), true)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void react(RoutingContext ctx) {
    service.react(Ids.path(ctx, "id"), Auth.current(ctx))
      .onSuccess(p -> Web.json(ctx, new JsonObject().put("postId", p.id()).put("reactions", p.reactions())
        .put("reacted", p.reacted())))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void annotations(RoutingContext ctx) {
    String assignment = ctx.request().getParam("assignment");
    if (assignment == null || !assignment.matches("\\d{1,18}")) {
      Web.badRequest(ctx, "请用 ?assignment= 指明是哪个作业的批注。");
      return;
    }
    service.annotations(ctx.pathParam("id"), Long.parseLong(assignment), Auth.current(ctx))
      .onSuccess(tp -> {
        JsonArray out = new JsonArray();
        tp.flat().stream()
          .sorted(java.util.Comparator.comparing((Post p) -> p.paragraph() == null ? 0 : p.paragraph())
            .thenComparing(Post::id))
          .forEach(p -> out.add(PostViews.json(p, tp.at().viewer(), tp.at().viewer().moderator())));
        Web.json(ctx, out);
      })
      .onFailure(e -> Ids.fail(ctx, e));
  }

  // ---- live ----

  private void events(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!live.mayOpen(user.id())) {
      Web.error(ctx, 429, "打开的实时连接太多了：请关掉一些讨论页面。");
      return;
    }
    service.thread(Ids.path(ctx, "id"), user)
      .compose(service::visibility)
      .onSuccess(rules -> live.stream(ctx.response(), rules))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  // ---- participation ----

  private void participation(RoutingContext ctx) {
    service.participation(Ids.path(ctx, "id"), Auth.current(ctx))
      .onSuccess(list -> {
        JsonArray out = new JsonArray();
        list.forEach(s -> out.add(new JsonObject().put("studentId", s.studentId()).put("displayName", s.displayName())
          .mergeIn(s.participation().toJson())));
        Web.json(ctx, out);
      })
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void setRule(RoutingContext ctx) {
    JsonObject body = Ids.jsonBody(ctx);
    ParticipationRule rule;
    try {
      rule = ParticipationRule.of(Ids.decimal(body, "perPost"), Ids.decimal(body, "perReply"),
        Ids.decimal(body, "perComment"), Ids.decimal(body, "cap"));
    } catch (HttpError e) {
      Ids.fail(ctx, e);
      return;
    }
    service.setRule(Ids.path(ctx, "id"), Auth.current(ctx), rule)
      .onSuccess(r -> Web.json(ctx, r.map(ParticipationRule::toJson).orElseGet(JsonObject::new)))
      .onFailure(e -> Ids.fail(ctx, e));
  }

  private void clearRule(RoutingContext ctx) {
    service.setRule(Ids.path(ctx, "id"), Auth.current(ctx), null)
      .onSuccess(r -> Web.noContent(ctx))
      .onFailure(e -> Ids.fail(ctx, e));
  }
}
