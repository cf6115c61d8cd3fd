package com.jiangxin.discussion;

import com.jiangxin.web.HttpError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading ids and JSON fields off a request with clear 4xx answers, and failing a request cleanly. */
final class Ids {
  private Ids() {
  }

  /** A numeric path parameter; anything else names nothing, so 404. */
  static long path(RoutingContext ctx, String name) {
    String raw = ctx.pathParam(name);
    if (raw == null || !raw.matches("\\d{1,18}")) {
      throw HttpError.notFound("没有这个编号：" + (raw == null ? "" : raw.length() > 20 ? raw.substring(0, 20) + "…" : raw));
    }
    return Long.parseLong(raw);
  }

  static JsonObject jsonBody(RoutingContext ctx) {
    JsonObject body = optionalJsonBody(ctx);
    if (body.isEmpty() && (ctx.body() == null || ctx.body().length() == 0)) {
      throw HttpError.badRequest("请求体须为 JSON 对象。");
    }
    return body;
  }

  static JsonObject optionalJsonBody(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (DecodeException | ClassCastException e) {
      throw HttpError.badRequest("请求体须为 JSON 对象。");
    }
  }

  static String string(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw HttpError.badRequest("“" + field + "”须为字符串。");
  }

  static Boolean bool(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw HttpError.badRequest("“" + field + "”须为 true 或 false。");
  }

  static Long number(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw HttpError.badRequest("“" + field + "”须为整数编号。");
  }

  static Integer integer(JsonObject body, String field) {
    Long n = number(body, field);
    if (n == null) {
      return null;
    }
    if (n < 1 || n > 100_000) {
      throw HttpError.badRequest("“" + field + "”须为正整数。");
    }
    return n.intValue();
  }

  static Double decimal(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null || v instanceof Number) {
      return v == null ? null : ((Number) v).doubleValue();
    }
    throw HttpError.badRequest("“" + field + "”须为数字。");
  }

  /** A number typed into a form field, or null when blank; 400 when it is not a number. */
  static Double formDecimal(String raw, String what) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(raw.trim());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("“" + what + "”须为数字。");
    }
  }

  /** A form's id field, or null when blank; 400 when it is not an id. */
  static Long formId(String raw, String what) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!raw.trim().matches("\\d{1,18}")) {
      throw HttpError.badRequest("“" + what + "”不是有效的编号。");
    }
    return Long.parseLong(raw.trim());
  }

  /** Fails the request; a flood refusal carries {@code Retry-After} and {@code retryAfter}. */
  static void fail(RoutingContext ctx, Throwable e) {
    retryHint(ctx, e);
    ctx.fail(e);
  }

  /** Tells a flooding client when it may post again (header, and the JSON error's {@code retryAfter}). */
  static void retryHint(RoutingContext ctx, Throwable e) {
    if (e instanceof DiscussionService.TooManyPosts t) {
      ctx.response().putHeader("Retry-After", Long.toString(t.retryAfterSeconds));
      ctx.put("retryAfter", t.retryAfterSeconds);
    }
  }
}
