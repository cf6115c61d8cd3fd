package com.jiangxin.quiz;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reading's quiz as JSON (the student view, or with keys for a teacher) and the teacher's
 * printable answer key page, with what the quiz linter found in that quiz.
 */
public final class QuizRoutes {
  private final QuizBank bank;
  private final Map<String, Reading> readings = new LinkedHashMap<>();
  private final Future<KeyFinding.Source> lint;

  private QuizRoutes(QuizBank bank, List<Reading> readings, Future<KeyFinding.Source> lint) {
    this.bank = bank;
    this.lint = lint;
    readings.forEach(r -> this.readings.put(r.id(), r));
  }

  /**
   * Mounts the quiz API and the answer key page.
   *
   * @param lint what the quiz linter finds in the bank, shown to teachers on the answer key page
   *             (the page waits for it; if linting failed, the page shows no findings)
   */
  public static void mount(Router router, QuizBank bank, List<Reading> readings, Future<KeyFinding.Source> lint) {
    QuizRoutes r = new QuizRoutes(bank, readings, lint);
    router.get("/api/v1/readings/:id/quiz").handler(r::quizJson);
    router.get("/readings/:id/quiz").handler(Auth::requirePageUser).handler(r::showKey);
  }

  /** Any signed-in caller gets the student view; a teacher also gets keys, evidence and explanations. */
  private void quizJson(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    // a teacher's own reading is not among the built-in ones; who may see it was checked before this route
    Optional<Quiz> quiz = readings.containsKey(id) || id.startsWith("own-") ? bank.forReading(id) : Optional.empty();
    if (quiz.isEmpty()) {
      Web.notFound(ctx, "no quiz for reading '" + id + "'");
      return;
    }
    Quiz q = quiz.get();
    JsonObject view = Auth.current(ctx).isTeacher() ? q.teacherView() : q.studentView();
    Web.json(ctx, new JsonObject().put("id", q.readingId()).put("readingId", q.readingId()).mergeIn(view));
  }

  private void showKey(RoutingContext ctx) {
    User user = Auth.current(ctx);
    String id = ctx.pathParam("id");
    Reading reading = readings.get(id);
    if (reading == null) {
      Web.notFound(ctx, "没有这篇文章：" + id + "。请从首页选择一篇。");
      return;
    }
    if (!user.isTeacher()) {
      Web.error(ctx, 403, "答案页只对教师开放。学生可以在文章页点“练习（不计分）”做题。");
      return;
    }
    Quiz quiz = bank.forReading(id).orElse(null);
    if (quiz == null) {
      Web.notFound(ctx, reading.pianLabel() + "还没有题目。");
      return;
    }
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Question q : quiz.questions()) {
      questions.add(KeyView.of(id, questions.size() + 1, q));
    }
    Map<String, Object> model = Web.model(ctx, reading.pianLabel() + " 答案 · " + reading.title() + " · 匠心课堂");
    model.put("reading", reading);
    model.put("pian", reading.pianLabel());
    model.put("quiz", quiz);
    model.put("totalPoints", Answers.jsonNumber(quiz.totalPoints()));
    model.put("questions", questions);
    model.put("bodyClass", "key-page");
    lint.otherwiseEmpty().onComplete(ar -> {
      List<KeyFinding> found = ar.result() == null ? List.of() : ar.result().forReading(id);
      model.put("findings", findings(found));
      model.put("lintErrors", found.stream().filter(KeyFinding::error).count());
      model.put("lintWarnings", found.stream().filter(f -> !f.error()).count());
      Web.html(ctx, "quiz/key", model);
    });
  }

  private static List<Map<String, Object>> findings(List<KeyFinding> found) {
    List<Map<String, Object>> findings = new ArrayList<>();
    for (KeyFinding f : found) {
      Map<String, Object> m = new HashMap<>();
      m.put("error", f.error());
      m.put("severity", f.error() ? "错误" : "提醒");
      m.put("title", f.title());
      m.put("rule", f.rule());
      m.put("line", f.line());
      m.put("questionId", f.questionId());
      m.put("message", f.message());
      findings.add(m);
    }
    return findings;
  }
}
