package com.jiangxin.discussion;

import com.jiangxin.web.RetryLater;
import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.reading.ReadingPageAddOn;
import com.jiangxin.reading.ReadingPanel;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Numbers;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discussion's pages. Every one works without JavaScript: forms post and answer 303 to the page
 * they came from; {@code discussion.js} only makes them live. Two fragment routes give that script
 * one post, or one paragraph's comments, drawn by the same templates.
 */
final class DiscussionPages {
  static final String SCRIPT = "/static/js/discussion.js";

  private final DiscussionService service;

  private DiscussionPages(DiscussionService service) {
    this.service = service;
  }

  /** @return the margin comments the reading page draws */
  static ReadingPanel mount(Router router, DiscussionService service) {
    DiscussionPages p = new DiscussionPages(service);
    router.get("/assignments/:id/discussion").handler(Auth::requirePageUser).handler(p::showThreads);
    router.post("/assignments/:id/threads").handler(Auth::requirePageUser).handler(p::addThread);
    router.get("/assignments/:id/margin/:n").handler(Auth::requirePageUser).handler(ctx -> p.showMargin(ctx, false));
    router.get("/assignments/:id/margin/:n/panel").handler(Auth::requirePageUser).handler(ctx -> p.showMargin(ctx, true));
    router.post("/assignments/:id/margin/:n").handler(Auth::requirePageUser).handler(p::commentOnParagraph);
    router.get("/assignments/:id/participation").handler(Auth::requirePageUser).handler(p::showParticipation);
    router.post("/assignments/:id/participation/rule").handler(Auth::requirePageUser).handler(p::setRule);

    router.get("/threads/:id").handler(Auth::requirePageUser).handler(p::showThread);
    router.post("/threads/:id/posts").handler(Auth::requirePageUser).handler(p::createPost);
    router.post("/threads/:id/lock").handler(Auth::requirePageUser).handler(ctx -> p.lock(ctx, true));
    router.post("/threads/:id/unlock").handler(Auth::requirePageUser).handler(ctx -> p.lock(ctx, false));
    router.post("/threads/:id/settings").handler(Auth::requirePageUser).handler(p::settings);

    router.get("/posts/:id/fragment").handler(Auth::requirePageUser).handler(p::postFragment);
    router.post("/posts/:id/edit").handler(Auth::requirePageUser).handler(p::editPost);
    router.post("/posts/:id/delete").handler(Auth::requirePageUser).handler(p::deletePost);
    router.post("/posts/:id/hide").handler(Auth::requirePageUser).handler(p::hide);
    router.post("/posts/:id/restore").handler(Auth::requirePageUser).handler(p::restore);
    router.post("/posts/:id/pin").handler(Auth::requirePageUser).handler(ctx -> p.pin(ctx, true));
    router.post("/posts/:id/unpin").handler(Auth::requirePageUser).handler(ctx -> p.pin(ctx, false));
    router.post("/posts/:id/reactions").handler(Auth::requirePageUser).handler(p::react);
    return p::margin;
  }

  // ---- the reading page's margin ----

