package com.jiangxin.results;

import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.AttemptService;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.results.Records.AssignmentRef;
import com.jiangxin.results.Records.Kept;
import com.jiangxin.web.HttpError;
import com.jiangxin.discussion.Participation;
import com.jiangxin.live.LiveResults;
import com.jiangxin.web.Numbers;
import com.jiangxin.web.Times;
import com.jiangxin.web.Web;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results pages: every one works without JavaScript; forms post and redirect. */
final class ResultsPages {
  private final ResultsService results;

  private ResultsPages(ResultsService results) {
    this.results = results;
  }

  static void mount(Router router, ResultsService results) {
    ResultsPages p = new ResultsPages(results);
    router.get("/classes/:id/gradebook").handler(Auth::requirePageUser).handler(p::gradebook);
    router.get("/classes/:id/gradebook.csv").handler(Auth::requirePageUser).handler(p::gradebookCsv);
    router.get("/classes/:id/students/:studentId/results").handler(Auth::requirePageUser).handler(p::student);
    router.get("/assignments/:id/report").handler(Auth::requirePageUser).handler(p::report);
    router.get("/assignments/:id/answers.csv").handler(Auth::requirePageUser).handler(p::answersCsv);
    router.get("/assignments/:id/grading").handler(Auth::requirePageUser).handler(p::grading);
    router.post("/attempts/:id/grades").handler(Auth::requirePageUser).handler(p::grade);
    router.get("/results").handler(Auth::requirePageUser).handler(p::own);
  }

  // ---- gradebook ----

