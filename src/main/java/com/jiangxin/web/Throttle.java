package com.jiangxin.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one throttle: a bounded, expiring counter of attempts per key (an address, an account, a
 * pair of both, a user id) with a progressive delay. The first {@code free} attempts go through at
 * once; after that each attempt must wait a delay after the previous one, starting at
 * {@code firstDelay} and doubling up to {@code maxDelay}. Refused attempts are not counted, so
 * hammering does not lengthen the wait. A key is forgotten {@code forgetAfter} after its last
 * attempt; a fixed delay ({@code firstDelay == maxDelay}) makes it a plain rate limit.
 *
 * <p>Counting is atomic per key ({@link ConcurrentHashMap#compute}), so parallel attempts cannot
 * all slip through before the first is counted. Memory is bounded: above {@code maxKeys} keys the
 * forgotten ones are swept, and if that is not enough, arbitrary keys are dropped (an attacker who
 * floods the table with keys can only free the keys of others, never grow the heap). Instances
 * made with {@link #shared} live in Vert.x shared data, so every verticle instance of the server
 * counts into the same table, and in a cluster every node's table hears of the others' counts.
 */
public final class Throttle implements Shareable {
  private static final String SHARED_MAP = "jiangxin.throttles";

  /**
   * How a throttle counts.
   *
   * @param free        attempts allowed at once before any delay
   * @param firstDelay  the wait after the first attempt beyond {@code free}
   * @param maxDelay    the longest wait; the delay doubles up to it
   * @param forgetAfter how long after its last attempt a key starts afresh (at least {@code maxDelay})
   */
  public record Policy(int free, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
    public Policy {
      if (free < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
        || forgetAfter.compareTo(maxDelay) < 0) {
        throw new IllegalArgumentException("inconsistent throttle policy");
      }
    }

    /** At most {@code burst} at once, then one attempt per {@code interval}. */
    public static Policy rate(int burst, Duration interval, Duration forgetAfter) {
      return new Policy(burst, interval, interval, forgetAfter);
    }
  }

  private record Entry(int count, long lastAt, long nextAt) {
  }

  private final Policy policy;
  private final int maxKeys;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicBoolean sweeping = new AtomicBoolean();
  /** The other nodes of a cluster, told of each change; nobody when the server runs alone. */
  private volatile Peers peers = (op, key) -> { };

  @FunctionalInterface
  private interface Peers {
    void tell(String op, String key);
  }

  public Throttle(Policy policy, int maxKeys, Clock clock) {
    this.policy = policy;
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /**
   * The throttle of this name for the whole Vert.x instance, made with the policy on first use;
   * every verticle instance that asks for the name gets the same one.
   */
  public static Throttle shared(Vertx vertx, String name, Policy policy, int maxKeys) {
    LocalMap<String, Throttle> map = vertx.sharedData().getLocalMap(SHARED_MAP);
    Throttle fresh = new Throttle(policy, maxKeys, Clock.systemUTC());
    Throttle existing = map.putIfAbsent(name, fresh);
    if (existing != null) {
      return existing;
    }
    if (vertx.isClustered()) {
      fresh.countWithOtherNodes(vertx, SHARED_MAP + "." + name);
    }
    return fresh;
  }

  /**
   * In a cluster, tells the other nodes what this one counted, forgave or forgot, and counts what
   * they tell: every node then holds the same table, so an account is throttled as one wherever its
   * attempts land. (A burst that lands on two nodes within the same few milliseconds may slip one
   * attempt past each; the waits that follow are shared.)
   */
  private void countWithOtherNodes(Vertx vertx, String address) {
    String origin = UUID.randomUUID().toString();
    vertx.eventBus().<JsonObject>consumer(address, message -> {
      JsonObject change = message.body();
      if (!origin.equals(change.getString("from"))) {
        apply(change.getString("op"), change.getString("key"));
      }
    });
    peers = (op, key) -> vertx.eventBus().publish(address, new JsonObject().put("from", origin).put("op", op).put("key", key));
  }

  /** What another node did to a key. */
  private void apply(String op, String key) {
    if (key == null || op == null) {
      return;
    }
    switch (op) {
      case "count" -> {
        long now = clock.millis();
        entries.compute(key, (k, e) -> {
          Entry live = e == null || expired(e, now) ? new Entry(0, now, now) : e;
          int count = live.count + 1;
          return new Entry(count, now, Math.max(live.nextAt, now + delayAfter(count)));
        });
        if (entries.size() > maxKeys) {
          sweep(now);
        }
      }
      case "forgive" -> forgiveHere(key);
      case "reset" -> entries.remove(key);
      default -> {
        // a newer node's change this one does not know: ignored
      }
    }
  }

  public Policy policy() {
    return policy;
  }

  /** Milliseconds until the key may try again, without counting anything; 0 if it may try now. */
  public long waitMillis(String key) {
    long now = clock.millis();
    Entry e = entries.get(key);
    return e == null || expired(e, now) ? 0 : Math.max(0, e.nextAt - now);
  }

  /**
   * Counts an attempt if the key may make one now and answers 0; otherwise counts nothing and
   * answers the milliseconds to wait.
   */
  public long acquire(String key) {
    long now = clock.millis();
    long[] wait = {0};
    entries.compute(key, (k, e) -> {
      Entry live = e == null || expired(e, now) ? new Entry(0, now, now) : e;
      if (now < live.nextAt) {
        wait[0] = live.nextAt - now;
        return live;
      }
      int count = live.count + 1;
      return new Entry(count, now, now + delayAfter(count));
    });
    if (entries.size() > maxKeys) {
      sweep(now);
    }
    if (wait[0] == 0) {
      peers.tell("count", key);
    }
    return wait[0];
  }

  /** Takes back one counted attempt (a login that turned out right) without lifting a wait already due. */
  public void forgive(String key) {
    forgiveHere(key);
    peers.tell("forgive", key);
  }

  private void forgiveHere(String key) {
    entries.computeIfPresent(key, (k, e) -> e.count <= 1 ? null : new Entry(e.count - 1, e.lastAt, e.nextAt));
  }

  /** Forgets the key altogether. */
  public void reset(String key) {
    entries.remove(key);
    peers.tell("reset", key);
  }

  /** How many keys are held (for tests of the bound). */
  public int size() {
    return entries.size();
  }

  /** Whole seconds for a {@code Retry-After} header: never 0 for a real wait. */
  public static long seconds(long millis) {
    return millis <= 0 ? 0 : Math.max(1, (millis + 999) / 1000);
  }

  private long delayAfter(int count) {
    if (count < policy.free()) {
      return 0;
    }
    int doublings = Math.min(count - policy.free(), 30);
    long delay = policy.firstDelay().toMillis() << doublings;
    return Math.min(delay, policy.maxDelay().toMillis());
  }

  private boolean expired(Entry e, long now) {
    return now - e.lastAt >= policy.forgetAfter().toMillis() && now >= e.nextAt;
  }

  private void sweep(long now) {
    if (!sweeping.compareAndSet(false, true)) {
      return;
    }
    try {
      entries.values().removeIf(e -> expired(e, now));
      int target = maxKeys - maxKeys / 10;
      Iterator<String> keys = entries.keySet().iterator();
      while (entries.size() > target && keys.hasNext()) {
        keys.next();
        keys.remove();
      }
    } finally {
      sweeping.set(false);
    }
  }
}
