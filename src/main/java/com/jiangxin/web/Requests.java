package com.jiangxin.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading what a request carries, failing with a clear 4xx instead of an exception. */
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
    throw HttpError.badRequest(key + " 须为字符串。");
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
}
