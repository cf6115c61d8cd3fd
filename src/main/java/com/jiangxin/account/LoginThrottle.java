package com.jiangxin.account;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #PER_ACCOUNT} failed logins for one account, or
 * {@value #PER_ADDRESS} from one address, within {@value #WINDOW_MINUTES} minutes, further attempts
 * are refused until the oldest failure leaves the window. A successful login clears the account.
 */
public final class LoginThrottle {
  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 30;
  static final int WINDOW_MINUTES = 15;
  private static final long WINDOW_MS = WINDOW_MINUTES * 60_000L;

  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds to wait before another attempt, or 0 if one may try now. */
  public long retryAfterSeconds(String username, String address) {
    long now = clock.millis();
    long wait = Math.max(waitFor("u:" + username, PER_ACCOUNT, now), waitFor("a:" + address, PER_ADDRESS, now));
    return wait == 0 ? 0 : Math.max(1, (wait + 999) / 1000);
  }

  public void failed(String username, String address) {
    long now = clock.millis();
    record("u:" + username, now);
    record("a:" + address, now);
  }

  public void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private void record(String key, long now) {
    Deque<Long> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (q) {
      prune(q, now);
      q.addLast(now);
    }
  }

  private long waitFor(String key, int limit, long now) {
    Deque<Long> q = failures.get(key);
    if (q == null) {
      return 0;
    }
    synchronized (q) {
      prune(q, now);
      if (q.size() < limit) {
        return 0;
      }
      // the attempt that brings the count below the limit may come once enough old ones expire
      Long[] times = q.toArray(new Long[0]);
      long unlockAt = times[q.size() - limit] + WINDOW_MS;
      return Math.max(0, unlockAt - now);
    }
  }

  private static void prune(Deque<Long> q, long now) {
    while (!q.isEmpty() && q.peekFirst() <= now - WINDOW_MS) {
      q.pollFirst();
    }
  }
}
