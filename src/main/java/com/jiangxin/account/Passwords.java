package com.jiangxin.account;

import io.vertx.ext.auth.hashing.HashingStrategy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Password rules and hashing: PBKDF2-HMAC-SHA512 with a random salt per password, through Vert.x's
 * {@link HashingStrategy}. Hashing is deliberately slow: call it on a worker, never the event loop.
 */
public final class Passwords {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;
  static final String ITERATIONS = "120000";

  private static final HashingStrategy STRATEGY = HashingStrategy.load();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Letters and digits that cannot be confused when read from a printed slip. */
  private static final char[] SLIP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  private Passwords() {
  }

  /** Why a password is not acceptable, if it is not. Length counts characters, never truncates. */
  public static Optional<String> problem(String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("请填写密码。");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("密码至少 " + MIN_LENGTH + " 个字符。");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("密码最多 " + MAX_LENGTH + " 个字符。");
    }
    return Optional.empty();
  }

  /** A salted slow hash. Blocking. */
  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String saltText = Base64.getEncoder().withoutPadding().encodeToString(salt);
    return STRATEGY.hash("pbkdf2", Map.of("it", ITERATIONS), saltText, password);
  }

  /** Checks a password against a stored hash. Blocking. */
  public static boolean verify(String storedHash, String password) {
    try {
      return storedHash != null && password != null && STRATEGY.verify(storedHash, password);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A first password for an imported student: 10 characters, easy to read off a slip. */
  public static String initialPassword() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append(SLIP_ALPHABET[RANDOM.nextInt(SLIP_ALPHABET.length)]);
    }
    return sb.toString();
  }
}
