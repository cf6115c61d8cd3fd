package com.jiangxin.results;

import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.results.Records.AssignmentRef;
import com.jiangxin.results.Records.Kept;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Web;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The results part of the JSON API (see {@code openapi.yaml}). */
final class ResultsApi {
  private final ResultsService results;

  private ResultsApi(ResultsService results) {
    this.results = results;
  }

  static void mount(Router router, ResultsService results) {
    ResultsApi api = new ResultsApi(results);
    router.get("/api/v1/classes/:id/gradebook").handler(api::gradebook);
    router.get("/api/v1/classes/:id/gradebook.csv").handler(api::gradebookCsv);
    router.get("/api/v1/assignments/:id/report").handler(api::report);
    router.get("/api/v1/assignments/:id/answers.csv").handler(api::answersCsv);
    router.get("/api/v1/assignments/:id/grading").handler(api::grading);
    router.post("/api/v1/attempts/:id/grades").handler(api::grade);
    router.get("/api/v1/results").handler(api::own);
  }

  private void gradebook(RoutingContext ctx) {
    String sort = ctx.request().getParam("sort");
    String dir = ctx.request().getParam("dir");
    results.gradebook(Requests.id(ctx, "id"), Auth.current(ctx))
      .onComplete(Requests.handle(ctx, gb -> Web.json(ctx, gb.toJson(Gradebook.Sort.parse(sort, dir, gb.columns()))))
      );
  }

  private void gradebookCsv(RoutingContext ctx) {
    results.gradebookCsv(Requests.id(ctx, "id"), Auth.current(ctx))
      .onComplete(Requests.handle(ctx, csv -> CsvExport.send(ctx, "gradebook-" + ctx.pathParam("id") + ".csv", csv))
      );
  }

  private void report(RoutingContext ctx) {
    results.report(Requests.id(ctx, "id"), Auth.current(ctx))
      .onComplete(Requests.handle(ctx, r -> Web.json(ctx, r.toJson()))
      );
  }

  private void answersCsv(RoutingContext ctx) {
    results.answersCsv(Requests.id(ctx, "id"), Auth.current(ctx))
      .onComplete(Requests.handle(ctx, csv -> CsvExport.send(ctx, "answers-" + ctx.pathParam("id") + ".csv", csv))
      );
  }

  private void grading(RoutingContext ctx) {
    int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
    int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    results.queue(Requests.id(ctx, "id"), Auth.current(ctx), limit, offset).onComplete(Requests.handle(ctx, q -> {
      JsonArray items = new JsonArray();
      for (ResultsService.PendingAnswer p : q.answers()) {
        items.add(new JsonObject().put("attemptId", p.attemptId()).put("questionId", p.question().id())
          .put("number", p.number()).put("studentId", p.userId()).put("username", p.username())
          .put("displayName", p.displayName()).put("submittedAt", p.submittedAt())
          .put("prompt", p.question().prompt()).put("rubric", p.question().teacherView().getString("rubric"))
          .put("modelAnswer", p.question().teacherView().getString("answer")).put("answer", p.answer())
          .put("maxPoints", p.maxPoints()).put("attemptScore", p.attemptScore()).put("attemptMaxScore", p.attemptMax()));
      }
      Web.json(ctx, new JsonObject().put("assignmentId", q.assignment().id()).put("pending", q.pending())
        .put("offset", offset).put("items", items));
    }));
  }

  private void grade(RoutingContext ctx) {
    JsonObject body = Requests.jsonBody(ctx);
    Object points = body.getValue("points");
    Object comment = body.getValue("comment");
    Object questionId = body.getValue("questionId");
    if (points != null && !(points instanceof Number)) {
      throw HttpError.badRequest("points 须为数字。");
    }
    if ((comment != null && !(comment instanceof String)) || (questionId != null && !(questionId instanceof String))) {
      throw HttpError.badRequest("questionId 和 comment 须为文字。");
    }
    results.grade(Requests.id(ctx, "id"), (String) questionId, points == null ? null : ((Number) points).doubleValue(),
        (String) comment, Auth.current(ctx))
      .onComplete(Requests.handle(ctx, t -> Web.json(ctx, new JsonObject().put("attemptId", t.attemptId()).put("questionId", questionId)
        .put("score", t.score()).put("maxScore", t.maxScore()).put("pending", t.pending())))
      );
  }

  private void own(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isStudent()) {
      throw HttpError.forbidden("这是学生查看自己成绩的接口；老师请看班级成绩册。");
    }
    results.own(user).onComplete(Requests.handle(ctx, own -> {
      JsonArray list = new JsonArray();
      for (AssignmentRef a : own.assignments()) {
        Kept k = own.kept().get(a.id());
        list.add(new JsonObject().put("assignmentId", a.id()).put("classId", a.classId()).put("className", a.className())
          .put("readingId", a.readingId()).put("dueAt", a.dueAt())
          .put("score", k == null ? null : k.score()).put("maxScore", k == null ? null : k.maxScore())
          .put("attempts", k == null ? 0 : k.attempts()).put("late", k != null && k.late())
          .put("autoSubmitted", k != null && k.autoSubmitted())
          .put("pending", k == null ? 0 : k.pending()).put("attemptId", k == null ? null : k.attemptId()));
      }
      Web.json(ctx, new JsonObject().put("results", list));
    }));
  }
}
