package com.jiangxin.classroom;

import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.SiteAddress;
import com.jiangxin.web.Times;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher's class page (join code, roster, CSV import with login slips, assignments), the
 * projector view of the join code, and the students' join page.
 */
final class ClassPages {
  private final ClassroomRepository classes;
  private final AssignmentRepository assignments;
  private final ReadingCatalog catalog;
  private final SiteAddress site;

  private ClassPages(ClassroomRepository classes, AssignmentRepository assignments, ReadingCatalog catalog,
                     SiteAddress site) {
    this.classes = classes;
    this.assignments = assignments;
    this.catalog = catalog;
    this.site = site;
  }

  static void mount(Router router, ClassroomRepository classes, AssignmentRepository assignments, ReadingCatalog catalog,
                    SiteAddress site) {
    ClassPages p = new ClassPages(classes, assignments, catalog, site);
    router.get("/join").handler(p::showJoin);
    router.post("/join").handler(Auth::requirePageUser).handler(p::submitJoin);
    router.get("/classes/:id").handler(Auth::requirePageUser).handler(p::showClass);
    router.get("/classes/:id/code").handler(Auth::requirePageUser).handler(p::showCode);
    router.post("/classes/:id/join-code").handler(Auth::requirePageUser).handler(p::regenerateCode);
    router.post("/classes/:id/join-code/close").handler(Auth::requirePageUser).handler(ctx -> p.setJoinOpen(ctx, false));
    router.post("/classes/:id/join-code/open").handler(Auth::requirePageUser).handler(ctx -> p.setJoinOpen(ctx, true));
    router.post("/classes/:id/students/:studentId/remove").handler(Auth::requirePageUser).handler(p::removeStudent);
    router.post("/classes/:id/roster").handler(Auth::requirePageUser).handler(p::importRoster);
    router.post("/classes/:id/students/:studentId/reset-password").handler(Auth::requirePageUser).handler(p::resetPassword);
    router.post("/classes/:id/assignments").handler(Auth::requirePageUser).handler(p::createAssignment);
  }

  // ---- joining ----

  private void showJoin(RoutingContext ctx) {
    renderJoin(ctx, 200, ctx.request().getParam("code"), null);
  }

  private void submitJoin(RoutingContext ctx) {
    String code = ctx.request().getFormAttribute("code");
    classes.join(Auth.current(ctx), code)
      .onSuccess(Requests.safely(ctx, c -> Web.redirect(ctx, "/dashboard?joined=" + c.id())))
      .onFailure(Requests.safely(ctx, e -> {
        if (e instanceof HttpError h) {
          renderJoin(ctx, h.status(), code, h.getMessage());
        } else {
          ctx.fail(e);
        }
      }));
  }

  private void renderJoin(RoutingContext ctx, int status, String code, String error) {
    Map<String, Object> model = Web.model(ctx, "加入班级 · 匠心课堂");
    String typed = code == null ? "" : code.strip();
    model.put("code", typed.length() > 20 ? typed.substring(0, 20) : typed);
    model.put("error", error);
    String back = "/join" + (typed.isEmpty() ? "" : "?code=" + URLEncoder.encode(JoinCodes.normalise(typed), StandardCharsets.UTF_8));
    model.put("loginHref", "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    model.put("backEncoded", URLEncoder.encode(back, StandardCharsets.UTF_8));
    Web.html(ctx, status, "classroom/join", model);
  }

  // ---- the class page ----

  private void showClass(RoutingContext ctx) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .onSuccess(Requests.safely(ctx, c -> renderClass(ctx, c, 200, new HashMap<>())))
      .onFailure(ctx::fail);
  }

