package com.jiangxin.web;

import io.vertx.ext.web.RoutingContext;

/**
 * A refusal that passes: too many attempts (429) or a busy server (503). The answer carries
 * {@code Retry-After} and, in JSON, {@code retryAfter}.
 */
public class RetryLater extends HttpError {
  private final long retryAfterSeconds;

  public RetryLater(int status, String message, long retryAfterSeconds) {
    super(status, message);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Puts the retry hint on the answer if the failure is one of these; call before answering. */
  public static void hint(RoutingContext ctx, Throwable failure) {
    if (failure instanceof RetryLater r && !ctx.response().headWritten()) {
      ctx.response().putHeader("Retry-After", Long.toString(r.retryAfterSeconds));
      ctx.put("retryAfter", r.retryAfterSeconds);
    }
  }
}
