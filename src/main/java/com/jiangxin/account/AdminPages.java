package com.jiangxin.account;

import com.jiangxin.web.HttpError;
import com.jiangxin.web.Requests;
import com.jiangxin.web.Times;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The administrator's page: teacher registrations waiting for approval, and invite codes. */
final class AdminPages {
  private static final Map<String, String> DONE = Map.of(
    "approved", "已批准。这位老师现在可以使用老师的功能了。",
    "rejected", "已拒绝，并删除了这个账号。",
    "revoked", "邀请码已作废。");

  private final TeacherApproval approval;

  private AdminPages(TeacherApproval approval) {
    this.approval = approval;
  }

  static void mount(Router router, TeacherApproval approval) {
    AdminPages p = new AdminPages(approval);
    router.route("/admin/*").handler(Auth::requirePageUser).handler(AdminPages::requireAdmin);
    router.get("/admin/teachers").handler(p::show);
    router.post("/admin/teachers/:id/approve").handler(ctx -> p.act(ctx, approval.approve(Requests.id(ctx, "id")), "approved"));
    router.post("/admin/teachers/:id/reject").handler(ctx -> p.act(ctx, approval.reject(Requests.id(ctx, "id")), "rejected"));
    router.post("/admin/invites").handler(p::createInvite);
    router.post("/admin/invites/:id/revoke").handler(ctx -> p.act(ctx, approval.revokeInvite(Requests.id(ctx, "id")), "revoked"));
  }

  private static void requireAdmin(RoutingContext ctx) {
    if (Auth.current(ctx).isAdmin()) {
      ctx.next();
    } else {
      Web.error(ctx, 403, "只有本站管理员可以管理老师账号。");
    }
  }

  private void show(RoutingContext ctx) {
    Map<String, Object> extras = new HashMap<>();
    String done = ctx.request().getParam("done");
    if (done != null && DONE.containsKey(done)) {
      extras.put("flash", DONE.get(done));
    }
    render(ctx, 200, extras);
  }

  private void act(RoutingContext ctx, Future<Void> action, String done) {
    action.onSuccess(x -> Web.redirect(ctx, "/admin/teachers?done=" + done)).onFailure(ctx::fail);
  }

  /** Answers the POST with the page itself: the new code is not stored, so this is the only time it is shown. */
  private void createInvite(RoutingContext ctx) {
    int uses = Requests.wholeOr(ctx.request().getFormAttribute("uses"), 1, -1);
    int days = Requests.wholeOr(ctx.request().getFormAttribute("days"), 7, -1);
    approval.createInvite(Auth.current(ctx), uses, days)
      .onSuccess(code -> {
        Map<String, Object> extras = new HashMap<>();
        extras.put("newCode", code);
        extras.put("newCodeUses", uses);
        extras.put("newCodeDays", days);
        ctx.response().putHeader("Cache-Control", "no-store");
        render(ctx, 200, extras);
      })
      .onFailure(e -> {
        if (e instanceof HttpError h) {
          render(ctx, h.status(), Map.of("inviteError", h.getMessage()));
        } else {
          ctx.fail(e);
        }
      });
  }

  private void render(RoutingContext ctx, int status, Map<String, Object> extras) {
    Future.all(approval.pending(), approval.approved(), approval.activeInvites()).onSuccess(Requests.safely(ctx, all -> {
      List<TeacherApproval.Teacher> pending = all.resultAt(0);
      List<TeacherApproval.Teacher> approved = all.resultAt(1);
      List<TeacherApproval.Invite> invites = all.resultAt(2);
      Map<String, Object> model = Web.model(ctx, "管理老师 · 匠心课堂");
      model.put("pending", pending.stream().map(AdminPages::teacherModel).toList());
      model.put("pendingCount", pending.size());
      model.put("approved", approved.stream().map(AdminPages::teacherModel).toList());
      model.put("invites", invites.stream().map(i -> Map.<String, Object>of("id", i.id(), "createdBy", i.createdBy(),
        "createdAt", Times.display(i.createdAt()), "expiresAt", Times.display(i.expiresAt()), "usesLeft", i.usesLeft())).toList());
      model.put("hasInvites", !invites.isEmpty());
      model.put("maxUses", TeacherApproval.MAX_USES);
      model.put("maxDays", TeacherApproval.MAX_DAYS);
      model.putAll(extras);
      Web.html(ctx, status, "account/admin-teachers", model);
    })).onFailure(ctx::fail);
  }

  private static Map<String, Object> teacherModel(TeacherApproval.Teacher t) {
    return Map.of("id", t.id(), "username", t.username(), "displayName", t.displayName(),
      "createdAt", Times.display(t.createdAt()), "admin", t.admin());
  }
}
