package com.jiangxin.quiz;

import com.jiangxin.web.HttpError;

/** A 429: the caller has started as many attempts as allowed for now, and may try again later. */
final class TooManyAttempts extends HttpError {
  private final long retryAfterSeconds;

  TooManyAttempts(String message, long retryAfterSeconds) {
    super(429, message);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Seconds until a new attempt is allowed, for the {@code Retry-After} header. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
