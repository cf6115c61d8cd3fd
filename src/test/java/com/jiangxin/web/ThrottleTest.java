package com.jiangxin.web;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest {
  private final AtomicLong now = new AtomicLong(5_000_000L);
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

  @Test
  @DisplayName("a million distinct keys never hold more than the bound")
  void bounded() {
    Throttle t = new Throttle(new Throttle.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(15)), 1000, clock);
    for (int i = 0; i < 1_000_000; i++) {
      t.acquire("key-" + i);
      assertTrue(t.size() <= 1001, "size " + t.size());
    }
  }

  @Test
  @DisplayName("parallel attempts on one key are counted one by one: exactly the free ones pass")
  void atomic() throws Exception {
    Throttle t = new Throttle(new Throttle.Policy(5, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(1)), 1000, clock);
    AtomicLong passed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Thread th = new Thread(() -> {
        for (int k = 0; k < 1000; k++) {
          if (t.acquire("same") == 0) {
            passed.incrementAndGet();
          }
        }
      });
      th.start();
      threads.add(th);
    }
    for (Thread th : threads) {
      th.join();
    }
    assertEquals(5, passed.get());
  }

  @Test
  @DisplayName("a plain rate: a burst, then one per interval; refused attempts do not lengthen the wait")
  void rate() {
    Throttle t = new Throttle(Throttle.Policy.rate(3, Duration.ofSeconds(2), Duration.ofMinutes(1)), 100, clock);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, t.acquire("a"));
    }
    assertEquals(2000, t.acquire("a"));
    now.addAndGet(1000);
    assertEquals(1000, t.acquire("a"));
    now.addAndGet(1000);
    assertEquals(0, t.acquire("a"));
    assertEquals(2000, t.acquire("a"));
  }

  @Test
  @DisplayName("every verticle instance of a server gets the same shared throttle")
  void shared() {
    Vertx vertx = Vertx.vertx();
    try {
      Throttle.Policy p = Throttle.Policy.rate(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
      assertSame(Throttle.shared(vertx, "x", p, 10), Throttle.shared(vertx, "x", p, 10));
    } finally {
      vertx.close().await();
    }
  }
}
