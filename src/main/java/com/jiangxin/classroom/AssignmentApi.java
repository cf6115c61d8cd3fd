package com.jiangxin.classroom;

import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Web;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The JSON API of assignments: create, edit, close, and list them with status or completion. */
final class AssignmentApi {
  private final ClassroomRepository classes;
  private final AssignmentRepository assignments;
  private final ReadingCatalog catalog;

  private AssignmentApi(ClassroomRepository classes, AssignmentRepository assignments, ReadingCatalog catalog) {
    this.classes = classes;
    this.assignments = assignments;
    this.catalog = catalog;
  }

  static void mount(Router router, ClassroomRepository classes, AssignmentRepository assignments, ReadingCatalog catalog) {
    AssignmentApi api = new AssignmentApi(classes, assignments, catalog);
    router.post("/api/v1/classes/:id/assignments").handler(api::create);
    router.get("/api/v1/assignments").handler(api::list);
    router.get("/api/v1/assignments/:id").handler(api::get);
    router.patch("/api/v1/assignments/:id").handler(api::edit);
    router.post("/api/v1/assignments/:id/close").handler(ctx -> api.setClosed(ctx, true));
    router.post("/api/v1/assignments/:id/reopen").handler(ctx -> api.setClosed(ctx, false));
  }

  private void create(RoutingContext ctx) {
    User user = Auth.current(ctx);
    classes.ownedBy(user, Requests.id(ctx, "id"))
      .compose(c -> {
        AssignmentFields fields = AssignmentFields.fromJson(Requests.jsonBody(ctx), AssignmentFields.defaults());
        // an own reading written on another node is read before it is checked
        return catalog.refresh(fields.readingId()).compose(r -> assignments.create(c, checked(user, fields)));
      })
      .onSuccess(Requests.safely(ctx, a -> Web.json(ctx, 201, AssignmentViews.json(a, catalog, user, System.currentTimeMillis()))))
      .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    User user = Auth.current(ctx);
    long now = System.currentTimeMillis();
    assignments.of(user)
      .onSuccess(Requests.safely(ctx, list -> Web.json(ctx, new JsonArray(list.stream()
        .map(a -> AssignmentViews.json(a, catalog, user, now)).toList()))))
      .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    User user = Auth.current(ctx);
    assignments.visibleTo(user, Requests.id(ctx, "id"))
      .onSuccess(Requests.safely(ctx, a -> Web.json(ctx, AssignmentViews.json(a, catalog, user, System.currentTimeMillis()))))
      .onFailure(ctx::fail);
  }

  /** Changes only the fields the body names; {@code null} clears opensAt, dueAt or instructions. */
  private void edit(RoutingContext ctx) {
    User user = Auth.current(ctx);
    assignments.ownedBy(user, Requests.id(ctx, "id"))
      .compose(a -> assignments.update(a, checked(user, AssignmentFields.fromJson(Requests.jsonBody(ctx), a.fields()))))
      .onSuccess(Requests.safely(ctx, a -> Web.json(ctx, AssignmentViews.json(a, catalog, user, System.currentTimeMillis()))))
      .onFailure(ctx::fail);
  }

  private void setClosed(RoutingContext ctx, boolean closed) {
    User user = Auth.current(ctx);
    assignments.ownedBy(user, Requests.id(ctx, "id"))
      .compose(a -> assignments.update(a, a.fields().withClosed(closed)))
      .onSuccess(Requests.safely(ctx, a -> Web.json(ctx, AssignmentViews.json(a, catalog, user, System.currentTimeMillis()))))
      .onFailure(ctx::fail);
  }

  private AssignmentFields checked(User user, AssignmentFields f) {
    f.apiProblem(catalog, user.id()).ifPresent(p -> {
      throw HttpError.badRequest(p);
    });
    return f;
  }
}
