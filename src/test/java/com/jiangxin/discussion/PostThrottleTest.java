package com.jiangxin.discussion;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostThrottleTest {
  /** A clock the test moves by hand. */
  private static Clock clock(AtomicLong now) {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(now.get());
      }
    };
  }

  @Test
  @DisplayName("five posts in 30 seconds are fine; the sixth waits until the oldest is 30 seconds old")
  void window() {
    AtomicLong now = new AtomicLong(1_000_000);
    PostThrottle throttle = new PostThrottle(clock(now));
    for (int i = 0; i < 5; i++) {
      assertEquals(0, throttle.retryAfterSeconds(7));
      throttle.posted(7);
      now.addAndGet(2_000);
    }
    assertEquals(20, throttle.retryAfterSeconds(7), "the first post was 10 s ago");
    assertEquals(0, throttle.retryAfterSeconds(8), "others are not held back");
    now.addAndGet(20_000);
    assertEquals(0, throttle.retryAfterSeconds(7));
  }
}
