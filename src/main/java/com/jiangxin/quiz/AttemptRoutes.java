package com.jiangxin.quiz;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.classroom.Assignment;
import com.jiangxin.classroom.AssignmentPanel;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Numbers;
import com.jiangxin.web.Requests;
import com.jiangxin.web.Times;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Taking quizzes: the attempt API, and the pages that work with and without JavaScript. */
public final class AttemptRoutes {

  private final AttemptService attempts;
  private final ReadingCatalog readings;

  private AttemptRoutes(AttemptService attempts, ReadingCatalog readings) {
    this.attempts = attempts;
    this.readings = readings;
  }

  /**
   * Mounts the attempt routes.
   *
   * @param readings the readings: who may practise one, and the attempt page's evidence links
   * @return taking the quiz, a panel of the assignment page
   */
  public static AssignmentPanel mount(Router router, AttemptService attempts, ReadingCatalog readings) {
    AttemptRoutes r = new AttemptRoutes(attempts, readings);
    router.post("/api/v1/assignments/:id/attempts").handler(r::startJson);
    router.post("/api/v1/readings/:id/practice").handler(r::practiceJson);
    router.put("/api/v1/attempts/:id/answers").handler(r::saveJson);
    router.post("/api/v1/attempts/:id/submit").handler(r::submitJson);
    router.get("/api/v1/attempts/:id").handler(r::attemptJson);
    router.post("/api/v1/assignments/:id/regrade").handler(r::regradeJson);

    router.post("/assignments/:id/attempts").handler(Auth::requirePageUser).handler(r::startPage);
    router.post("/assignments/:id/regrade").handler(Auth::requirePageUser).handler(r::regradePage);
    router.post("/readings/:id/practice").handler(Auth::requirePageUser).handler(r::practicePage);
    router.get("/attempts/:id").handler(Auth::requirePageUser).handler(r::showAttempt);
    router.post("/attempts/:id/save").handler(Auth::requirePageUser).handler(r::savePage);
    router.post("/attempts/:id/submit").handler(Auth::requirePageUser).handler(r::submitPage);
    return new AssignmentPanel() {
      @Override
      public String key() {
        return "quiz";
      }

      @Override
      public Future<Map<String, Object>> panel(RoutingContext ctx, Assignment a, User viewer) {
        return r.assignmentPanel(ctx, a, viewer);
      }
    };
  }

  // ---- JSON API ----

  private void startJson(RoutingContext ctx) {
    attempts.startForAssignment(Requests.id(ctx, "id"), Auth.current(ctx))
      .compose(s -> attempts.toJson(s.attempt(), false).map(j -> j.put("resumed", s.resumed())))
      .onSuccess(json -> Web.json(ctx, 201, json))
      .onFailure(ctx::fail);
  }

  private void practiceJson(RoutingContext ctx) {
    User user = Auth.current(ctx);
    practisable(ctx.pathParam("id"), user).compose(id -> attempts.startPractice(id, user))
      .compose(s -> attempts.reveal(s.attempt(), user)
        .compose(reveal -> attempts.toJson(s.attempt(), reveal)).map(j -> j.put("resumed", s.resumed())))
      .onSuccess(json -> Web.json(ctx, 201, json))
      .onFailure(ctx::fail);
  }

  private void saveJson(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    User user = Auth.current(ctx);
    attempts.saveAnswers(Requests.id(ctx, "id"), user, body)
      .compose(t -> attempts.toJson(t, false))
      .onSuccess(json -> Web.json(ctx, 200, json))
      .onFailure(ctx::fail);
  }

  private void submitJson(RoutingContext ctx) {
    JsonObject body = Requests.optionalJsonBody(ctx);
    Object answers = body == null ? null : body.getValue("answers");
    if (answers != null && !(answers instanceof JsonObject)) {
      Web.badRequest(ctx, "\"answers\" must be an object of questionId → answer");
      return;
    }
    attempts.submitToJson(Requests.id(ctx, "id"), Auth.current(ctx), (JsonObject) answers)
      .onSuccess(json -> Web.json(ctx, 200, json))
      .onFailure(ctx::fail);
  }

