package com.jiangxin.classroom;

import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * {@code /assignments/{id}}: the assignment's details for its teacher and its students, with the
 * {@link AssignmentPanel}s other features add (taking the quiz), and the teacher's edit, close and
 * reopen.
 */
final class AssignmentPages {
  private final AssignmentRepository assignments;
  private final ReadingCatalog catalog;
  private final List<AssignmentPanel> panels;

  private AssignmentPages(AssignmentRepository assignments, ReadingCatalog catalog, List<AssignmentPanel> panels) {
    this.assignments = assignments;
    this.catalog = catalog;
    this.panels = List.copyOf(panels);
  }

  static void mount(Router router, AssignmentRepository assignments, ReadingCatalog catalog,
                    List<AssignmentPanel> panels) {
    AssignmentPages p = new AssignmentPages(assignments, catalog, panels);
    router.get("/assignments/:id").handler(Auth::requirePageUser).handler(p::show);
    router.get("/assignments/:id/edit").handler(Auth::requirePageUser).handler(p::showEdit);
    router.post("/assignments/:id").handler(Auth::requirePageUser).handler(p::submitEdit);
    router.post("/assignments/:id/close").handler(Auth::requirePageUser).handler(ctx -> p.setClosed(ctx, true));
    router.post("/assignments/:id/reopen").handler(Auth::requirePageUser).handler(ctx -> p.setClosed(ctx, false));
  }

  private void show(RoutingContext ctx) {
    User user = Auth.current(ctx);
    assignments.visibleTo(user, Requests.id(ctx, "id")).compose(a -> {
      List<Future<Map<String, Object>>> asked = panels.stream().map(p -> p.panel(ctx, a, user)).toList();
      return Future.all(asked).map(all -> {
        Map<String, Object> view = AssignmentViews.model(a, catalog, user, System.currentTimeMillis());
        Map<String, Object> model = Web.model(ctx, view.get("pian") + " · " + view.get("readingTitle") + " · 作业");
        Flash.from(ctx, model);
        model.put("a", view);
        for (int i = 0; i < panels.size(); i++) {
          if (asked.get(i).result() != null) {
            model.put(panels.get(i).key(), asked.get(i).result());
          }
        }
        return model;
      });
    }).onSuccess(model -> Web.html(ctx, "classroom/assignment", model)).onFailure(ctx::fail);
  }

  private void showEdit(RoutingContext ctx) {
    User user = Auth.current(ctx);
    assignments.ownedBy(user, Requests.id(ctx, "id"))
      .onSuccess(Requests.safely(ctx, a -> renderEdit(ctx, 200, a, AssignmentViews.formModel(catalog, a), null)))
      .onFailure(ctx::fail);
  }

  private void submitEdit(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    assignments.ownedBy(Auth.current(ctx), Requests.id(ctx, "id")).onSuccess(Requests.safely(ctx, a -> {
      AssignmentFields fields;
      try {
        fields = AssignmentFields.fromForm(form, a.closed());
        fields.problem(catalog, Auth.current(ctx).id()).ifPresent(p -> {
          throw HttpError.badRequest(p);
        });
      } catch (HttpError e) {
        renderEdit(ctx, e.status(), a, AssignmentViews.formModel(catalog, form), e.getMessage());
        return;
      }
      assignments.update(a, fields)
        .onSuccess(x -> Web.redirect(ctx, Flash.to("/assignments/" + a.id(), "updated")))
        .onFailure(ctx::fail);
    })).onFailure(ctx::fail);
  }

  private void renderEdit(RoutingContext ctx, int status, Assignment a, Map<String, Object> form, String error) {
    User user = Auth.current(ctx);
    Map<String, Object> model = Web.model(ctx, "修改作业 · 匠心课堂");
    model.put("a", AssignmentViews.model(a, catalog, user, System.currentTimeMillis()));
    model.put("form", form);
    model.put("error", error);
    Web.html(ctx, status, "classroom/assignment-edit", model);
  }

  private void setClosed(RoutingContext ctx, boolean closed) {
    assignments.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(a -> assignments.update(a, a.fields().withClosed(closed)))
      .onSuccess(Requests.safely(ctx, a -> Web.redirect(ctx, Flash.to("/assignments/" + a.id(), closed ? "assignment-closed" : "assignment-reopened"))))
      .onFailure(ctx::fail);
  }
}
