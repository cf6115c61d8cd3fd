package com.jiangxin.account;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Who a session id or API token belongs to, remembered for at most {@link #LIFETIME_MS} so that a
 * student's requests do not each ask the database. One cache per node (Vert.x local shared data),
 * shared by every verticle instance on it; bounded to {@link #MAX_ENTRIES}.
 *
 * <p>Revocation: any change to a user's sessions, tokens or account on this node ({@link #revoke})
 * makes every remembered entry stale at once, including lookups still under way when it happened;
 * on other nodes an entry outlives a revocation by at most {@link #LIFETIME_MS}. Entries are keyed
 * by the secret's hash, so one person's entry can only be found with that person's secret.
 */
final class SessionCache {
  /** How long a looked-up user is trusted without asking the database again. */
  static final long LIFETIME_MS = 1_000;
  /** The most entries kept: past this, stale ones are dropped, and if that is not enough, all. */
  static final int MAX_ENTRIES = 20_000;
  private static final String MAP = "jiangxin.session-cache";
  private static final String STATE = "state";

  /** The node's entries and revocation generation, stored once in local shared data. */
  private static final class State implements Shareable {
    final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    final AtomicLong generation = new AtomicLong();
  }

  private record Entry(User user, long generation, long until) {
  }

  private final State state;

  private SessionCache(State state) {
    this.state = state;
  }

  /** This node's cache. */
  static SessionCache of(Vertx vertx) {
    LocalMap<String, State> map = vertx.sharedData().getLocalMap(MAP);
    return new SessionCache(map.computeIfAbsent(STATE, k -> new State()));
  }

  /**
   * The user of a secret: remembered, or looked up with {@code lookup} and remembered unless a
   * revocation happened while it ran. Secrets that belong to nobody are not remembered.
   *
   * @param key the kind of secret and its hash (never the secret itself)
   */
  Future<Optional<User>> get(String key, Supplier<Future<Optional<User>>> lookup) {
    long now = System.currentTimeMillis();
    long generation = state.generation.get();
    Entry e = state.entries.get(key);
    if (e != null && e.generation() == generation && now < e.until()) {
      return Future.succeededFuture(Optional.of(e.user()));
    }
    return lookup.get().onSuccess(found -> {
      if (found.isPresent() && state.generation.get() == generation) {
        if (state.entries.size() >= MAX_ENTRIES) {
          prune(now);
        }
        state.entries.put(key, new Entry(found.get(), generation, now + LIFETIME_MS));
      } else if (e != null) {
        state.entries.remove(key, e);
      }
    });
  }

  private void prune(long now) {
    long generation = state.generation.get();
    state.entries.values().removeIf(x -> x.generation() != generation || x.until() <= now);
    if (state.entries.size() >= MAX_ENTRIES) {
      state.entries.clear();
    }
  }

  /** Forgets everything this node remembers: a session, token or account has just changed. */
  void revoke() {
    state.generation.incrementAndGet();
    state.entries.clear();
  }

  /**
   * Revokes on the node of the calling event-loop thread, for code that has no handle on Vert.x (a
   * static repository method); does nothing elsewhere, where the entries' short life still applies.
   */
  static void revokeHere() {
    Context context = Vertx.currentContext();
    if (context != null) {
      of(context.owner()).revoke();
    }
  }
}
