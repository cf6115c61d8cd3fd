package com.jiangxin.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: N users, each starting its next iteration as soon as its last one finished
 * (as a class of students does, unlike an open-loop generator that keeps firing at a fixed rate).
 * The first part of the run warms the server up and is not counted; an iteration counts when it
 * starts and ends inside the measured window.
 */
final class ClosedLoop {

  /** One iteration of one user: one request, or a few (start + submit). */
  @FunctionalInterface
  interface Iteration {
    Future<?> run(int user);
  }

  /** What a run measured. */
  record Result(String name, int users, long iterations, long errors, double seconds,
                double p50Millis, double p99Millis, String firstError) {

    double perSecond() {
      return iterations / seconds;
    }
  }

  private ClosedLoop() {
  }

  /** Runs {@code users} loops for {@code warmup + window} and returns the window's figures. */
  static Result run(Vertx vertx, String name, int users, Duration warmup, Duration window, Iteration iteration)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long measureTo = measureFrom + window.toNanos();
    List<List<Long>> latencies = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      latencies.add(new ArrayList<>());
    }
    AtomicLong errors = new AtomicLong();
    String[] firstError = {null};
    CountDownLatch done = new CountDownLatch(users);
    for (int u = 0; u < users; u++) {
      int user = u;
      vertx.runOnContext(v -> loop(iteration, user, measureFrom, measureTo, latencies.get(user), errors,
        firstError, done));
    }
    if (!done.await(warmup.plus(window).toSeconds() + 120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + ": users still waiting two minutes after the window closed");
    }
    List<Long> all = new ArrayList<>();
    synchronized (latencies) {
      latencies.forEach(all::addAll);
    }
    Collections.sort(all);
    return new Result(name, users, all.size(), errors.get(), window.toNanos() / 1e9,
      percentile(all, 0.50), percentile(all, 0.99), firstError[0]);
  }

  private static void loop(Iteration iteration, int user, long measureFrom, long measureTo, List<Long> mine,
                           AtomicLong errors, String[] firstError, CountDownLatch done) {
    long began = System.nanoTime();
    if (began >= measureTo) {
      done.countDown();
      return;
    }
    Future<?> future;
    try {
      future = iteration.run(user);
    } catch (RuntimeException e) {
      future = Future.failedFuture(e);
    }
    future.onComplete(ar -> {
      long ended = System.nanoTime();
      boolean counted = began >= measureFrom && ended <= measureTo;
      if (ar.failed()) {
        if (counted) {
          errors.incrementAndGet();
        }
        synchronized (firstError) {
          if (firstError[0] == null) {
            firstError[0] = String.valueOf(ar.cause().getMessage());
          }
        }
      } else if (counted) {
        synchronized (mine) {
          mine.add(ended - began);
        }
      }
      loop(iteration, user, measureFrom, measureTo, mine, errors, firstError, done);
    });
  }

  private static double percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  /** A promise that fails with a readable message when a response is not what was expected. */
  static <T> Future<T> expect(boolean ok, T value, String what) {
    Promise<T> p = Promise.promise();
    if (ok) {
      p.complete(value);
    } else {
      p.fail(what);
    }
    return p.future();
  }
}
