package com.jiangxin.web;

import com.jiangxin.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router every feature mounts on: security headers, a request body limit per route, static files
 * from {@code webroot/} under {@code /static/}, and one place where failures become clean answers
 * (never a stack trace).
 */
public final class WebSetup {
  private static final Logger LOG = LoggerFactory.getLogger(WebSetup.class);
  /** The largest body any route takes (a roster CSV of a whole school); see {@link BodyLimits}. */
  public static final long MAX_BODY = BodyLimits.ROSTER;

  private WebSetup() {
  }

  /**
   * The HTTP server's options. A form field may be as large as the largest body limit (each route's
   * own limit still holds): the default 8 KB refuses a 2000-character Chinese post typed into a
   * page's form (9 bytes a character once encoded). A connection with nothing read or written for
   * the idle timeout is closed; live updates write a heartbeat well within it. Cleartext HTTP/2
   * stays off: while the server waits to tell it from HTTP/1 a connection has no handler at all,
   * so no cap or timeout could reach one that sends a few bytes and stops.
   */
  public static HttpServerOptions serverOptions(Config.Limits limits) {
    return new HttpServerOptions().setMaxFormAttributeSize((int) MAX_BODY)
      .setIdleTimeout(limits.idleTimeoutSeconds())
      .setHttp2ClearTextEnabled(false);
  }

  public static Router baseRouter(Vertx vertx, Templates templates) {
    Router router = Router.router(vertx);
    // each router carries its own templates to its pages: nothing global for servers to overwrite
    router.route().handler(ctx -> ctx.put(Web.TEMPLATES, templates).next());
    router.route().handler(new SecurityHeaders());
    router.route().handler(new BodyLimits());
    if (!templates.live()) {
      // from memory, with ETags, gzip and year-long caching of versioned addresses (see Assets)
      router.route("/static/*").handler(templates.assets());
    }
    // in dev mode the files as they are edited; otherwise only what Assets does not hold (a 404)
    router.route("/static/*").handler(StaticHandler.create("webroot")
      .setDirectoryListing(false)
      .setIncludeHidden(false)
      .setCachingEnabled(true)
      .setMaxAgeSeconds(3600));
    // browsers that ignore the page's icon link still ask for /favicon.ico
    router.get("/favicon.ico").handler(ctx -> ctx.redirect("/static/favicon.svg"));
    router.route().failureHandler(WebSetup::onFailure);
    return router;
  }

  /** The last route: anything no feature answered. */
  public static void mountFallback(Router router) {
    router.route().handler(ctx -> Web.notFound(ctx, "没有这个页面：" + ctx.normalizedPath()));
  }

  private static void onFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    RetryLater.hint(ctx, failure);
    String message;
    if (failure instanceof HttpError e) {
      status = e.status();
      message = e.getMessage();
    } else if (failure instanceof HttpException e) {
      status = e.getStatusCode();
      message = e.getPayload() != null ? e.getPayload() : Web.statusTitle(status);
    } else if (failure instanceof DecodeException || failure instanceof ClassCastException) {
      status = 400;
      message = "请求内容不是有效的 JSON，或字段类型不对。";
    } else if (failure instanceof java.io.IOException && String.valueOf(failure.getMessage()).contains("Size exceed")) {
      // a form field over the server's limit (see serverOptions)
      status = 413;
      message = "提交的内容太大了。";
    } else if (failure == null && status >= 400 && status < 500) {
      message = status == 413 ? "提交的内容太大了。" : Web.statusTitle(status);
    } else {
      status = 500;
      message = "服务器出错了，请稍后再试。";
      LOG.error("Unhandled failure on {} {}", ctx.request().method(), ctx.normalizedPath(), failure);
    }
    if (status == 413) {
      message = "提交的内容太大了：这里最多收 " + BodyLimits.describe(BodyLimits.limitOf(ctx)) + "。";
    }
    Web.error(ctx, status, message);
  }
}