  /**
   * On {@code /readings/{id}?assignment={a}} for the class's teacher or students: counts of the
   * comments per paragraph, for the reading page to draw in its margin. Anyone else just gets the
   * reading.
   */
  private Future<Optional<ReadingPageAddOn>> margin(RoutingContext ctx, Reading reading) {
    String assignment = ctx.request().getParam("assignment");
    Optional<User> user = Auth.user(ctx);
    if (assignment == null || !assignment.matches("\\d{1,18}") || user.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return service.annotations(reading.id(), Long.parseLong(assignment), user.get())
      .<Optional<ReadingPageAddOn>>map(tp -> {
        Map<Integer, Integer> counts = new HashMap<>();
        tp.flat().forEach(p -> counts.merge(p.paragraph() == null ? 0 : p.paragraph(), 1, Integer::sum));
        return Optional.of(new MarginAddOn(tp.at(), counts));
      })
      .recover(e -> e instanceof HttpError ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
  }

  /** Draws the counts into the reading page's paragraphs and introduces the margin. */
  private record MarginAddOn(DiscussionService.At at, Map<Integer, Integer> counts) implements ReadingPageAddOn {
    @Override
    public void decorate(Map<String, Object> model, List<Map<String, Object>> paragraphs) {
      long a = at.place().assignmentId();
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Object> margin = new HashMap<>();
      margin.put("assignmentId", a);
      margin.put("threadId", at.thread().id());
      margin.put("className", at.place().className());
      margin.put("locked", at.thread().locked());
      margin.put("total", total);
      margin.put("moderator", at.viewer().moderator());
      model.put("margin", margin);
      addScript(model);
      for (Map<String, Object> p : paragraphs) {
        if (Boolean.TRUE.equals(p.get("heading"))) {
          continue;
        }
        int n = (Integer) p.get("n");
        int count = counts.getOrDefault(n, 0);
        p.put("murl", "/assignments/" + a + "/margin/" + n);
        p.put("mcount", count > 0 ? String.valueOf(count) : "");
        p.put("mlabel", count > 0 ? "第" + n + "段有 " + count + " 条批注，点开查看" : "批注第" + n + "段");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void addScript(Map<String, Object> model) {
    List<String> scripts = new ArrayList<>();
    if (model.get("scripts") instanceof List<?> existing) {
      scripts.addAll((List<String>) existing);
    }
    if (!scripts.contains(SCRIPT)) {
      scripts.add(SCRIPT);
    }
    model.put("scripts", scripts);
  }

  // ---- an assignment's threads ----

  private void showThreads(RoutingContext ctx) {
    User user = Auth.current(ctx);
    renderThreads(ctx, user, Requests.id(ctx, "id"), 200, null, null);
  }

  private void renderThreads(RoutingContext ctx, User user, long assignmentId, int status, String error,
                             MultiMap draft) {
    service.place(assignmentId, user).compose(place -> service.threads(place).map(threads -> {
      Reading reading = reading(place);
      Map<String, Object> model = Web.model(ctx, "讨论 · " + reading.pianLabel() + " " + reading.title());
      List<Map<String, Object>> prompts = new ArrayList<>();
      Map<String, Object> margin = null;
      for (DiscussionThread t : threads) {
        if (t.margin()) {
          margin = PostViews.threadModel(t);
        } else {
          prompts.add(PostViews.threadModel(t));
        }
      }
      model.put("place", placeModel(place, reading));
      model.put("threads", prompts);
      model.put("marginThread", margin);
      model.put("moderator", place.teacherId() == user.id());
      model.put("error", error);
      if (draft != null) {
        model.put("draftTitle", draft.get("title"));
        model.put("draftPrompt", draft.get("prompt"));
        model.put("draftPbs", draft.get("postBeforeSee") != null);
      }
      Web.html(ctx, status, "discussion/threads", model);
      return null;
    })).onFailure(ctx::fail);
  }

  private void addThread(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long assignmentId = Requests.id(ctx, "id");
    MultiMap form = ctx.request().formAttributes();
    service.addThread(assignmentId, user, form.get("title"), form.get("prompt"), form.get("postBeforeSee") != null)
      .onSuccess(t -> Web.redirect(ctx, "/threads/" + t.id()))
      .onFailure(e -> {
        if (isUserError(e)) {
          renderThreads(ctx, user, assignmentId, ((HttpError) e).status(), e.getMessage(), form);
        } else {
          ctx.fail(e);
        }
      });
  }

  // ---- one thread ----

  private void showThread(RoutingContext ctx) {
    renderThread(ctx, Auth.current(ctx), Requests.id(ctx, "id"), 200, null, null);
  }

  private void renderThread(RoutingContext ctx, User user, long threadId, int status, String error, MultiMap draft) {
    service.thread(threadId, user)
      .compose(at -> Future.all(service.posts(at), service.moderationLog(at)).map(all -> {
        DiscussionService.ThreadPosts tp = all.resultAt(0);
        List<DiscussionRepository.ModerationEntry> log = all.resultAt(1);
        DiscussionThread t = at.thread();
        Reading reading = reading(at.place());
        Map<String, Object> model = Web.model(ctx, t.title() + " · 讨论 · " + reading.pianLabel());
        String back = "/threads/" + t.id();
        PostViews.PageBits bits = new PostViews.PageBits(at.viewer(), t, csrf(ctx), back, service);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (Post p : tp.topLevel()) {
          Map<String, Object> m = PostViews.model(p, tp.replies().getOrDefault(p.id(), List.of()), bits);
          if (t.margin()) {
            m.put("marginUrl", "/assignments/" + t.assignmentId() + "/margin/" + p.paragraph());
          }
          posts.add(m);
        }
        model.put("place", placeModel(at.place(), reading));
        model.put("thread", PostViews.threadModel(t));
        model.put("threadId", t.id());
        model.put("posts", posts);
        model.put("postCount", tp.flat().size());
        model.put("waiting", tp.waiting());
        model.put("ownHiddenCount", tp.ownHidden().size());
        model.put("ownHidden", tp.ownHidden().stream().map(p -> Map.<String, Object>of(
          "createdText", PostViews.shown(p.createdAt()), "reason", p.hiddenReason() == null ? "" : p.hiddenReason()))
          .toList());
        model.put("moderator", at.viewer().moderator());
        model.put("canPost", !t.margin() && (!t.locked() || at.viewer().moderator()));
        model.put("back", back);
        model.put("log", log.stream().map(DiscussionPages::logModel).toList());
        model.put("maxBody", PostText.MAX_BODY);
        model.put("error", error);
        model.put("draft", draft == null || draft.get("parentId") != null ? "" : draft.get("body"));
        model.put("scripts", List.of(SCRIPT));
        Web.html(ctx, status, "discussion/thread", model);
        return null;
      }))
      .onFailure(ctx::fail);
  }

  private static Map<String, Object> logModel(DiscussionRepository.ModerationEntry e) {
    String action = switch (e.action()) {
      case "hide" -> "隐藏了一条发言";
      case "restore" -> "恢复了一条发言";
      case "pin" -> "置顶了一条发言";
      case "unpin" -> "取消了置顶";
      case "lock" -> "锁定了讨论";
      case "unlock" -> "解除了锁定";
      default -> "修改了设置";
    };
    Map<String, Object> m = new HashMap<>();
    m.put("at", PostViews.shown(e.at()));
    m.put("actor", e.actorName());
    m.put("action", action);
    m.put("postId", e.postId() == null ? "" : e.postId());
    m.put("reason", e.reason() == null ? "" : e.reason());
    return m;
  }

  private void createPost(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long threadId = Requests.id(ctx, "id");
    MultiMap form = ctx.request().formAttributes();
    Long parentId;
    try {
      parentId = Requests.formId(form.get("parentId"), "parentId");
    } catch (HttpError e) {
      ctx.fail(e);
      return;
    }
    service.create(threadId, user, form.get("body"), parentId, null, null)
      .onSuccess(p -> redirectBack(ctx, form, "/threads/" + threadId, p.id()))
      .onFailure(e -> {
        if (!isUserError(e)) {
          ctx.fail(e);
          return;
        }
        RetryLater.hint(ctx, e);
        String back = backTo(form, "");
        if (back.startsWith("/assignments/")) {
          // a reply from a paragraph's comments goes back there with the message
          renderMarginFromBack(ctx, user, back, (HttpError) e, form);
        } else {
          renderThread(ctx, user, threadId, ((HttpError) e).status(), e.getMessage(), form);
        }
      });
  }

  private void renderMarginFromBack(RoutingContext ctx, User user, String back, HttpError e, MultiMap form) {
    String[] parts = back.split("[/?#]");
    // /assignments/{a}/margin/{n}
    if (parts.length >= 5 && parts[3].equals("margin") && parts[2].matches("\\d{1,18}") && parts[4].matches("\\d{1,6}")) {
      renderMargin(ctx, user, Long.parseLong(parts[2]), Integer.parseInt(parts[4]), false, e.status(), e.getMessage(),
        null);
    } else {
      ctx.fail(e);
    }
  }

  private void lock(RoutingContext ctx, boolean locked) {
    long threadId = Requests.id(ctx, "id");
    service.setLocked(threadId, Auth.current(ctx), locked)
      .onSuccess(t -> Web.redirect(ctx, "/threads/" + threadId))
      .onFailure(ctx::fail);
  }

  private void settings(RoutingContext ctx) {
    long threadId = Requests.id(ctx, "id");
    MultiMap form = ctx.request().formAttributes();
    service.updateThread(threadId, Auth.current(ctx), null, null, form.get("postBeforeSee") != null)
      .onSuccess(t -> Web.redirect(ctx, "/threads/" + threadId))
      .onFailure(ctx::fail);
  }

  // ---- posts ----

  /** One post as its thread page draws it (with its replies), for the live page script. */
  private void postFragment(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long postId = Requests.id(ctx, "id");
    service.visiblePost(postId, user)
      .compose(pa -> service.posts(pa.at()).map(tp -> {
        Post top = pa.post().isReply()
          ? tp.topLevel().stream().filter(p -> p.id() == pa.post().parentId()).findFirst().orElse(null)
          : tp.topLevel().stream().filter(p -> p.id() == postId).findFirst().orElse(null);
        Post own = tp.flat().stream().filter(p -> p.id() == postId).findFirst().orElse(null);
        if (top == null || own == null) {
          throw HttpError.notFound("没有这条发言。");
        }
        String back = backTo(ctx.request().params(), "/threads/" + pa.at().thread().id());
        PostViews.PageBits bits = new PostViews.PageBits(pa.at().viewer(), pa.at().thread(), csrf(ctx), back, service);
        Map<String, Object> model = new HashMap<>();
        model.put("post", PostViews.model(top, tp.replies().getOrDefault(top.id(), List.of()), bits));
        Web.html(ctx, "discussion/post-fragment", model);
        return null;
      }))
      .onFailure(ctx::fail);
  }

  private void editPost(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    service.edit(Requests.id(ctx, "id"), Auth.current(ctx), form.get("body"))
      .onSuccess(p -> redirectBack(ctx, form, "/threads/" + p.threadId(), p.id()))
      .onFailure(ctx::fail);
  }

  private void deletePost(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    long postId = Requests.id(ctx, "id");
    service.visiblePost(postId, Auth.current(ctx))
      .compose(pa -> service.delete(postId, Auth.current(ctx)).map(pa.at().thread().id()))
      .onSuccess(threadId -> Web.redirect(ctx, backTo(form, "/threads/" + threadId)))
      .onFailure(ctx::fail);
  }

  private void hide(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    service.hide(Requests.id(ctx, "id"), Auth.current(ctx), form.get("reason"))
      .onSuccess(p -> redirectBack(ctx, form, "/threads/" + p.threadId(), p.id()))
      .onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    service.restore(Requests.id(ctx, "id"), Auth.current(ctx))
      .onSuccess(p -> redirectBack(ctx, form, "/threads/" + p.threadId(), p.id()))
      .onFailure(ctx::fail);
  }

  private void pin(RoutingContext ctx, boolean pinned) {
    MultiMap form = ctx.request().formAttributes();
    service.pin(Requests.id(ctx, "id"), Auth.current(ctx), pinned)
      .onSuccess(p -> redirectBack(ctx, form, "/threads/" + p.threadId(), p.id()))
      .onFailure(ctx::fail);
  }

  private void react(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    service.react(Requests.id(ctx, "id"), Auth.current(ctx))
      .onSuccess(p -> redirectBack(ctx, form, "/threads/" + p.threadId(), p.id()))
      .onFailure(ctx::fail);
  }

  // ---- one paragraph's comments ----

  private void showMargin(RoutingContext ctx, boolean panelOnly) {
    int n = paragraphParam(ctx);
    renderMargin(ctx, Auth.current(ctx), Requests.id(ctx, "id"), n, panelOnly, 200, null, null);
  }

  private void renderMargin(RoutingContext ctx, User user, long assignmentId, int n, boolean panelOnly, int status,
                            String error, MultiMap draft) {
    service.place(assignmentId, user)
      .compose(place -> service.marginThread(place).compose(t -> service.posts(new DiscussionService.At(t, place,
        place.viewer(user)))))
      .map(tp -> {
        Reading reading = reading(tp.at().place());
        Paragraph para = reading.paragraph(n).filter(p -> !p.heading())
          .orElseThrow(() -> HttpError.notFound("这篇文章没有可以批注的第 " + n + " 段。"));
        long a = tp.at().place().assignmentId();
        String readingUrl = "/readings/" + reading.id() + "?assignment=" + a + "#p" + n;
        // the panel lives on the reading page: its plain forms come back there with the panel open
        String back = panelOnly ? "/readings/" + reading.id() + "?assignment=" + a + "&open=" + n + "#p" + n
          : "/assignments/" + a + "/margin/" + n;
        PostViews.PageBits bits = new PostViews.PageBits(tp.at().viewer(), tp.at().thread(), csrf(ctx), back, service);
        List<Map<String, Object>> comments = new ArrayList<>();
        int count = 0;
        for (Post p : tp.topLevel()) {
          if (p.paragraph() != null && p.paragraph() == n) {
            List<Post> replies = tp.replies().getOrDefault(p.id(), List.of());
            comments.add(PostViews.model(p, replies, bits));
            // the margin counts replies too, as the reading page's count does
            count += (p.deleted() ? 0 : 1) + replies.size();
          }
        }
        Map<String, Object> panel = new HashMap<>();
        panel.put("n", n);
        panel.put("assignmentId", a);
        panel.put("threadId", tp.at().thread().id());
        panel.put("comments", comments);
        panel.put("count", count);
        panel.put("sentences", PostViews.sentences(para.text()));
        panel.put("canPost", !tp.at().thread().locked() || tp.at().viewer().moderator());
        panel.put("locked", tp.at().thread().locked());
        panel.put("csrf", csrf(ctx));
        panel.put("back", back);
        panel.put("readingUrl", readingUrl);
        panel.put("error", error == null ? "" : error);
        panel.put("draft", draft == null || draft.get("body") == null ? "" : draft.get("body"));
        panel.put("maxBody", PostText.MAX_BODY);
        Map<String, Object> model = Web.model(ctx, "第 " + n + " 段的批注 · " + reading.pianLabel() + " " + reading.title());
        model.put("panel", panel);
        if (panelOnly) {
          Web.html(ctx, status, "discussion/margin-fragment", model);
          return null;
        }
        model.put("place", placeModel(tp.at().place(), reading));
        model.put("paragraphText", para.text());
        model.put("n", n);
        model.put("prevN", neighbour(reading, n, -1));
        model.put("nextN", neighbour(reading, n, 1));
        model.put("scripts", List.of(SCRIPT));
        Web.html(ctx, status, "discussion/margin", model);
        return null;
      })
      .onFailure(ctx::fail);
  }

  /** The nearest paragraph (not a heading) before or after n, or "" at either end. */
  private static Object neighbour(Reading reading, int n, int step) {
    for (int i = n + step; i >= 1 && i <= reading.paragraphs().size(); i += step) {
      if (!reading.paragraphs().get(i - 1).heading()) {
        return i;
      }
    }
    return "";
  }

  private void commentOnParagraph(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long assignmentId = Requests.id(ctx, "id");
    int n = paragraphParam(ctx);
    MultiMap form = ctx.request().formAttributes();
    service.place(assignmentId, user)
      .compose(service::marginThread)
      .compose(t -> service.create(t.id(), user, form.get("body"), null, n, form.get("quote")))
      .onSuccess(p -> redirectBack(ctx, form, "/assignments/" + assignmentId + "/margin/" + n, p.id()))
      .onFailure(e -> {
        if (!isUserError(e)) {
          ctx.fail(e);
          return;
        }
        RetryLater.hint(ctx, e);
        renderMargin(ctx, user, assignmentId, n, false, ((HttpError) e).status(), e.getMessage(), form);
      });
  }

  private static int paragraphParam(RoutingContext ctx) {
    String raw = ctx.pathParam("n");
    if (raw == null || !raw.matches("\\d{1,6}")) {
      throw HttpError.notFound("没有这一段：" + raw);
    }
    return Integer.parseInt(raw);
  }

  // ---- participation ----

  private void showParticipation(RoutingContext ctx) {
    renderParticipation(ctx, Auth.current(ctx), Requests.id(ctx, "id"), 200, null);
  }

  private void renderParticipation(RoutingContext ctx, User user, long assignmentId, int status, String error) {
    service.taught(assignmentId, user)
      .compose(place -> Future.all(service.participation(assignmentId, user), service.rule(place)).map(all -> {
        List<DiscussionRepository.StudentParticipation> rows = all.resultAt(0);
        Optional<ParticipationRule> rule = all.resultAt(1);
        Reading reading = reading(place);
        Map<String, Object> model = Web.model(ctx, "讨论参与 · " + reading.pianLabel() + " " + reading.title());
        model.put("place", placeModel(place, reading));
        model.put("rows", rows.stream().map(r -> {
          Map<String, Object> m = new HashMap<>();
          m.put("name", r.displayName());
          m.put("posts", r.participation().posts());
          m.put("replies", r.participation().replies());
          m.put("comments", r.participation().comments());
          m.put("silent", r.participation().posts() + r.participation().replies() + r.participation().comments() == 0);
          m.put("score", r.participation().score() == null ? "" : Numbers.points(r.participation().score()));
          return m;
        }).toList());
        model.put("scored", rule.isPresent());
        model.put("rule", rule.map(r -> Map.of("perPost", Numbers.exact(r.perPost()), "perReply", Numbers.exact(r.perReply()),
          "perComment", Numbers.exact(r.perComment()), "cap", Numbers.exact(r.cap()))).orElse(null));
        model.put("error", error);
        Web.html(ctx, status, "discussion/participation", model);
        return null;
      }))
      .onFailure(ctx::fail);
  }

  private void setRule(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long assignmentId = Requests.id(ctx, "id");
    MultiMap form = ctx.request().formAttributes();
    Future<?> done;
    try {
      ParticipationRule rule = form.get("clear") != null ? null : ParticipationRule.of(
        Requests.formDecimal(form.get("perPost"), "每个发帖"), Requests.formDecimal(form.get("perReply"), "每个回复"),
        Requests.formDecimal(form.get("perComment"), "每条批注"), Requests.formDecimal(form.get("cap"), "上限"));
      done = service.setRule(assignmentId, user, rule);
    } catch (HttpError e) {
      done = Future.failedFuture(e);
    }
    done.onSuccess(x -> Web.redirect(ctx, "/assignments/" + assignmentId + "/participation"))
      .onFailure(e -> {
        if (isUserError(e)) {
          // the same checks as the page itself: outsiders still get 404, students 403
          service.taught(assignmentId, user)
            .onSuccess(p -> renderParticipation(ctx, user, assignmentId, 400, e.getMessage()))
            .onFailure(ctx::fail);
        } else {
          ctx.fail(e);
        }
      });
  }

  // ---- helpers ----

  private Reading reading(Place place) {
    return service.catalog().byId(place.readingId())
      .orElseThrow(() -> HttpError.notFound("这个作业的文章已不在书库里：" + place.readingId()));
  }

  private static Map<String, Object> placeModel(Place place, Reading reading) {
    Map<String, Object> m = new HashMap<>();
    m.put("assignmentId", place.assignmentId());
    m.put("className", place.className());
    m.put("pian", reading.pianLabel());
    m.put("readingTitle", reading.title());
    m.put("readingUrl", "/readings/" + reading.id() + "?assignment=" + place.assignmentId());
    return m;
  }

  private static String csrf(RoutingContext ctx) {
    Map<String, Object> page = ctx.get(com.jiangxin.web.PageContext.KEY);
    return page == null ? "" : String.valueOf(page.get("csrf"));
  }

  /** Mistakes a person can fix on the same page: bad input, a locked thread, too many posts. */
  private static boolean isUserError(Throwable e) {
    return e instanceof HttpError h && (h.status() == 400 || h.status() == 409 || h.status() == 429);
  }

  /** The form's {@code back} when it is a path on this site, else the default. */
  static String backTo(MultiMap form, String fallback) {
    String back = Requests.localPath(form.get("back"));
    return back == null ? fallback : back;
  }

  /** Post/redirect/get back where the form was, at the post (unless the page named its own anchor). */
  private static void redirectBack(RoutingContext ctx, MultiMap form, String fallback, long postId) {
    String back = backTo(form, fallback);
    Web.redirect(ctx, back.contains("#") ? back : back + "#post-" + postId);
  }
}
