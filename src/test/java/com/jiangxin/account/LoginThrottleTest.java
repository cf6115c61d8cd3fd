package com.jiangxin.account;

import com.jiangxin.web.Throttle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now.get());
    }
  };

  private LoginThrottle throttle() {
    return new LoginThrottle(new Throttle(LoginThrottle.PAIR, 1000, clock), new Throttle(LoginThrottle.ACCOUNT, 1000, clock),
      new Throttle(LoginThrottle.ADDRESS, 1000, clock), new Throttle(Throttle.Policy.rate(1000,
        java.time.Duration.ofMillis(1), java.time.Duration.ofMinutes(1)), 1000, clock));
  }

  @Test
  @DisplayName("after five wrong tries the wait doubles from 1 s, never beyond a minute, and the owner gets in after it")
  void progressiveDelay() {
    LoginThrottle t = throttle();
    for (int i = 0; i < 5; i++) {
      assertEquals(0, t.begin("li", "10.0.0.9"));
    }
    long previous = 0;
    for (int i = 0; i < 12; i++) {
      long wait = t.begin("li", "10.0.0.9");
      assertTrue(wait >= previous && wait <= 60, "wait " + wait);
      previous = wait;
      now.addAndGet(wait * 1000);
      assertEquals(0, t.begin("li", "10.0.0.9"), "after waiting, one more try");
    }
    assertEquals(60, previous, "the wait stops growing at a minute");
    now.addAndGet(60_000);
    assertEquals(0, t.begin("li", "10.0.0.9"));
    t.succeeded("li", "10.0.0.9");
    assertEquals(0, t.begin("li", "10.0.0.9"), "a right password starts the pair afresh");
  }

  @Test
  @DisplayName("guesses spread over many addresses meet the looser per-account ceiling")
  void accountCeiling() {
    LoginThrottle t = throttle();
    for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
      assertEquals(0, t.begin("wang", "10.0.1." + i));
    }
    assertTrue(t.begin("wang", "10.0.2.1") > 0, "one more address, but the account has had enough for now");
    assertEquals(0, t.begin("zhao", "10.0.2.1"), "other accounts are not touched");
  }

  @Test
  @DisplayName("counts are forgotten 15 minutes after the last try")
  void forgotten() {
    LoginThrottle t = throttle();
    for (int i = 0; i < 6; i++) {
      t.begin("chen", "10.0.0.7");
    }
    assertTrue(t.begin("chen", "10.0.0.7") > 0);
    now.addAndGet(15 * 60_000L);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, t.begin("chen", "10.0.0.7"), "a fresh start");
    }
  }
}
