package com.jiangxin.quiz;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.web.Web;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reading's quiz as JSON (the student view, or with keys for a teacher) and the teacher's
 * printable answer key page.
 */
public final class QuizRoutes {
  private final QuizBank bank;
  private final Map<String, Reading> readings = new LinkedHashMap<>();

  private QuizRoutes(QuizBank bank, List<Reading> readings) {
    this.bank = bank;
    readings.forEach(r -> this.readings.put(r.id(), r));
  }

  public static void mount(Router router, QuizBank bank, List<Reading> readings) {
    QuizRoutes r = new QuizRoutes(bank, readings);
    router.get("/api/v1/readings/:id/quiz").handler(r::quizJson);
    router.get("/readings/:id/quiz").handler(Auth::requirePageUser).handler(r::showKey);
  }

  /** Any signed-in caller gets the student view; a teacher also gets keys, evidence and explanations. */
  private void quizJson(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<Quiz> quiz = readings.containsKey(id) ? bank.forReading(id) : Optional.empty();
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
    Web.html(ctx, "quiz/key", model);
  }
}
