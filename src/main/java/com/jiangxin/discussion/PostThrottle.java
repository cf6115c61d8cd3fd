package com.jiangxin.discussion;

import com.jiangxin.web.Throttle;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows a student who floods a discussion: {@value #LIMIT} posts go through at once, then the next
 * waits until {@value #WINDOW_SECONDS} seconds after the last one. Counts live in the shared
 * {@link Throttle}, so every verticle instance counts the same posts.
 */
final class PostThrottle {
  static final int LIMIT = 5;
  static final int WINDOW_SECONDS = 30;
  private static final Duration WINDOW = Duration.ofSeconds(WINDOW_SECONDS);
  private static final Throttle.Policy POLICY = Throttle.Policy.rate(LIMIT, WINDOW, WINDOW);
  private static final int MAX_KEYS = 50_000;

  private final Throttle throttle;

  /** A throttle of its own (for tests), on the given clock. */
  PostThrottle(Clock clock) {
    this(new Throttle(POLICY, MAX_KEYS, clock));
  }

  private PostThrottle(Throttle throttle) {
    this.throttle = throttle;
  }

  /** The server's post throttle, shared by its verticle instances. */
  static PostThrottle shared(Vertx vertx) {
    return new PostThrottle(Throttle.shared(vertx, "posts", POLICY, MAX_KEYS));
  }

  /** Counts a post and answers 0, or counts nothing and answers the seconds to wait. */
  long tryPost(long userId) {
    return Throttle.seconds(throttle.acquire(Long.toString(userId)));
  }
}
