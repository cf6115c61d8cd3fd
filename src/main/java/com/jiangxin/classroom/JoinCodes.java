package com.jiangxin.classroom;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Join codes: six characters that survive being read aloud and typed on a phone. The alphabet has
 * no 0/O, 1/I/L; entry ignores case, spaces and dashes (and full-width forms from a Chinese IME).
 */
public final class JoinCodes {
  public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  public static final int LENGTH = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinCodes() {
  }

  /** A fresh random code. */
  public static String generate() {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** What a person typed, as the stored form: upper case, without spaces, dashes or dots. */
  public static String normalise(String typed) {
    if (typed == null) {
      return "";
    }
    String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
      .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-' && c != '.' && c != '·'
        && Character.getType(c) != Character.DASH_PUNCTUATION)
      .forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** True when a normalised code has the right length and only alphabet characters. */
  public static boolean wellFormed(String normalised) {
    if (normalised.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < normalised.length(); i++) {
      if (ALPHABET.indexOf(normalised.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The code split in two for reading aloud: {@code ABC DEF}. */
  public static String spaced(String code) {
    return code.length() == LENGTH ? code.substring(0, 3) + " " + code.substring(3) : code;
  }
}