  /** The class page, with {@code extras} (a form's errors and typed values) laid over it. */
  private void renderClass(RoutingContext ctx, SchoolClass c, int status, Map<String, Object> extras) {
    User teacher = Auth.current(ctx);
    long now = System.currentTimeMillis();
    Future.all(classes.roster(c), assignments.ofClass(c)).onSuccess(Requests.safely(ctx, all -> {
      List<Member> roster = all.resultAt(0);
      List<Assignment> list = all.resultAt(1);
      Map<String, Object> model = Web.model(ctx, c.name() + " · 匠心课堂");
      Flash.from(ctx, model);
      model.put("cls", classModel(c));
      model.putAll(joinModel(ctx, c));
      List<Map<String, Object>> students = new ArrayList<>();
      for (Member m : roster) {
        Map<String, Object> s = new HashMap<>();
        s.put("id", m.id());
        s.put("username", m.username());
        s.put("displayName", m.displayName());
        s.put("mustChangePassword", m.mustChangePassword());
        s.put("joinedAt", Times.date(m.joinedAt()));
        students.add(s);
      }
      model.put("students", students);
      model.put("hasStudents", !students.isEmpty());
      model.put("assignments", list.stream().map(a -> AssignmentViews.model(a, catalog, teacher, now)).toList());
      model.put("hasAssignments", !list.isEmpty());
      model.put("form", AssignmentViews.formModel(catalog, null, null, null, null, null, null,
        AssignmentFields.defaults().shuffle(), null));
      model.putAll(extras);
      Web.html(ctx, status, "classroom/class", model);
    })).onFailure(ctx::fail);
  }

