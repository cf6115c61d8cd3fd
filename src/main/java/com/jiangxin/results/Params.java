package com.jiangxin.results;

import com.jiangxin.web.HttpError;
import com.jiangxin.web.Requests;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reading request parameters with clear 4xx answers, and sending a CSV download. */
final class Params {
  private Params() {
  }

  /** A numeric id from the path; anything else is a 404 (there is no such thing). */
  static long id(RoutingContext ctx, String name) {
    return Requests.id(ctx, name);
  }

  /** An optional whole-number query parameter within bounds; 400 otherwise. */
  static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
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

  static JsonObject jsonBody(RoutingContext ctx) {
    return Requests.jsonBody(ctx);
  }

  /**
   * Answers with what {@code use} does with a future's result, or fails the request; an exception
   * thrown while answering (say, a bad sort parameter) fails the request too instead of leaving it hanging.
   */
  static <T> Handler<AsyncResult<T>> handle(RoutingContext ctx, Consumer<T> use) {
    return ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      try {
        use.accept(ar.result());
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    };
  }

  /** Sends a CSV as a download (UTF-8; the body already starts with a byte-order mark). */
  static void csv(RoutingContext ctx, String fileName, String body) {
    ctx.response()
      .putHeader("Content-Type", CsvExport.CONTENT_TYPE)
      .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
      .putHeader("Cache-Control", "no-store")
      .end(io.vertx.core.buffer.Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }
}
