package com.jiangxin.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * A refusal that passes: too many attempts (429) or a busy server (503). The answer carries
 * {@code Retry-After} and, in JSON, {@code retryAfter}.
 */
public class RetryLater extends HttpError {
  /**
   * How long a refusal waits before it is answered (or less, when the wait it names is shorter).
   * A client that retries the moment it is refused gets at most one answer a second per
   * connection, so a flood of refusals cannot crowd out everyone else's requests.
   */
  public static final long ANSWER_DELAY_MS = 1000;
  private final long retryAfterSeconds;

  public RetryLater(int status, String message, long retryAfterSeconds) {
    super(status, message);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Fails with the refusal once the answer delay has passed. */
  public static <T> Future<T> later(Vertx vertx, RetryLater refusal) {
    long delay = Math.min(ANSWER_DELAY_MS, refusal.retryAfterSeconds * 1000);
    return vertx.timer(delay).compose(x -> Future.failedFuture(refusal));
  }

  /** Puts the retry hint on the answer if the failure is one of these; call before answering. */
  public static void hint(RoutingContext ctx, Throwable failure) {
    if (failure instanceof RetryLater r && !ctx.response().headWritten()) {
      ctx.response().putHeader("Retry-After", Long.toString(r.retryAfterSeconds));
      ctx.put("retryAfter", r.retryAfterSeconds);
    }
  }
}