  private void attemptJson(RoutingContext ctx) {
    User user = Auth.current(ctx);
    attempts.readable(Requests.id(ctx, "id"), user)
      .compose(attempts::settled)
      .compose(t -> attempts.reveal(t, user).compose(reveal -> attempts.toJson(t, reveal)))
      .onSuccess(json -> Web.json(ctx, json))
      .onFailure(ctx::fail);
  }

  private void regradeJson(RoutingContext ctx) {
    attempts.regrade(Requests.id(ctx, "id"), Auth.current(ctx))
      .onSuccess(moved -> {
        JsonArray changed = new JsonArray();
        moved.forEach(m -> changed.add(new JsonObject().put("attemptId", m.attemptId()).put("userId", m.userId())
          .put("before", m.before()).put("after", m.after())));
        Web.json(ctx, new JsonObject().put("changed", changed));
      })
      .onFailure(ctx::fail);
  }

  // ---- pages ----

  /**
   * Adds the quiz panel of an assignment page (start, resume, past attempts) to the page context;
   * the classroom feature renders the page itself.
   */
  /**
   * Taking the quiz, on the assignment page: a student's attempts and the button to start or go
   * on; for the teacher, only that the page is theirs.
   */
  private Future<Map<String, Object>> assignmentPanel(RoutingContext ctx, Assignment a, User user) {
    if (!user.isStudent()) {
      return Future.succeededFuture(Map.of("teacher", true, "assignmentId", a.id()));
    }
    return attempts.attemptsOf(a.id(), user).map(list -> quizPanel(a, list));
  }

  private static Map<String, Object> quizPanel(Assignment a, List<Attempt> list) {
    long now = System.currentTimeMillis();
    Map<String, Object> panel = new java.util.HashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean inProgress = false;
    int n = 0;
    for (Attempt t : list) {
      n++;
      Map<String, Object> row = new java.util.HashMap<>();
      row.put("id", t.id());
      row.put("n", n);
      row.put("submitted", t.submitted());
      row.put("score", Numbers.points(t.score()));
      row.put("maxScore", Numbers.points(t.maxScore()));
      row.put("late", t.late());
      row.put("autoSubmitted", t.autoSubmitted());
      row.put("pending", t.pending());
      row.put("when", Times.brief(t.submitted() ? t.submittedAt() : t.startedAt()));
      rows.add(row);
      inProgress |= !t.submitted();
    }
    panel.put("attempts", rows);
    panel.put("assignmentId", a.id());
    int left = a.maxAttempts() - list.size();
    String blocked = null;
    if (a.closed()) {
      blocked = "作业已关闭。";
    } else if (a.opensAt() != null && now < a.opensAt()) {
      blocked = "作业还没开放。";
    } else if (a.dueAt() != null && now > a.dueAt() + AttemptService.GRACE_MS) {
      blocked = "已过截止时间。";
    } else if (!inProgress && left <= 0) {
      blocked = "作答次数已用完。";
    }
    panel.put("blocked", blocked);
    panel.put("canStart", blocked == null);
    panel.put("startLabel", inProgress ? "继续答题" : list.isEmpty() ? "开始答题" : "再答一次");
    panel.put("attemptsLeft", Math.max(0, left));
    return panel;
  }

