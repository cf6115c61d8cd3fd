package com.jiangxin.classroom;

import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /dashboard}: a teacher's classes with their assignments' completion (and the form to
 * create a class); a student's classes and assignments with their status.
 */
final class DashboardPage {
  private final ClassroomRepository classes;
  private final AssignmentRepository assignments;
  private final ReadingCatalog catalog;

  private DashboardPage(ClassroomRepository classes, AssignmentRepository assignments, ReadingCatalog catalog) {
    this.classes = classes;
    this.assignments = assignments;
    this.catalog = catalog;
  }

  static void mount(Router router, ClassroomRepository classes, AssignmentRepository assignments, ReadingCatalog catalog) {
    DashboardPage p = new DashboardPage(classes, assignments, catalog);
    router.get("/dashboard").handler(Auth::requirePageUser).handler(p::show);
    router.post("/classes").handler(Auth::requirePageUser).handler(p::createClass);
  }

  private void show(RoutingContext ctx) {
    render(ctx, 200, new HashMap<>());
  }

  private void createClass(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isTeacher()) {
      throw HttpError.forbidden("只有老师可以创建班级。");
    }
    String name = ctx.request().getFormAttribute("name");
    classes.create(user, name)
      .onSuccess(Requests.safely(ctx, c -> Web.redirect(ctx, Flash.to("/classes/" + c.id(), "created"))))
      .onFailure(Requests.safely(ctx, e -> {
        if (e instanceof HttpError h) {
          Map<String, Object> extras = new HashMap<>();
          extras.put("error", h.getMessage());
          extras.put("name", name);
          render(ctx, h.status(), extras);
        } else {
          ctx.fail(e);
        }
      }));
  }

  private void render(RoutingContext ctx, int status, Map<String, Object> extras) {
    User user = Auth.current(ctx);
    long now = System.currentTimeMillis();
    Future<Set<Long>> resumable = user.isStudent() ? assignments.inProgress(user)
      : Future.succeededFuture(Set.of());
    Future.all(classes.classesOf(user), assignments.of(user), resumable).onSuccess(Requests.safely(ctx, all -> {
      List<SchoolClass> list = all.resultAt(0);
      List<Assignment> work = all.resultAt(1);
      Set<Long> inProgress = all.resultAt(2);
      Map<String, Object> model = Web.model(ctx, "我的课堂 · 匠心课堂");
      Flash.from(ctx, model);
      List<Map<String, Object>> classModels = new ArrayList<>();
      for (SchoolClass c : list) {
        Map<String, Object> m = ClassPages.classModel(c);
        m.put("assignments", work.stream().filter(a -> a.classId() == c.id())
          .map(a -> AssignmentViews.model(a, catalog, user, now)).toList());
        classModels.add(m);
        if (Long.toString(c.id()).equals(ctx.request().getParam("joined"))) {
          model.put("joinedName", c.name());
        }
      }
      model.put("classes", classModels);
      model.put("hasClasses", !classModels.isEmpty());
      if (user.isStudent()) {
        List<Map<String, Object>> items = work.stream()
          .sorted(Comparator.comparingInt((Assignment a) -> order(a, now))
            .thenComparingLong(a -> a.dueAt() == null ? Long.MAX_VALUE : a.dueAt()))
          .map(a -> {
            Map<String, Object> m = AssignmentViews.model(a, catalog, user, now);
            // one tap from the card to the first question: start, or resume what is in progress
            boolean resume = inProgress.contains(a.id());
            m.put("quickStart", !a.closed() && (resume || a.status(now) == AssignmentStatus.TODO));
            m.put("quickLabel", resume ? "继续" : "开始");
            return m;
          }).toList();
        model.put("assignments", items);
        model.put("hasAssignments", !items.isEmpty());
        model.put("todoCount", work.stream().filter(a -> !a.closed() && a.status(now) == AssignmentStatus.TODO).count());
      }
      model.putAll(extras);
      Web.html(ctx, status, user.isTeacher() ? "classroom/dashboard-teacher" : "classroom/dashboard-student", model);
    })).onFailure(ctx::fail);
  }

  /** What a student should look at first: overdue and to-do work, then upcoming, then done, then closed. */
  private static int order(Assignment a, long now) {
    AssignmentStatus s = a.status(now);
    if (a.closed() && s != AssignmentStatus.DONE) {
      return 4;
    }
    return switch (s) {
      case OVERDUE -> 0;
      case TODO -> 1;
      case UPCOMING -> 2;
      case DONE -> 3;
    };
  }
}
