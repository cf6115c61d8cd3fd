package com.jiangxin.quiz;

import com.jiangxin.web.RetryLater;

/** A 429: the caller has started as many attempts as allowed for now, and may try again later. */
final class TooManyAttempts extends RetryLater {
  TooManyAttempts(String message, long retryAfterSeconds) {
    super(429, message, retryAfterSeconds);
  }
}
