package com.jiangxin.discussion;

import com.jiangxin.web.Requests;
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
    service.place(Requests.id(ctx, "id"), user)
      .compose(service::threads)
      .onSuccess(list -> {
        JsonArray out = new JsonArray();
        list.forEach(t -> out.add(PostViews.threadJson(t)));
        Web.json(ctx, out);
      })
      .onFailure(ctx::fail);
  }

  private void addThread(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    service.addThread(Requests.id(ctx, "id"), Auth.current(ctx), Requests.string(body, "title"), Requests.string(body, "prompt"),
        Boolean.TRUE.equals(Requests.bool(body, "postBeforeSee")))
      .onSuccess(t -> Web.json(ctx, 201, PostViews.threadJson(t)))
      .onFailure(ctx::fail);
  }

  private void updateThread(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    service.updateThread(Requests.id(ctx, "id"), Auth.current(ctx), Requests.string(body, "title"), Requests.string(body, "prompt"),
        Requests.bool(body, "postBeforeSee"))
      .onSuccess(t -> Web.json(ctx, PostViews.threadJson(t)))
      .onFailure(ctx::fail);
  }

  private void lock(RoutingContext ctx, boolean locked) {
    service.setLocked(Requests.id(ctx, "id"), Auth.current(ctx), locked)
      .onSuccess(t -> Web.json(ctx, PostViews.threadJson(t)))
      .onFailure(ctx::fail);
  }

  // ---- posts ----

  private void posts(RoutingContext ctx) {
    User user = Auth.current(ctx);
    service.thread(Requests.id(ctx, "id"), user)
      .compose(service::posts)
      .onSuccess(tp -> {
        JsonArray out = new JsonArray();
        tp.flat().forEach(p -> out.add(PostViews.json(p, tp.at().viewer(), tp.at().viewer().moderator())));
        if (tp.waiting()) {
          ctx.response().putHeader("X-Post-Before-See", "waiting");
        }
        Web.json(ctx, out);
      })
      .onFailure(ctx::fail);
  }

  private void createPost(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    User user = Auth.current(ctx);
    service.create(Requests.id(ctx, "id"), user, Requests.string(body, "body"), Requests.whole(body, "parentId"),
        Requests.positive(body, "paragraph"), Requests.string(body, "quote"))
      .onSuccess(p -> Web.json(ctx, 201, PostViews.json(p, new Viewer(user, false), false)))
      .onFailure(ctx::fail);
  }

  private void editPost(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    User user = Auth.current(ctx);
    service.edit(Requests.id(ctx, "id"), user, Requests.string(body, "body"))
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, false), false)))
      .onFailure(ctx::fail);
  }

  private void deletePost(RoutingContext ctx) {
    service.delete(Requests.id(ctx, "id"), Auth.current(ctx))
      .onSuccess(x -> Web.noContent(ctx))
      .onFailure(ctx::fail);
  }

  private void hide(RoutingContext ctx) {
    JsonObject body = Requests.jsonBodyOrEmpty(ctx);
    User user = Auth.current(ctx);
    service.hide(Requests.id(ctx, "id"), user, Requests.string(body, "reason"))
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, true), true)))
      .onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    User user = Auth.current(ctx);
    service.restore(Requests.id(ctx, "id"), user)
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, true), true)))
      .onFailure(ctx::fail);
  }

  private void pin(RoutingContext ctx, boolean pinned) {
    User user = Auth.current(ctx);
    service.pin(Requests.id(ctx, "id"), user, pinned)
      .onSuccess(p -> Web.json(ctx, PostViews.json(p, new Viewer(user, true), true)))
      .onFailure(ctx::fail);
  }

  private void react(RoutingContext ctx) {
    service.react(Requests.id(ctx, "id"), Auth.current(ctx))
      .onSuccess(p -> Web.json(ctx, new JsonObject().put("postId", p.id()).put("reactions", p.reactions())
        .put("reacted", p.reacted())))
      .onFailure(ctx::fail);
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
      .onFailure(ctx::fail);
  }

  // ---- live ----

  private void events(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!live.mayOpen(user.id())) {
      Web.error(ctx, 429, "打开的实时连接太多了：请关掉一些讨论页面。");
      return;
    }
    service.thread(Requests.id(ctx, "id"), user)
      .compose(service::visibility)
      .onSuccess(rules -> live.stream(ctx.response(), rules))
      .onFailure(ctx::fail);
  }

  // ---- participation ----

  private void participation(RoutingContext ctx) {
    service.participation(Requests.id(ctx, "id"), Auth.current(ctx))
      .onSuccess(list -> {
        JsonArray out = new JsonArray();
        list.forEach(s -> out.add(new JsonObject().put("studentId", s.studentId()).put("displayName", s.displayName())
          .mergeIn(s.participation().toJson())));
        Web.json(ctx, out);
      })
      .onFailure(ctx::fail);
  }

  private void setRule(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    ParticipationRule rule;
    try {
      rule = ParticipationRule.of(Requests.decimal(body, "perPost"), Requests.decimal(body, "perReply"),
        Requests.decimal(body, "perComment"), Requests.decimal(body, "cap"));
    } catch (HttpError e) {
      ctx.fail(e);
      return;
    }
    service.setRule(Requests.id(ctx, "id"), Auth.current(ctx), rule)
      .onSuccess(r -> Web.json(ctx, r.map(ParticipationRule::toJson).orElseGet(JsonObject::new)))
      .onFailure(ctx::fail);
  }

  private void clearRule(RoutingContext ctx) {
    service.setRule(Requests.id(ctx, "id"), Auth.current(ctx), null)
      .onSuccess(r -> Web.noContent(ctx))
      .onFailure(ctx::fail);
  }
}
