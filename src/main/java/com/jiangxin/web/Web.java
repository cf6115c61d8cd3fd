package com.jiangxin.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few ways a handler answers: an HTML page, JSON, a redirect, or an error that suits the
 * caller (JSON {@code {"error": "..."}} under {@code /api/}, a friendly page elsewhere).
 */
public final class Web {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Web.class);
  /** Key under which the router puts its {@link Templates} in every request's context data. */
  static final String TEMPLATES = "jiangxin.templates";

  private Web() {
  }

  /** A page model with what every page's layout needs already filled in. */
  public static Map<String, Object> model(RoutingContext ctx, String title) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", title);
    Object page = ctx.get(PageContext.KEY);
    if (page instanceof Map<?, ?> common) {
      common.forEach((k, v) -> model.put(String.valueOf(k), v));
    }
    return model;
  }

  public static void html(RoutingContext ctx, String template, Map<String, Object> model) {
    html(ctx, 200, template, model);
  }

  public static void html(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    String body;
    try {
      Templates templates = ctx.get(TEMPLATES);
      body = templates.render(template, model);
    } catch (RuntimeException e) {
      // Callers often render inside a future's callback, where a throw would leave the request hanging.
      LOG.error("Rendering {} failed", template, e);
      if (!ctx.response().ended()) {
        ctx.response().setStatusCode(500).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("服务器出错了，请稍后再试。");
      }
      return;
    }
    ctx.response()
      .setStatusCode(status)
      .putHeader("Content-Type", "text/html; charset=utf-8");
    Compression.end(ctx, Buffer.buffer(body), !Compression.carriesSecret(ctx, body));
  }

  /** A page drawn once for everyone (no visitor's data in it), sent as it was prepared. */
  public static void html(RoutingContext ctx, PreparedPage page) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "text/html; charset=utf-8");
    Compression.endPrepared(ctx, page.plain(), page.gzipped());
  }

  /**
   * Renders a page for everyone into a {@link PreparedPage}. Its model must hold nothing of the
   * visitor: it is not given the request's page context (user, CSRF token).
   */
  public static PreparedPage prepare(RoutingContext ctx, String template, Map<String, Object> model) {
    Templates templates = ctx.get(TEMPLATES);
    return PreparedPage.of(templates.render(template, model));
  }

  /**
   * Renders a page once into a {@link Stencil} cut at {@code marks}: the model holds the marks where
   * a visitor's values go, and nothing of any visitor.
   */
  public static Stencil stencil(RoutingContext ctx, String template, Map<String, Object> model, List<String> marks) {
    Templates templates = ctx.get(TEMPLATES);
    return Stencil.cut(templates.render(template, model), marks);
  }

  /** A page filled in for this visitor (see {@link Stencil}): it carries their data, so it is never compressed. */
  public static void personalHtml(RoutingContext ctx, Buffer page) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "text/html; charset=utf-8").end(page);
  }

  /**
   * A part of a page rendered by its own template (every value escaped as usual), for a page to
   * place as it is with {@code {{name}}}.
   */
  public static CharSequence fragment(RoutingContext ctx, String template, Map<String, Object> model) {
    Templates templates = ctx.get(TEMPLATES);
    return templates.fragment(template, model);
  }

  public static void json(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonObject o ? o.encode()
      : body instanceof io.vertx.core.json.JsonArray a ? a.encode()
      : io.vertx.core.json.Json.encode(body);
    ctx.response()
      .setStatusCode(status)
      .putHeader("Content-Type", "application/json; charset=utf-8");
    Compression.end(ctx, Buffer.buffer(text), true);
  }

  public static void json(RoutingContext ctx, Object body) {
    json(ctx, 200, body);
  }

  public static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }

  /** Post/redirect/get: a form POST answers with 303 See Other. */
  public static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  public static boolean isApi(RoutingContext ctx) {
    return ctx.normalizedPath().startsWith("/api/");
  }

  /** An error in the caller's language: JSON for the API, a page for people. */
  public static void error(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    if (isApi(ctx) || acceptsJsonOnly(ctx)) {
      JsonObject body = new JsonObject().put("error", message);
      Object retryAfter = ctx.get("retryAfter");
      if (retryAfter != null) {
        body.put("retryAfter", retryAfter);
      }
      json(ctx, status, body);
    } else {
      Map<String, Object> model = model(ctx, statusTitle(status));
      model.put("status", status);
      model.put("message", message);
      html(ctx, status, "error", model);
    }
  }

  public static void notFound(RoutingContext ctx, String message) {
    error(ctx, 404, message);
  }

  public static void badRequest(RoutingContext ctx, String message) {
    error(ctx, 400, message);
  }

  /** Ends a failed future with a clean error instead of a stack trace. */
  public static <T> void fail(RoutingContext ctx, Future<T> future) {
    future.onFailure(ctx::fail);
  }

  private static boolean acceptsJsonOnly(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  static String statusTitle(int status) {
    return switch (status) {
      case 400 -> "请求有误";
      case 401 -> "请先登录";
      case 403 -> "没有权限";
      case 404 -> "找不到页面";
      case 409 -> "操作冲突";
      case 413 -> "内容太大";
      case 429 -> "操作太频繁";
      default -> status >= 500 ? "服务器出错了" : "出错了";
    };
  }
}
