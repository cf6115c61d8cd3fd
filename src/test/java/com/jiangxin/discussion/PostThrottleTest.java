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
  @DisplayName("five posts at once are fine; the sixth waits until 30 seconds after the fifth")
  void window() {
    AtomicLong now = new AtomicLong(1_000_000);
    PostThrottle throttle = new PostThrottle(clock(now));
    for (int i = 0; i < 5; i++) {
      assertEquals(0, throttle.tryPost(7));
      now.addAndGet(2_000);
    }
    assertEquals(28, throttle.tryPost(7), "the fifth post was 2 s ago");
    assertEquals(0, throttle.tryPost(8), "others are not held back");
    now.addAndGet(27_000);
    assertEquals(1, throttle.tryPost(7), "a refused post does not count, nor lengthen the wait");
    now.addAndGet(1_000);
    assertEquals(0, throttle.tryPost(7));
  }
}
