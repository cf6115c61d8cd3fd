package com.jiangxin.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after another per key (say, per attempt), so that twenty submits of
 * one attempt in the same second are handled in turn, whichever verticle instance serves each. The
 * turns are Vert.x shared-data locks, one per key, held from the task's start to its end; the task
 * runs on the caller's own context. Across several machines the database's own guarantees
 * (conditional state changes, unique keys) still hold: this only spares them the races.
 */
public final class SerialExecutor {
  /** A task waiting longer than this for its turn fails rather than queue for ever. */
  private static final long WAIT_MS = 30_000;

  private final Vertx vertx;
  private final String name;

  /** @param name keeps the keys of one user of the executor apart from another's */
  public SerialExecutor(Vertx vertx, String name) {
    this.vertx = vertx;
    this.name = "jiangxin.serial." + name + ".";
  }

  public <T> Future<T> run(String key, Supplier<Future<T>> task) {
    return vertx.sharedData().getLocalLockWithTimeout(name + key, WAIT_MS).compose(lock -> {
      Future<T> f;
      try {
        f = task.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      return f.onComplete(ar -> lock.release());
    });
  }
}
