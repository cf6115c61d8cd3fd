package com.jiangxin.account;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Invite codes for teachers: twelve characters without look-alikes, shown as {@code abcd-efgh-jkmn}
 * (about 59 random bits), typed in any case with or without the dashes. Only their SHA-256 is stored.
 */
public final class InviteCodes {
  private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int LENGTH = 12;
  private static final int MAX_TYPED = 64;

  private InviteCodes() {
  }

  /** A fresh code, grouped by four for reading aloud. */
  public static String generate() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        sb.append('-');
      }
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /** The code as stored (hashed): lower case, without spaces or dashes; empty if it cannot be a code. */
  public static String normalise(String typed) {
    if (typed == null || typed.length() > MAX_TYPED) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    typed.toLowerCase(Locale.ROOT).codePoints()
      .filter(c -> !Character.isWhitespace(c) && c != '-')
      .forEach(sb::appendCodePoint);
    return sb.toString();
  }
}
