package com.jiangxin.account;

import com.jiangxin.web.RetryLater;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where passwords are hashed and checked: a few threads of their own and a short queue, shared by
 * every verticle instance. Hashing is slow on purpose, so a flood of logins or registrations must
 * not take the workers the database needs, nor queue without end: when the threads are busy and
 * the queue is full the request is refused with 503 and {@code Retry-After}, without waiting for a
 * thread (see {@link RetryLater#later} for the short pause before the answer).
 */
public final class PasswordHashing {
  private static final String NAME = "jiangxin-password-hashing";

  /** The count of hashes running or waiting, one per Vert.x instance. */
  private static final class InFlight implements Shareable {
    final AtomicInteger count = new AtomicInteger();
  }

  private final Vertx vertx;
  private final WorkerExecutor executor;
  private final AtomicInteger inFlight;
  private final int capacity;
  private final int threads;

  /**
   * @param threads hashes at the same time
   * @param queue   hashes that may wait for a thread
   */
  /** The Vert.x these threads belong to. */
  Vertx vertx() {
    return vertx;
  }

  public PasswordHashing(Vertx vertx, int threads, int queue) {
    this.vertx = vertx;
    this.executor = vertx.createSharedWorkerExecutor(NAME, threads);
    LocalMap<String, InFlight> shared = vertx.sharedData().getLocalMap(NAME);
    this.inFlight = shared.computeIfAbsent("in-flight", k -> new InFlight()).count;
    this.threads = threads;
    this.capacity = threads + queue;
  }

  /** Runs a blocking hash or check on the hashing threads, or fails with 503 when they are full. */
  public <T> Future<T> run(Callable<T> work) {
    int position = inFlight.incrementAndGet();
    if (position > capacity) {
      inFlight.decrementAndGet();
      return refusal();
    }
    return executor.executeBlocking(work, false).andThen(done -> inFlight.decrementAndGet());
  }

  /**
   * Whether a hash would be refused now: a cheap look before the database work that leads to a
   * hash, so a flood that will be shed does not reach the database either.
   */
  public boolean full() {
    return inFlight.get() >= capacity;
  }

  /** The 503 of a full queue, answered after the usual short pause. */
  public <T> Future<T> refusal() {
    // about the time the queue ahead needs to drain, counting a hash as a quarter second
    long seconds = Math.max(1, (capacity / threads + 3) / 4);
    return RetryLater.later(vertx, new RetryLater(503, "服务器正忙，请 " + seconds + " 秒后再试。", seconds));
  }
}
