package com.jiangxin.quiz;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese-aware comparison of typed answers, used by {@code fill} and {@code numeric} questions.
 *
 * <p>{@link #normalize} applies, in order: NFKC (full-width letters, digits and punctuation become
 * half-width); lower case for Latin letters; removal of all whitespace; removal of the title marks
 * 《》〈〉 wherever they are; stripping of punctuation around the answer (ASCII and CJK, e.g.
 * 。，、；：？！“”‘’"'（）【】…—); removal of thousands separators ({@code 5,300}); and Chinese
 * numerals to digits ({@code 六十四} → 64, {@code 两百} → 200, {@code 一百零八} → 108, {@code 十五} → 15,
 * {@code 〇}/{@code 零} → 0, {@code 二〇二三} → 2023, {@code 1.5万} → 15000).
 *
 * <p>{@link #matches} then compares the two normalised texts; when both are a number followed by
 * an optional short unit (at most two characters), they match if the numbers are equal and the
 * units are equal or one of them is left out ({@code 64天} = {@code 64}).
 */
public final class AnswerText {
  private static final String SURROUNDING_PUNCTUATION =
      ".,;:?!\"'()[]{}<>`~"
          + "。，、；：？！“”‘’「」『』（）【】〔〕〖〗《》〈〉…—–·・～〜﹏";
  private static final String TITLE_MARKS = "《》〈〉";
  private static final String CHINESE_DIGITS = "〇零一二两三四五六七八九";
  private static final int[] CHINESE_DIGIT_VALUES = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};
  private static final String SMALL_UNITS = "十百千";
  private static final String BIG_UNITS = "万亿";
  private static final Pattern GROUPING = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)");
  private static final Pattern NUMBER_WITH_UNIT =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+))(\\D{0,2})");

  private AnswerText() {
  }

  /** The comparable form of a typed answer (see the class comment for the steps). */
  public static String normalize(String text) {
    return numeralsToDigits(prepare(text));
  }

  /**
   * Whether a typed answer counts as the expected one: equal after {@link #normalize}, or the same
   * number where one side leaves out the other's unit.
   */
  public static boolean matches(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    String e = normalize(expected);
    String g = normalize(given);
    if (g.isEmpty()) {
      return false;
    }
    if (e.equals(g)) {
      return true;
    }
    Matcher em = NUMBER_WITH_UNIT.matcher(e);
    Matcher gm = NUMBER_WITH_UNIT.matcher(g);
    if (!em.matches() || !gm.matches()) {
      return false;
    }
    boolean sameNumber = new BigDecimal(em.group(1)).compareTo(new BigDecimal(gm.group(1))) == 0;
    String eu = em.group(2);
    String gu = gm.group(2);
    return sameNumber && (eu.equals(gu) || eu.isEmpty() || gu.isEmpty());
  }

  /**
   * A typed number: digits (full-width too) or Chinese numerals, optionally signed ({@code 负} for
   * minus), optionally followed by {@code unit}; empty if the text is anything else.
   */
  public static Optional<BigDecimal> number(String text, String unit) {
    if (text == null) {
      return Optional.empty();
    }
    String s = prepare(text);
    String u = unit == null ? "" : prepare(unit);
    if (!u.isEmpty() && s.length() > u.length() && s.endsWith(u)) {
      s = s.substring(0, s.length() - u.length());
    }
    if (s.startsWith("负")) {
      s = "-" + s.substring(1);
    }
    s = numeralsToDigits(s);
    return NUMBER.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
  }

  /** Every run of Chinese numerals (possibly led by digits, as in {@code 3万}) becomes digits. */
  public static String numeralsToDigits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (!isNumeral(s.charAt(i)) && !isDigit(s.charAt(i))) {
        out.append(s.charAt(i++));
        continue;
      }
      int j = i;
      boolean chinese = false;
      boolean units = false;
      while (j < s.length()) {
        char c = s.charAt(j);
        if (isNumeral(c)) {
          chinese = true;
          units |= SMALL_UNITS.indexOf(c) >= 0 || BIG_UNITS.indexOf(c) >= 0;
        } else if (!isDigit(c) && !(c == '.' && j > i && isDigit(s.charAt(j - 1))
            && j + 1 < s.length() && isDigit(s.charAt(j + 1)))) {
          break;
        }
        j++;
      }
      String run = s.substring(i, j);
      out.append(!chinese ? run : units ? withUnits(run) : digitByDigit(run));
      i = j;
    }
    return out.toString();
  }

  private static String prepare(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder kept = new StringBuilder(s.length());
    s.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
        .filter(cp -> TITLE_MARKS.indexOf(cp) < 0)
        .forEach(kept::appendCodePoint);
    int start = 0;
    int end = kept.length();
    while (start < end && SURROUNDING_PUNCTUATION.indexOf(kept.charAt(start)) >= 0
        && !(kept.charAt(start) == '.' && start + 1 < end && isDigit(kept.charAt(start + 1)))) {
      start++;
    }
    while (end > start && SURROUNDING_PUNCTUATION.indexOf(kept.charAt(end - 1)) >= 0) {
      end--;
    }
    return GROUPING.matcher(kept.substring(start, end)).replaceAll("");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNumeral(char c) {
    return CHINESE_DIGITS.indexOf(c) >= 0 || SMALL_UNITS.indexOf(c) >= 0 || BIG_UNITS.indexOf(c) >= 0;
  }

  private static String digitByDigit(String run) {
    StringBuilder out = new StringBuilder(run.length());
    for (char c : run.toCharArray()) {
      int d = CHINESE_DIGITS.indexOf(c);
      out.append(d >= 0 ? (char) ('0' + CHINESE_DIGIT_VALUES[d]) : c);
    }
    return out.toString();
  }

  /** 六十四, 一百零八, 两万三千, 1.5万: the usual section/unit reading of Chinese numbers. */
  private static String withUnits(String run) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal section = BigDecimal.ZERO;
    BigDecimal number = BigDecimal.ZERO;
    boolean haveNumber = false;
    for (String token : tokens(run)) {
      char c = token.charAt(0);
      if (SMALL_UNITS.indexOf(c) >= 0) {
        BigDecimal unit = BigDecimal.TEN.pow(SMALL_UNITS.indexOf(c) + 1);
        section = section.add((haveNumber ? number : BigDecimal.ONE).multiply(unit));
        number = BigDecimal.ZERO;
        haveNumber = false;
      } else if (c == '万') {
        BigDecimal lead = section.add(number);
        if (lead.signum() == 0 && !haveNumber) {
          lead = BigDecimal.ONE;
        }
        total = total.add(lead.multiply(BigDecimal.TEN.pow(4)));
        section = BigDecimal.ZERO;
        number = BigDecimal.ZERO;
        haveNumber = false;
      } else if (c == '亿') {
        BigDecimal lead = total.add(section).add(number);
        if (lead.signum() == 0 && !haveNumber) {
          lead = BigDecimal.ONE;
        }
        total = lead.multiply(BigDecimal.TEN.pow(8));
        section = BigDecimal.ZERO;
        number = BigDecimal.ZERO;
        haveNumber = false;
      } else {
        number = new BigDecimal(digitByDigit(token));
        haveNumber = true;
      }
    }
    BigDecimal value = total.add(section).add(number);
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /** Splits a numeral run into units and maximal digit strings ({@code 零八} stays one: 08). */
  private static List<String> tokens(String run) {
    List<String> tokens = new ArrayList<>();
    StringBuilder digits = new StringBuilder();
    for (char c : run.toCharArray()) {
      if (SMALL_UNITS.indexOf(c) >= 0 || BIG_UNITS.indexOf(c) >= 0) {
        if (digits.length() > 0) {
          tokens.add(digits.toString());
          digits.setLength(0);
        }
        tokens.add(String.valueOf(c));
      } else {
        digits.append(c);
      }
    }
    if (digits.length() > 0) {
      tokens.add(digits.toString());
    }
    return tokens;
  }
}