  private void gradebook(RoutingContext ctx) {
    String sortParam = ctx.request().getParam("sort");
    String dirParam = ctx.request().getParam("dir");
    results.gradebook(Requests.id(ctx, "id"), Auth.current(ctx)).onComplete(Requests.handle(ctx, gb -> {
      Gradebook.Sort sort = Gradebook.Sort.parse(sortParam, dirParam, gb.columns());
      Map<String, Object> model = Web.model(ctx, "成绩册 · " + gb.cls().name());
      String base = "/classes/" + gb.cls().id() + "/gradebook";
      model.put("cls", Map.of("id", gb.cls().id(), "name", gb.cls().name()));
      model.put("sortName", sortLink(base, "name", sort, "姓名"));
      model.put("sortTotal", sortLink(base, "total", sort, "总分"));
      model.put("totalMax", Numbers.points(gb.totalMax()));
      List<Map<String, Object>> cols = new ArrayList<>();
      for (Gradebook.Column c : gb.columns()) {
        Map<String, Object> m = sortLink(base, Long.toString(c.id()), sort, c.pian());
        m.put("id", c.id());
        m.put("pian", c.pian());
        m.put("title", c.title());
        m.put("max", Numbers.points(c.maxScore()));
        m.put("mean", Numbers.points(Format.round2(gb.mean(c.id()))));
        m.put("submitted", gb.submitted(c.id()));
        m.put("closed", c.assignment().closed());
        cols.add(m);
      }
      model.put("columns", cols);
      List<Map<String, Object>> liveCols = new ArrayList<>();
      for (LiveResults.Session session : gb.live()) {
        String pian = results.catalog().byId(session.readingId()).map(Reading::pianLabel).orElse(session.readingId());
        liveCols.add(Map.of("label", "互动 " + pian, "date", Times.date(session.startedAt()),
          "questions", session.shown()));
      }
      model.put("liveColumns", liveCols);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Gradebook.Line l : gb.sorted(sort)) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", l.student().displayName());
        row.put("username", l.student().username());
        row.put("url", "/classes/" + gb.cls().id() + "/students/" + l.student().id() + "/results");
        row.put("total", Numbers.points(l.total()));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Gradebook.Column c : gb.columns()) {
          Map<String, Object> cell = cell(l.results().get(c.id()), c);
          Participation talk = gb.participation(l.student().id(), c.id());
          long said = talk.posts() + talk.replies() + talk.comments();
          if (said > 0) {
            cell.put("talk", said);
            cell.put("talkTitle", "讨论：发帖 " + talk.posts() + "，回复 " + talk.replies() + "，批注 " + talk.comments()
              + (talk.score() == null ? "" : "，参与分 " + Numbers.points(talk.score())));
          }
          cells.add(cell);
        }
        row.put("cells", cells);
        List<Map<String, Object>> liveCells = new ArrayList<>();
        for (LiveResults.Session session : gb.live()) {
          LiveResults.Score sc = session.students().get(l.student().id());
          liveCells.add(sc == null ? Map.of("missing", true)
            : Map.of("correct", sc.correct(), "questions", session.shown()));
        }
        row.put("liveCells", liveCells);
        rows.add(row);
      }
      model.put("rows", rows);
      model.put("hasRows", !rows.isEmpty());
      model.put("hasColumns", !cols.isEmpty());
      model.put("studentCount", rows.size());
      model.put("csvUrl", base + ".csv");
      model.put("bodyClass", "wide");
      Web.html(ctx, "results/gradebook", model);
    }));
  }

  private static Map<String, Object> cell(Kept k, Gradebook.Column c) {
    Map<String, Object> m = new HashMap<>();
    m.put("max", Numbers.points(c.maxScore()));
    if (k == null) {
      m.put("missing", true);
      return m;
    }
    m.put("score", Numbers.points(k.score()));
    m.put("url", "/attempts/" + k.attemptId());
    m.put("attempts", k.attempts());
    m.put("several", k.attempts() > 1);
    m.put("late", k.late());
    m.put("autoSubmitted", k.autoSubmitted());
    m.put("pending", k.pending());
    m.put("low", k.score() != null && c.maxScore() > 0 && k.score() / c.maxScore() < 0.6);
    return m;
  }

  /** A column heading's sort link: the active column toggles its direction. */
  private static Map<String, Object> sortLink(String base, String key, Gradebook.Sort sort, String label) {
    boolean active = sort.key().equals(key);
    boolean nextDesc = active ? !sort.descending() : !key.equals("name");
    Map<String, Object> m = new HashMap<>();
    m.put("url", base + "?sort=" + key + "&dir=" + (nextDesc ? "desc" : "asc"));
    m.put("active", active);
    m.put("ariaSort", active ? (sort.descending() ? "descending" : "ascending") : "none");
    m.put("arrow", active ? (sort.descending() ? "↓" : "↑") : "");
    m.put("label", label);
    return m;
  }

  private void gradebookCsv(RoutingContext ctx) {
    results.gradebookCsv(Requests.id(ctx, "id"), Auth.current(ctx))
      .onComplete(Requests.handle(ctx, csv -> CsvExport.send(ctx, "gradebook-" + ctx.pathParam("id") + ".csv", csv))
      );
  }

  // ---- one student, for the teacher ----

  private void student(RoutingContext ctx) {
    long studentId = Requests.id(ctx, "studentId");
    results.studentAttempts(Requests.id(ctx, "id"), studentId, Auth.current(ctx)).onComplete(Requests.handle(ctx, sa -> {
      Map<String, Object> model = Web.model(ctx, sa.student().displayName() + " · " + sa.cls().name());
      model.put("cls", Map.of("id", sa.cls().id(), "name", sa.cls().name()));
      model.put("student", sa.student());
      Map<Long, List<Map<String, Object>>> attemptsByAssignment = new LinkedHashMap<>();
      Map<Long, Integer> numbers = new HashMap<>();
      for (Row t : sa.attempts()) {
        long aid = t.getLong("ASSIGNMENT_ID");
        int n = numbers.merge(aid, 1, Integer::sum);
        Map<String, Object> a = new HashMap<>();
        a.put("id", t.getLong("ID"));
        a.put("number", n);
        a.put("submitted", "submitted".equals(t.getString("STATUS")));
        a.put("submittedAt", Format.time(t.getLong("SUBMITTED_AT")));
        a.put("startedAt", Format.time(t.getLong("STARTED_AT")));
        a.put("score", Numbers.points(nullableDouble(t, "SCORE")));
        a.put("max", Numbers.points(nullableDouble(t, "MAX_SCORE")));
        a.put("late", Boolean.TRUE.equals(t.getBoolean("LATE")));
        a.put("autoSubmitted", Boolean.TRUE.equals(t.getBoolean("AUTO_SUBMITTED")));
        a.put("pending", t.getInteger("PENDING"));
        a.put("answers", answers(results.bank().forReading(t.getString("READING_ID")).orElse(null),
          sa.responses().getOrDefault(t.getLong("ID"), List.of())));
        attemptsByAssignment.computeIfAbsent(aid, x -> new ArrayList<>()).add(a);
      }
      List<Map<String, Object>> sections = new ArrayList<>();
      for (AssignmentRef a : sa.assignments()) {
        Map<String, Object> s = new HashMap<>();
        Reading r = results.catalog().byId(a.readingId()).orElse(null);
        s.put("id", a.id());
        s.put("pian", r == null ? a.readingId() : r.pianLabel());
        s.put("title", r == null ? "" : r.title());
        s.put("keepLabel", a.keepsLatest() ? "计最后一次" : "计最高分");
        List<Map<String, Object>> list = attemptsByAssignment.getOrDefault(a.id(), List.of());
        s.put("attempts", list);
        s.put("none", list.isEmpty());
        sections.add(s);
      }
      model.put("sections", sections);
      model.put("backUrl", "/classes/" + sa.cls().id() + "/gradebook");
      Web.html(ctx, "results/student", model);
    }));
  }

  private static Double nullableDouble(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static List<Map<String, Object>> answers(Quiz quiz, List<Row> responses) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (quiz == null) {
      return out;
    }
    Map<String, Row> byQ = new HashMap<>();
    responses.forEach(r -> byQ.put(r.getString("QUESTION_ID"), r));
    int n = 0;
    for (Question q : quiz.questions()) {
      n++;
      Row r = byQ.get(q.id());
      if (r == null) {
        continue;
      }
      double points = r.getDouble("POINTS");
      double max = r.getDouble("MAX_POINTS");
      boolean pending = Boolean.TRUE.equals(r.getBoolean("PENDING"));
      Map<String, Object> m = new HashMap<>();
      m.put("number", n);
      m.put("prompt", AnswerCounts.shorten(q.prompt(), 48));
      m.put("answer", AnswerCounts.describe(q, r.getString("ANSWER")));
      m.put("points", Numbers.points(points));
      m.put("max", Numbers.points(max));
      m.put("pending", pending);
      m.put("right", !pending && points >= max - 1e-9);
      m.put("partial", !pending && points > 0 && points < max - 1e-9);
      m.put("comment", r.getString("COMMENT"));
      out.add(m);
    }
    return out;
  }

  // ---- report ----

  private void report(RoutingContext ctx) {
    results.report(Requests.id(ctx, "id"), Auth.current(ctx)).onComplete(Requests.handle(ctx, r -> {
      boolean projector = "projector".equals(ctx.request().getParam("view"));
      Map<String, Object> model = Web.model(ctx, (projector ? "投影 · " : "报告 · ") + r.quiz.title());
      ReportView.fill(model, r, projector);
      model.put("bodyClass", projector ? "wide report-projector" : "wide");
      Web.html(ctx, "results/report", model);
    }));
  }

  private void answersCsv(RoutingContext ctx) {
    results.answersCsv(Requests.id(ctx, "id"), Auth.current(ctx))
      .onComplete(Requests.handle(ctx, csv -> CsvExport.send(ctx, "answers-" + ctx.pathParam("id") + ".csv", csv))
      );
  }

  // ---- grading ----

  private void grading(RoutingContext ctx) {
    showGrading(ctx, Requests.id(ctx, "id"), Requests.intParam(ctx, "skip", 0, 0, 100_000), 200, null, null, null);
  }

  private void showGrading(RoutingContext ctx, long assignmentId, int skip, int status, String error,
                           String enteredPoints, String enteredComment) {
    User teacher = Auth.current(ctx);
    results.queue(assignmentId, teacher, 1, skip).onComplete(Requests.handle(ctx, q -> {
      Map<String, Object> model = Web.model(ctx, "批改开放题 · " + q.quiz().title());
      model.put("assignmentId", q.assignment().id());
      model.put("quizTitle", q.quiz().title());
      model.put("className", q.assignment().className());
      model.put("classId", q.assignment().classId());
      model.put("pendingCount", q.pending());
      model.put("position", Math.min(skip + 1, q.pending()));
      model.put("skip", skip);
      if (!q.answers().isEmpty()) {
        ResultsService.PendingAnswer p = q.answers().get(0);
        JsonObject teacherView = p.question().teacherView();
        Map<String, Object> item = new HashMap<>();
        item.put("attemptId", p.attemptId());
        item.put("questionId", p.question().id());
        item.put("number", p.number());
        item.put("prompt", p.question().prompt());
        item.put("rubric", teacherView.getString("rubric"));
        item.put("modelAnswer", teacherView.getString("answer"));
        item.put("answer", p.answer());
        item.put("student", p.displayName());
        item.put("username", p.username());
        item.put("submittedAt", Format.time(p.submittedAt()));
        item.put("max", Numbers.points(p.maxPoints()));
        item.put("maxValue", p.maxPoints());
        List<Map<String, Object>> quick = new ArrayList<>();
        for (int v = 0; v <= (int) Math.floor(p.maxPoints()); v++) {
          quick.add(Map.of("value", v));
        }
        item.put("quick", quick);
        item.put("attemptScore", Numbers.points(p.attemptScore()));
        item.put("attemptMax", Numbers.points(p.attemptMax()));
        item.put("evidenceUrl", AttemptService.evidenceUrl(q.quiz().readingId(), p.question()));
        item.put("paragraph", p.question().paragraph());
        model.put("item", item);
        model.put("nextSkip", skip + 1 < q.pending() ? skip + 1 : null);
      } else if (skip > 0 && q.pending() > 0) {
        model.put("wrapAround", true);
      }
      String graded = ctx.request().getParam("graded");
      if (graded != null && status == 200) {
        model.put("flash", "已保存。" + AnswerCounts.shorten(graded, 80));
      }
      model.put("error", error);
      model.put("enteredPoints", enteredPoints);
      model.put("enteredComment", enteredComment);
      Web.html(ctx, status, "results/grading", model);
    }));
  }

  /** Saves a grade and goes on to the next answer; a bad score shows the same answer again with the reason. */
  private void grade(RoutingContext ctx) {
    long attemptId = Requests.id(ctx, "id");
    MultiMap form = ctx.request().formAttributes();
    String questionId = form.get("questionId");
    String quick = form.get("quick");
    String pointsText = quick != null && !quick.isBlank() ? quick : form.get("points");
    String comment = form.get("comment");
    String skipText = form.get("skip");
    int skip = skipText != null && skipText.matches("\\d{1,6}") ? Integer.parseInt(skipText) : 0;
    User teacher = Auth.current(ctx);
    results.assignmentOfAttempt(attemptId, teacher).onComplete(Requests.handle(ctx, a -> {
      Double points;
      try {
        points = parsePoints(pointsText);
      } catch (HttpError e) {
        showGrading(ctx, a.id(), skip, 400, e.getMessage(), pointsText, comment);
        return;
      }
      results.grade(attemptId, questionId, points, comment, teacher).onSuccess(t -> {
        String note = "这次作答现在 " + Numbers.points(t.score()) + " / " + Numbers.points(t.maxScore()) + " 分"
          + (t.pending() > 0 ? "，还有 " + t.pending() + " 道待批改" : "") + "。";
        Web.redirect(ctx, "/assignments/" + a.id() + "/grading?graded="
          + URLEncoder.encode(note, StandardCharsets.UTF_8) + (skip > 0 ? "&skip=" + skip : ""));
      }).onFailure(e -> {
        if (e instanceof HttpError h && h.status() == 400) {
          showGrading(ctx, a.id(), skip, 400, h.getMessage(), pointsText, comment);
        } else {
          ctx.fail(e);
        }
      });
    }));
  }

  private static Double parsePoints(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("分数须为数字，例如 2 或 1.5。");
    }
  }

  // ---- a student's own results ----

  private void own(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isStudent()) {
      throw HttpError.forbidden("这一页给学生看自己的成绩。老师请从班级页打开成绩册。");
    }
    results.own(user).onComplete(Requests.handle(ctx, own -> {
      Map<String, Object> model = Web.model(ctx, "我的成绩");
      Map<String, Map<String, Object>> byClass = new LinkedHashMap<>();
      for (AssignmentRef a : own.assignments()) {
        Map<String, Object> group = byClass.computeIfAbsent(a.classId() + "", x -> {
          Map<String, Object> g = new HashMap<>();
          g.put("name", a.className());
          g.put("items", new ArrayList<Map<String, Object>>());
          return g;
        });
        Reading r = results.catalog().byId(a.readingId()).orElse(null);
        Kept k = own.kept().get(a.id());
        Map<String, Object> item = new HashMap<>();
        item.put("assignmentUrl", "/assignments/" + a.id());
        item.put("pian", r == null ? a.readingId() : r.pianLabel());
        item.put("title", r == null ? "" : r.title());
        item.put("due", a.dueAt() == null ? null : Format.time(a.dueAt()));
        item.put("done", k != null);
        if (k != null) {
          item.put("score", Numbers.points(k.score()));
          item.put("max", Numbers.points(k.maxScore()));
          item.put("attempts", k.attempts());
          item.put("maxAttempts", a.maxAttempts());
          item.put("late", k.late());
          item.put("autoSubmitted", k.autoSubmitted());
          item.put("pending", k.pending());
          item.put("attemptUrl", "/attempts/" + k.attemptId());
          item.put("keepLabel", a.keepsLatest() ? "计最后一次" : "计最高分");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) group.get("items");
        items.add(item);
      }
      model.put("classes", new ArrayList<>(byClass.values()));
      model.put("none", byClass.isEmpty());
      Web.html(ctx, "results/mine", model);
    }));
  }
}
