package com.jiangxin.lint;

import com.jiangxin.quiz.AnswerText;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the linter compares texts: both sides folded the same way, so that a key hidden behind
 * quotation marks, full-width letters, spaces or Chinese numerals is still found.
 */
final class Texts {
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");

  private Texts() {
  }

  /**
   * NFKC (full width = half width), lower case, Chinese numerals as digits ({@code 六十四} = 64), and
   * no whitespace, punctuation, title marks or other symbols (a decimal point between digits stays).
   */
  static String fold(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = AnswerText.numeralsToDigits(s);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean decimalPoint = c == '.' && i > 0 && i + 1 < s.length()
          && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
      if (Character.isLetterOrDigit(c) || decimalPoint) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code text} holds {@code key}, both folded (see {@link #containsFolded}). */
  static boolean contains(String text, String key) {
    return containsFolded(fold(text), fold(key));
  }

  /**
   * Whether folded {@code text} holds folded {@code key}, not as part of a longer number: a key that
   * starts or ends with a digit must not touch another digit there ({@code 64} is not in {@code 1964}).
   */
  static boolean containsFolded(String text, String key) {
    if (key.isEmpty()) {
      return false;
    }
    boolean digitStart = Character.isDigit(key.charAt(0));
    boolean digitEnd = Character.isDigit(key.charAt(key.length() - 1));
    for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      int end = at + key.length();
      boolean clearBefore = !digitStart || at == 0 || !isNumberChar(text.charAt(at - 1));
      boolean clearAfter = !digitEnd || end == text.length() || !isNumberChar(text.charAt(end));
      if (clearBefore && clearAfter) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNumberChar(char c) {
    return Character.isDigit(c) || c == '.';
  }

  /**
   * Whether a folded key is too short to look for without false alarms: a single character, or a
   * plain number below 10 (a 3 or a 5 turns up everywhere).
   */
  static boolean tooShort(String folded) {
    if (folded.codePointCount(0, folded.length()) < 2) {
      return true;
    }
    return PLAIN_NUMBER.matcher(folded).matches() && new BigDecimal(folded).abs().compareTo(BigDecimal.TEN) < 0;
  }

  /** Every number in a folded text. */
  static List<BigDecimal> numbers(String folded) {
    List<BigDecimal> found = new ArrayList<>();
    Matcher m = NUMBER.matcher(folded);
    while (m.find()) {
      found.add(new BigDecimal(m.group()));
    }
    return found;
  }

  /** A number as a quiz writes it: {@code 64}, {@code 1.5}. */
  static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  /** A text in Chinese quotation marks, cut to a readable length. */
  static String quote(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return "“" + (oneLine.length() <= 30 ? oneLine : oneLine.substring(0, 30) + "…") + "”";
  }
}
