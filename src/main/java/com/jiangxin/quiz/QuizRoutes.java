package com.jiangxin.quiz;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.Requests;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reading's quiz as JSON (the student view, or with keys for a teacher) and the teacher's
 * printable answer key page, with what the quiz linter found in that quiz.
 */
public final class QuizRoutes {
  private final QuizBank bank;
  private final ReadingCatalog catalog;
  private final Future<KeyFinding.Source> lint;

  private QuizRoutes(QuizBank bank, ReadingCatalog catalog, Future<KeyFinding.Source> lint) {
    this.bank = bank;
    this.catalog = catalog;
    this.lint = lint;
  }

  /**
   * Mounts the quiz API and the answer key page.
   *
   * @param lint what the quiz linter finds in the bank, shown to teachers on the answer key page
   *             (the page waits for it; if linting failed, the page shows no findings)
   */
  public static void mount(Router router, QuizBank bank, ReadingCatalog catalog, Future<KeyFinding.Source> lint) {
    QuizRoutes r = new QuizRoutes(bank, catalog, lint);
    router.get("/api/v1/readings/:id/quiz").handler(r::quizJson);
    router.get("/readings/:id/quiz").handler(Auth::requirePageUser).handler(r::showKey);
  }

  /**
   * Any caller who may see the reading ({@link ReadingCatalog#visibleTo}) gets the student view; a
   * teacher (who may see it) also gets keys, evidence and explanations.
   */
  private void quizJson(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    User user = Auth.current(ctx);
    catalog.visibleTo(id, user.reader()).onSuccess(Requests.safely(ctx, found -> {
      Optional<Quiz> quiz = found.flatMap(r -> bank.forReading(r.id()));
      if (quiz.isEmpty()) {
        Web.notFound(ctx, "no quiz for reading '" + id + "'");
        return;
      }
      Quiz q = quiz.get();
      JsonObject view = user.isTeacher() ? q.teacherView() : q.studentView();
      Web.json(ctx, new JsonObject().put("id", q.readingId()).put("readingId", q.readingId()).mergeIn(view));
    })).onFailure(ctx::fail);
  }

  /**
   * The printable answer key, for a teacher who may see the reading (any built-in one, their own);
   * never for a student: what a student may see of the key comes with an attempt, as its feedback
   * policy allows.
   */
  private void showKey(RoutingContext ctx) {
    User user = Auth.current(ctx);
    String id = ctx.pathParam("id");
    catalog.visibleTo(id, user.reader()).onSuccess(Requests.safely(ctx, found -> {
      if (found.isEmpty()) {
        Web.notFound(ctx, "没有这篇文章：" + id + "。请从首页选择一篇。");
      } else {
        showKey(ctx, user, found.get());
      }
    })).onFailure(ctx::fail);
  }

  private void showKey(RoutingContext ctx, User user, Reading reading) {
    String id = reading.id();
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
