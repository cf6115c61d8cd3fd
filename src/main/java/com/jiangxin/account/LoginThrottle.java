package com.jiangxin.account;

import com.jiangxin.config.Config;
import com.jiangxin.web.Throttle;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slows password guessing without letting anyone lock others out. Every login attempt is counted
 * before the password is checked (so parallel attempts cannot slip past the count), under four
 * keys:
 * <ul>
 *   <li><b>account + address</b>: {@value #PAIR_FREE} attempts, then a wait of 1 s doubling to
 *   60 s between attempts. This is the throttle a guesser meets; a classmate on the same school
 *   network slows only that pair, and the owner waits at most a minute.</li>
 *   <li><b>account</b> (from every address): {@value #ACCOUNT_FREE}, then 1 s doubling to 30 s, for
 *   guessing spread over many addresses; beyond it the owner waits at most 30 s between tries.</li>
 *   <li><b>address</b> (for every account): {@value #ADDRESS_FREE}, then 1 s doubling to 10 s, for
 *   one address trying many accounts; a school behind one address waits seconds, never more.</li>
 *   <li><b>address rate</b>: every login, right or wrong, a burst then one per 0.5 s, because each
 *   costs a slow hash.</li>
 * </ul>
 * A right password forgets its pair and takes back its attempt from the account and address
 * counts. Keys are forgotten 15 minutes after their last attempt; usernames over
 * {@value #MAX_USERNAME} characters never reach the throttle. The counts live in Vert.x shared
 * data ({@link Throttle#shared}), one table per server for all its verticle instances.
 */
public final class LoginThrottle {
  static final int MAX_USERNAME = 64;
  static final int PAIR_FREE = 5;
  static final int ACCOUNT_FREE = 20;
  static final int ADDRESS_FREE = 100;
  static final int MAX_KEYS = 50_000;
  private static final Duration FORGET = Duration.ofMinutes(15);

  static final Throttle.Policy PAIR = new Throttle.Policy(PAIR_FREE, Duration.ofSeconds(1), Duration.ofSeconds(60), FORGET);
  static final Throttle.Policy ACCOUNT = new Throttle.Policy(ACCOUNT_FREE, Duration.ofSeconds(1), Duration.ofSeconds(30), FORGET);
  static final Throttle.Policy ADDRESS = new Throttle.Policy(ADDRESS_FREE, Duration.ofSeconds(1), Duration.ofSeconds(10), FORGET);

  private final Throttle pair;
  private final Throttle account;
  private final Throttle address;
  private final Throttle rate;

  LoginThrottle(Throttle pair, Throttle account, Throttle address, Throttle rate) {
    this.pair = pair;
    this.account = account;
    this.address = address;
    this.rate = rate;
  }

  /** The server's login throttle, shared by its verticle instances. */
  public static LoginThrottle shared(Vertx vertx, Config.Limits limits) {
    return new LoginThrottle(
      Throttle.shared(vertx, "login-pair", PAIR, MAX_KEYS),
      Throttle.shared(vertx, "login-account", ACCOUNT, MAX_KEYS),
      Throttle.shared(vertx, "login-address", ADDRESS, MAX_KEYS),
      Throttle.shared(vertx, "login-rate", Throttle.Policy.rate(limits.loginBurstPerAddress(),
        Config.Limits.LOGIN_INTERVAL, Duration.ofMinutes(5)), MAX_KEYS));
  }

  /**
   * Counts an attempt of {@code username} from {@code from} and answers 0, or counts nothing and
   * answers the seconds to wait.
   */
  public long begin(String username, String from) {
    List<Counted> keys = keys(username, from);
    long wait = 0;
    for (Counted k : keys) {
      wait = Math.max(wait, k.throttle.waitMillis(k.key));
    }
    if (wait > 0) {
      return Throttle.seconds(wait);
    }
    List<Counted> taken = new ArrayList<>();
    for (Counted k : keys) {
      long w = k.throttle.acquire(k.key);
      if (w > 0) {
        // another attempt got in between the look and the count: give back what this one took
        taken.forEach(t -> t.throttle.forgive(t.key));
        return Throttle.seconds(w);
      }
      taken.add(k);
    }
    return 0;
  }

  /** The password was right: the pair starts afresh and the attempt does not count as a failure. */
  public void succeeded(String username, String from) {
    pair.reset(pairKey(username, from));
    account.forgive(username);
    address.forgive(from);
  }

  /** The password could not be checked (the server was busy): the try counts for nothing. */
  public void notChecked(String username, String from) {
    pair.forgive(pairKey(username, from));
    account.forgive(username);
    address.forgive(from);
  }

  private record Counted(Throttle throttle, String key) {
  }

  private List<Counted> keys(String username, String from) {
    return List.of(new Counted(rate, from), new Counted(pair, pairKey(username, from)),
      new Counted(account, username), new Counted(address, from));
  }

  private static String pairKey(String username, String from) {
    return username + "\n" + from;
  }
}
