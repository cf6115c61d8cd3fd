package com.jiangxin.classroom;

import com.jiangxin.web.Requests;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Web;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The JSON API of classes: create, list, join, join codes, roster and roster import. */
final class ClassApi {
  private final ClassroomRepository classes;

  private ClassApi(ClassroomRepository classes) {
    this.classes = classes;
  }

  static void mount(Router router, ClassroomRepository classes) {
    ClassApi api = new ClassApi(classes);
    router.post("/api/v1/classes").handler(api::createClass);
    router.get("/api/v1/classes").handler(api::listClasses);
    router.post("/api/v1/classes/join").handler(api::joinClass);
    router.get("/api/v1/classes/:id").handler(api::getClass);
    router.get("/api/v1/classes/:id/students").handler(api::listStudents);
    router.delete("/api/v1/classes/:id/students/:studentId").handler(api::removeStudent);
    router.post("/api/v1/classes/:id/join-code").handler(api::regenerateCode);
    router.post("/api/v1/classes/:id/join-code/close").handler(ctx -> api.setJoinOpen(ctx, false));
    router.post("/api/v1/classes/:id/join-code/open").handler(ctx -> api.setJoinOpen(ctx, true));
    router.post("/api/v1/classes/:id/roster").handler(api::importRoster);
    router.post("/api/v1/classes/:id/students/:studentId/reset-password").handler(api::resetPassword);
  }

  /** The class's teacher gives a student a temporary password; anyone else gets 403 or 404. */
  private void resetPassword(RoutingContext ctx) {
    long studentId = Requests.id(ctx, "studentId");
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.resetPassword(c, studentId))
      .onSuccess(Requests.safely(ctx, temporary -> {
        ctx.response().putHeader("Cache-Control", "no-store");
        Web.json(ctx, new JsonObject().put("temporaryPassword", temporary));
      }))
      .onFailure(ctx::fail);
  }

  private void createClass(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isTeacher()) {
      throw HttpError.forbidden("只有老师可以创建班级。");
    }
    String name = Requests.string(Requests.jsonBody(ctx), "name");
    classes.create(user, name)
      .onSuccess(Requests.safely(ctx, c -> Web.json(ctx, 201, c.toTeacherJson())))
      .onFailure(ctx::fail);
  }

  private void listClasses(RoutingContext ctx) {
    User user = Auth.current(ctx);
    classes.classesOf(user)
      .onSuccess(Requests.safely(ctx, list -> Web.json(ctx, new JsonArray(list.stream()
        .map(c -> user.isTeacher() ? c.toTeacherJson() : c.toStudentJson()).toList()))))
      .onFailure(ctx::fail);
  }

  private void joinClass(RoutingContext ctx) {
    String code = Requests.string(Requests.jsonBody(ctx), "joinCode");
    classes.join(Auth.current(ctx), code)
      .onSuccess(Requests.safely(ctx, c -> Web.json(ctx, new JsonObject().put("classId", c.id()).put("name", c.name()))))
      .onFailure(ctx::fail);
  }

  /** Its teacher sees the join code; a member sees the class without it; anyone else gets 404. */
  private void getClass(RoutingContext ctx) {
    User user = Auth.current(ctx);
    classes.visibleTo(user, Requests.id(ctx, "id"))
      .onSuccess(Requests.safely(ctx, c -> Web.json(ctx, user.isTeacher() ? c.toTeacherJson() : c.toStudentJson())))
      .onFailure(ctx::fail);
  }

  private void listStudents(RoutingContext ctx) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(classes::roster)
      .onSuccess(Requests.safely(ctx, list -> Web.json(ctx, new JsonArray(list.stream().map(Member::toJson).toList()))))
      .onFailure(ctx::fail);
  }

  private void removeStudent(RoutingContext ctx) {
    long studentId = Requests.id(ctx, "studentId");
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.removeStudent(c, studentId))
      .onSuccess(Requests.safely(ctx, x -> Web.noContent(ctx)))
      .onFailure(ctx::fail);
  }

  private void regenerateCode(RoutingContext ctx) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(classes::regenerateCode)
      .onSuccess(Requests.safely(ctx, c -> Web.json(ctx, c.toTeacherJson())))
      .onFailure(ctx::fail);
  }

  private void setJoinOpen(RoutingContext ctx, boolean open) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.setJoinOpen(c, open))
      .onSuccess(Requests.safely(ctx, c -> Web.json(ctx, c.toTeacherJson())))
      .onFailure(ctx::fail);
  }

  /** Body: {@code text/csv} (UTF-8, BOM allowed) or JSON {@code {"csv": "..."}}. 201, or 400 with every bad row. */
  private void importRoster(RoutingContext ctx) {
    classes.ownedBy(Auth.current(ctx), Requests.id(ctx, "id"))
      .compose(c -> classes.importRoster(c, csvOf(ctx)))
      .onSuccess(Requests.safely(ctx, result -> {
        ctx.response().putHeader("Cache-Control", "no-store");
        Web.json(ctx, result.refused() ? 400 : 201, result.refused()
          ? result.toJson().put("error", "名单有 " + result.problems().size() + " 处问题，没有导入任何学生。")
          : result.toJson());
      }))
      .onFailure(ctx::fail);
  }

  private static String csvOf(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      String csv = Requests.string(Requests.jsonBody(ctx), "csv");
      if (csv == null) {
        throw HttpError.badRequest("请在 csv 字段中提供名单。");
      }
      return csv;
    }
    if (ctx.body() == null || ctx.body().buffer() == null) {
      throw HttpError.badRequest("请求体是空的：请发送 text/csv 名单，或 JSON {\"csv\": \"...\"}。");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(ctx.body().buffer().getBytes()))
        .toString();
    } catch (CharacterCodingException e) {
      throw HttpError.badRequest("名单不是 UTF-8 编码。请在 Excel 中“另存为 → CSV UTF-8”后再导入。");
    }
  }
}
