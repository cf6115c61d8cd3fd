package com.jiangxin.discussion;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows a student who floods a discussion: more than {@value #LIMIT} posts within
 * {@value #WINDOW_SECONDS} seconds are refused until the oldest leaves the window. Used from the
 * server's one event loop only.
 */
final class PostThrottle {
  static final int LIMIT = 5;
  static final int WINDOW_SECONDS = 30;
  private static final long WINDOW_MS = WINDOW_SECONDS * 1000L;
  private static final int SWEEP_ABOVE = 500;

  private final Map<Long, Deque<Long>> recent = new HashMap<>();
  private final Clock clock;

  PostThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds to wait before the next post, or 0 when one may post now. */
  long retryAfterSeconds(long userId) {
    long now = clock.millis();
    Deque<Long> q = recent.get(userId);
    if (q == null) {
      return 0;
    }
    prune(q, now);
    if (q.isEmpty()) {
      recent.remove(userId);
      return 0;
    }
    if (q.size() < LIMIT) {
      return 0;
    }
    long wait = q.peekFirst() + WINDOW_MS - now;
    return Math.max(1, (wait + 999) / 1000);
  }

  void posted(long userId) {
    long now = clock.millis();
    if (recent.size() > SWEEP_ABOVE) {
      // forget everyone whose posts have all left the window
      recent.values().removeIf(q -> q.isEmpty() || q.peekLast() <= now - WINDOW_MS);
    }
    Deque<Long> q = recent.computeIfAbsent(userId, k -> new ArrayDeque<>());
    prune(q, now);
    q.addLast(now);
  }

  private static void prune(Deque<Long> q, long now) {
    while (!q.isEmpty() && q.peekFirst() <= now - WINDOW_MS) {
      q.pollFirst();
    }
  }
}