  private void regradePage(RoutingContext ctx) {
    long id = Requests.id(ctx, "id");
    User user = Auth.current(ctx);
    attempts.regrade(id, user)
      .compose(moved -> attempts.studentNames(id).map(names -> {
        Map<String, Object> model = Web.model(ctx, "重新评分 · 匠心课堂");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AttemptService.Moved m : moved) {
          rows.add(Map.of("name", names.getOrDefault(m.userId(), "#" + m.userId()), "attemptId", m.attemptId(),
            "before", Numbers.points(m.before()), "after", Numbers.points(m.after()), "up", m.after() > m.before()));
        }
        model.put("moved", rows);
        model.put("assignmentId", id);
        Web.html(ctx, "quiz/regraded", model);
        return null;
      }))
      .onFailure(ctx::fail);
  }

  private void startPage(RoutingContext ctx) {
    attempts.startForAssignment(Requests.id(ctx, "id"), Auth.current(ctx))
      .onSuccess(s -> Web.redirect(ctx, "/attempts/" + s.attempt().id()))
      .onFailure(ctx::fail);
  }

  /** The reading's id if the user may see it ({@link ReadingCatalog#visibleTo}); 404 otherwise. */
  private Future<String> practisable(String readingId, User user) {
    return readings.visibleTo(readingId, user.reader()).map(found -> found.map(Reading::id)
      .orElseThrow(() -> HttpError.notFound("没有这篇文章：" + readingId + "。")));
  }

  private void practicePage(RoutingContext ctx) {
    User user = Auth.current(ctx);
    practisable(ctx.pathParam("id"), user).compose(id -> attempts.startPractice(id, user))
      .onSuccess(s -> Web.redirect(ctx, "/attempts/" + s.attempt().id()))
      .onFailure(ctx::fail);
  }

  private void showAttempt(RoutingContext ctx) {
    User user = Auth.current(ctx);
    attempts.readable(Requests.id(ctx, "id"), user)
      .compose(attempts::settled)
      .compose(t -> readings.refresh(t.readingId()).map(t))
      .compose(t -> attempts.reveal(t, user).compose(reveal -> attempts.toJson(t, reveal))
        .compose(json -> (t.userId() == user.id() ? Future.succeededFuture("") : attempts.displayName(t.userId()))
          .map(name -> render(ctx, user, t, json, name))))
      .onFailure(ctx::fail);
  }

  private Void render(RoutingContext ctx, User user, Attempt t, JsonObject json, String studentName) {
    Reading reading = readings.byId(t.readingId()).orElseThrow();
    Map<String, Object> model = Web.model(ctx, (t.userId() == user.id() ? "" : studentName + " · ")
      + (t.submitted() ? "结果 · " : "答题 · ") + reading.pianLabel() + " " + reading.title());
    List<Map<String, Object>> questions = AttemptPage.questions(json.getJsonArray("questions"), t.answers());
    long answered = questions.stream().filter(q -> Boolean.TRUE.equals(q.get("answered"))).count();
    model.put("attempt", json);
    model.put("attemptId", t.id());
    model.put("reading", reading);
    model.put("pian", reading.pianLabel());
    model.put("total", questions.size());
    model.put("answered", answered);
    model.put("progress", questions.isEmpty() ? 0 : Math.round(100.0 * answered / questions.size()));
    model.put("savedAt", t.savedAt() == null ? null : Times.brief(t.savedAt()));
    model.put("deadline", t.deadline() == null ? null
      : Times.brief(t.deadline() - AttemptService.GRACE_MS));
    model.put("own", t.userId() == user.id());
    model.put("studentName", studentName);
    model.put("practice", t.practice());
    model.put("backUrl", t.practice() ? "/readings/" + t.readingId() : "/assignments/" + t.assignmentId());
    model.put("feedbackNote", json.getString("feedbackNote"));
    if (t.userId() != user.id()) {
      // only the class's teacher reads someone else's attempt: they see its history
      model.put("timeline", Timeline.lines(json.getJsonArray("steps"), attempts.quizOf(t)));
    }
    if (t.submitted()) {
      model.put("score", Numbers.points(json.getDouble("score")));
      model.put("scoreHidden", json.getValue("score") == null);
      model.put("autoSubmitted", t.autoSubmitted());
      model.put("maxScore", Numbers.points(t.maxScore()));
      model.put("pendingCount", t.pending());
      model.put("late", t.late());
      model.put("feedback", json.getBoolean("feedbackAvailable"));
      model.put("submittedAt", Times.brief(t.submittedAt()));
      model.put("questions", questions);
      Web.html(ctx, "quiz/review", model);
      return null;
    }
    boolean one = "1".equals(ctx.request().getParam("one"));
    model.put("confirmOpen", "1".equals(ctx.request().getParam("confirm")));
    if ("1".equals(ctx.request().getParam("saved"))) {
      model.put("flash", "已保存。");
    }
    int current = Math.max(1, Math.min(questions.size(), Requests.wholeOr(ctx.request().getParam("q"), 1, 1)));
    List<Map<String, Object>> blanks = new ArrayList<>();
    for (Map<String, Object> q : questions) {
      if (!Boolean.TRUE.equals(q.get("answered"))) {
        blanks.add(Map.of("number", q.get("number"), "href", one
          ? "/attempts/" + t.id() + "?one=1&q=" + q.get("number") : "#question-" + q.get("id")));
      }
    }
    model.put("blanks", blanks);
    model.put("keepGoingUrl", "/attempts/" + t.id() + (one ? "?one=1&q=" + current : ""));
    if (one) {
      Map<String, Object> q = questions.get(current - 1);
      model.put("questions", List.of(q));
      model.put("one", true);
      model.put("current", current);
      model.put("prev", current > 1 ? current - 1 : null);
      model.put("next", current < questions.size() ? current + 1 : null);
      List<Map<String, Object>> dots = new ArrayList<>();
      for (Map<String, Object> each : questions) {
        dots.add(Map.of("n", each.get("number"), "answered", each.get("answered"),
          "current", each.get("number").equals(current)));
      }
      model.put("dots", dots);
    } else {
      model.put("questions", questions);
    }
    model.put("scripts", List.of("/static/js/attempt.js"));
    model.put("shown", String.join(",", questions(one ? List.of(questions.get(current - 1)) : questions)));
    Web.html(ctx, "quiz/take", model);
    return null;
  }

  private static List<String> questions(List<Map<String, Object>> qs) {
    return qs.stream().map(q -> (String) q.get("id")).toList();
  }

  /** Saves the answers of the questions shown on the form; only those, so one-per-screen keeps the rest. */
  private void savePage(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long id = Requests.id(ctx, "id");
    MultiMap form = ctx.request().formAttributes();
    attempts.readable(id, user)
      .compose(t -> attempts.saveAnswers(id, user, formAnswers(t, form)))
      .onSuccess(t -> {
        if (wantsJson(ctx)) {
          Web.json(ctx, new JsonObject().put("savedAt", t.savedAt())
            .put("savedAtText", Times.brief(t.savedAt()))
            .put("answered", t.answers().size()));
          return;
        }
        String go = form.get("go");
        String q = form.get("q");
        boolean one = q != null && q.matches("\\d{1,3}");
        if ("submit".equals(go)) {
          Web.redirect(ctx, "/attempts/" + id + "?confirm=1" + (one ? "&one=1&q=" + q : "") + "#confirm");
        } else if (go != null && go.matches("\\d{1,3}")) {
          Web.redirect(ctx, "/attempts/" + id + "?one=1&q=" + go);
        } else {
          Web.redirect(ctx, "/attempts/" + id + "?saved=1" + (one ? "&one=1&q=" + q : ""));
        }
      })
      .onFailure(ctx::fail);
  }

  private void submitPage(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long id = Requests.id(ctx, "id");
    MultiMap form = ctx.request().formAttributes();
    attempts.readable(id, user)
      .compose(t -> {
        JsonObject answers = t.submitted() || form.get("shown") == null ? null : formAnswers(t, form);
        return attempts.submit(id, user, answers);
      })
      .onSuccess(t -> Web.redirect(ctx, "/attempts/" + id))
      .onFailure(ctx::fail);
  }

  /** The answers of the questions listed in the form's {@code shown} field; blank ones clear. */
  private JsonObject formAnswers(Attempt t, MultiMap form) {
    Quiz quiz = attempts.quizOf(t);
    String shown = form.get("shown");
    JsonObject answers = new JsonObject();
    if (shown == null || shown.isBlank()) {
      return answers;
    }
    for (String qid : shown.split(",")) {
      quiz.question(qid.trim()).ifPresent(q -> answers.put(q.id(), q.fromForm(form::getAll)));
    }
    return answers;
  }

  private static boolean wantsJson(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("application/json");
  }
}
