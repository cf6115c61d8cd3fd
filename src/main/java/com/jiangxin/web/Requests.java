package com.jiangxin.web;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one request helper: reading what a request carries (path ids, JSON bodies and fields, form
 * and query values), failing with a clear 4xx instead of an exception, and answering from a
 * future's callback without losing what it throws.
 */
public final class Requests {
  private Requests() {
  }

  /** The JSON object body; 400 if it is missing or not an object. */
  public static JsonObject jsonBody(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw HttpError.badRequest("请求体须为 JSON 对象。");
    }
    if (body == null) {
      throw HttpError.badRequest("请求体须为 JSON 对象。");
    }
    return body;
  }

  /** The JSON object body, or an empty one when the request has none; 400 if it is there but not an object. */
  public static JsonObject jsonBodyOrEmpty(RoutingContext ctx) {
    JsonObject body = optionalJsonBody(ctx);
    return body == null ? new JsonObject() : body;
  }

  /** The JSON object body, or null when the request has none; 400 if it is there but not an object. */
  public static JsonObject optionalJsonBody(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return null;
    }
    return jsonBody(ctx);
  }

  /**
   * The client's address as the server sees it (headers such as {@code X-Forwarded-For} are not
   * trusted: anyone can send them).
   */
  public static String clientAddress(RoutingContext ctx) {
    return addressOf(ctx.request().remoteAddress());
  }

  /** An address's IP as text, or {@code "?"} when there is none. */
  public static String addressOf(io.vertx.core.net.SocketAddress address) {
    if (address == null) {
      return "?";
    }
    String ip = address.hostAddress();
    return ip != null ? ip : String.valueOf(address.host());
  }

  /** A numeric path parameter; anything else names nothing, so 404. */
  public static long id(RoutingContext ctx, String name) {
    String text = ctx.pathParam(name);
    if (text == null || !text.matches("\\d{1,18}")) {
      throw HttpError.notFound("没有这个编号：" + (text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "…" : text));
    }
    return Long.parseLong(text);
  }

  /** A JSON string field; 400 if present with another type. */
  public static String string(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw HttpError.badRequest("“" + key + "”须为字符串。");
  }

  /** A JSON true/false field, or null; 400 if present with another type. */
  public static Boolean bool(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw HttpError.badRequest("“" + field + "”须为 true 或 false。");
  }

  /** A JSON whole-number field (an id, say), or null; 400 if present with another type. */
  public static Long whole(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw HttpError.badRequest("“" + field + "”须为整数编号。");
  }

  /** A JSON field holding a count from 1 to 100 000, or null; 400 otherwise. */
  public static Integer positive(JsonObject body, String field) {
    Long n = whole(body, field);
    if (n == null) {
      return null;
    }
    if (n < 1 || n > 100_000) {
      throw HttpError.badRequest("“" + field + "”须为正整数。");
    }
    return n.intValue();
  }

  /** A JSON number field, or null; 400 if present with another type. */
  public static Double decimal(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null || v instanceof Number) {
      return v == null ? null : ((Number) v).doubleValue();
    }
    throw HttpError.badRequest("“" + field + "”须为数字。");
  }

  /** A number typed into a form field, or null when blank; 400 when it is not a number. */
  public static Double formDecimal(String raw, String what) {
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
  public static Long formId(String raw, String what) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!raw.trim().matches("\\d{1,18}")) {
      throw HttpError.badRequest("“" + what + "”不是有效的编号。");
    }
    return Long.parseLong(raw.trim());
  }

  /**
   * A whole number typed into a query or form value, read leniently (for values that only
   * adjust a page, such as which paragraph to mark).
   *
   * @param whenBlank     the value when there is none
   * @param whenNotNumber the value when it is not a whole number
   */
  public static int wholeOr(String text, int whenBlank, int whenNotNumber) {
    if (text == null || text.isBlank()) {
      return whenBlank;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return whenNotNumber;
    }
  }

  /** An optional whole-number query parameter within bounds; 400 otherwise. */
  public static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
    String s = ctx.request().getParam(name);
    if (s == null || s.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(s.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw HttpError.badRequest(name + " 须为 " + min + " 到 " + max + " 之间的整数。");
  }

  /**
   * Answers with what {@code use} does with a future's result, or fails the request; an exception
   * thrown while answering fails the request too instead of leaving it hanging.
   */
  public static <T> Handler<AsyncResult<T>> handle(RoutingContext ctx, Handler<T> use) {
    return ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else {
        safely(ctx, use).handle(ar.result());
      }
    };
  }

  /**
   * A future's callback that turns anything it throws (a template that fails to render, say)
   * into the request's failure: an exception thrown in a callback would otherwise be lost and the
   * request left unanswered.
   */
  public static <T> Handler<T> safely(RoutingContext ctx, Handler<T> handler) {
    return value -> {
      try {
        handler.handle(value);
      } catch (RuntimeException e) {
        if (!ctx.response().ended()) {
          ctx.fail(e);
        }
      }
    };
  }

  /**
   * A path on this site that is safe to redirect to, or null: one leading {@code /}, then no second
   * {@code /} or any backslash (browsers read both as another host), no control, space or format
   * character (a tab or newline is dropped by browsers, so {@code /\t/evil} would become
   * {@code //evil}, and a header cannot carry one), no broken surrogate, at most 500 characters.
   * Every "go back to" and "next" parameter goes through this one rule.
   */
  public static String localPath(String path) {
    if (path == null || path.length() > 500 || !path.startsWith("/") || path.startsWith("//")
      || path.indexOf('\\') >= 0) {
      return null;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
        || Character.isSurrogate(c) && !validSurrogateAt(path, i)) {
        return null;
      }
    }
    return path;
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
      : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
