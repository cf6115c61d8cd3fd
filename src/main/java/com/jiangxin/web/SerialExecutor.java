package com.jiangxin.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after another per key (say, per attempt), so that twenty submits of
 * one attempt in the same second are handled in turn. All calls must come from the same Vert.x
 * context (the server's one verticle), which keeps the map single-threaded.
 */
public final class SerialExecutor {
  private final Map<String, Future<?>> tails = new HashMap<>();

  public <T> Future<T> run(String key, Supplier<Future<T>> task) {
    Future<?> previous = tails.getOrDefault(key, Future.succeededFuture());
    Promise<T> done = Promise.promise();
    Future<T> result = done.future();
    tails.put(key, result);
    previous.onComplete(ignored -> {
      Future<T> f;
      try {
        f = task.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        if (tails.get(key) == result) {
          tails.remove(key);
        }
        done.handle(ar);
      });
    });
    return result;
  }
}