  static Map<String, Object> classModel(SchoolClass c) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("joinCode", c.joinCode());
    m.put("codeHead", c.joinCode().substring(0, Math.min(3, c.joinCode().length())));
    m.put("codeTail", c.joinCode().substring(Math.min(3, c.joinCode().length())));
    m.put("joinOpen", c.joinOpen());
    m.put("studentCount", c.studentCount());
    m.put("teacherName", c.teacherName());
    return m;
  }

  /**
   * What students need to reach the class: {@code siteUrl} (the server's address), {@code joinUrl}
   * (its join page), {@code onlyThisMachine} (that address works on this computer only) and
   * {@code qr}, a QR code of the join page with the class's code filled in.
   */
  private Map<String, Object> joinModel(RoutingContext ctx, SchoolClass c) {
    SiteAddress.Site s = site.of(ctx.request());
    String withCode = s.url() + "/join?code=" + URLEncoder.encode(c.joinCode(), StandardCharsets.UTF_8);
    Map<String, Object> m = new HashMap<>();
    m.put("siteUrl", s.url());
    m.put("joinUrl", s.url() + "/join");
    m.put("onlyThisMachine", s.onlyThisMachine());
    m.put("qr", JoinQr.model(withCode, "扫码加入班级 " + c.name() + "（班级码 " + c.joinCode() + "）"));
    return m;
  }

  /** The join code alone, as large as the screen allows: for the projector. */
  private void showCode(RoutingContext ctx) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id")).onSuccess(Requests.safely(ctx, c -> {
      Map<String, Object> model = Web.model(ctx, "班级码 " + c.joinCode() + " · " + c.name());
      model.put("cls", classModel(c));
      model.putAll(joinModel(ctx, c));
      model.put("bodyClass", "projector");
      Web.html(ctx, "classroom/code", model);
    })).onFailure(ctx::fail);
  }

  private void regenerateCode(RoutingContext ctx) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(classes::regenerateCode)
      .onSuccess(Requests.safely(ctx, c -> Web.redirect(ctx, Flash.to("/classes/" + c.id(), "code"))))
      .onFailure(ctx::fail);
  }

  private void setJoinOpen(RoutingContext ctx, boolean open) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.setJoinOpen(c, open))
      .onSuccess(Requests.safely(ctx, c -> Web.redirect(ctx, Flash.to("/classes/" + c.id(), open ? "opened" : "closed"))))
      .onFailure(ctx::fail);
  }

  private void removeStudent(RoutingContext ctx) {
    long studentId = Requests.id(ctx, "studentId");
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.removeStudent(c, studentId).map(c))
      .onSuccess(Requests.safely(ctx, c -> Web.redirect(ctx, Flash.to("/classes/" + c.id(), "removed") + "#roster")))
      .onFailure(ctx::fail);
  }

  /**
   * Resets a student's password and answers the POST with the temporary password: it is not
   * stored, so this response is the only place it appears.
   */
  private void resetPassword(RoutingContext ctx) {
    long studentId = Requests.id(ctx, "studentId");
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.member(c, studentId)
        .compose(m -> classes.resetPassword(c, studentId).map(temporary -> {
          Map<String, Object> model = Web.model(ctx, "临时密码 · " + c.name());
          model.put("cls", classModel(c));
          model.put("siteUrl", site.of(ctx.request()).url());
          model.put("student", Map.of("displayName", m.displayName(), "username", m.username()));
          model.put("temporaryPassword", temporary);
          return model;
        })))
      .onSuccess(Requests.safely(ctx, model -> {
        ctx.response().putHeader("Cache-Control", "no-store");
        Web.html(ctx, "classroom/reset-password", model);
      }))
      .onFailure(ctx::fail);
  }

  /**
   * Imports the pasted (or file-filled) roster. On success this answers the POST with the login
   * slips directly instead of redirecting: initial passwords are never stored, so this response is
   * the only place they can appear. Posting again only re-enrols, so a reload gives nothing away.
   */
  private void importRoster(RoutingContext ctx) {
    String csv = ctx.request().getFormAttribute("csv");
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.importRoster(c, csv).map(result -> Map.entry(c, result)))
      .onSuccess(Requests.safely(ctx, done -> {
        SchoolClass c = done.getKey();
        RosterResult result = done.getValue();
        if (result.refused()) {
          Map<String, Object> extras = new HashMap<>();
          extras.put("importErrors", result.problems().stream().map(ClassPages::problemModel).toList());
          extras.put("csv", csv);
          renderClass(ctx, c, 400, extras);
          return;
        }
        classes.ownedBy(Auth.current(ctx), c.id()).onSuccess(updated -> renderSlips(ctx, updated, result))
          .onFailure(ctx::fail);
      }))
      .onFailure(ctx::fail);
  }

  private static Map<String, Object> problemModel(RosterCsv.Problem p) {
    Map<String, Object> m = new HashMap<>();
    m.put("line", p.line() > 0 ? p.line() : null);
    m.put("username", p.username());
    m.put("message", p.message());
    return m;
  }

  private void renderSlips(RoutingContext ctx, SchoolClass c, RosterResult result) {
    Map<String, Object> model = Web.model(ctx, "登录条 · " + c.name());
    model.put("cls", classModel(c));
    model.putAll(joinModel(ctx, c));
    model.put("created", result.created());
    model.put("enrolled", result.enrolled());
    model.put("hasCreated", !result.created().isEmpty());
    model.put("hasEnrolled", !result.enrolled().isEmpty());
    model.put("createdCount", result.created().size());
    model.put("enrolledCount", result.enrolled().size());
    model.put("bodyClass", "slips-page");
    ctx.response().putHeader("Cache-Control", "no-store");
    Web.html(ctx, "classroom/slips", model);
  }

  // ---- assigning ----

  private void createAssignment(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id")).onSuccess(Requests.safely(ctx, c -> {
      AssignmentFields fields;
      try {
        fields = AssignmentFields.fromForm(form, false);
        fields.problem(catalog, Auth.current(ctx).id()).ifPresent(p -> {
          throw HttpError.badRequest(p);
        });
      } catch (HttpError e) {
        Map<String, Object> extras = new HashMap<>();
        extras.put("assignmentError", e.getMessage());
        extras.put("form", AssignmentViews.formModel(catalog, form));
        renderClass(ctx, c, e.status(), extras);
        return;
      }
      assignments.create(c, fields)
        .onSuccess(a -> Web.redirect(ctx, Flash.to("/classes/" + c.id(), "assigned") + "#assignments"))
        .onFailure(ctx::fail);
    })).onFailure(ctx::fail);
  }
}
