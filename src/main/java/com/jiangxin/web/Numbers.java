package com.jiangxin.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers read, on every page: scores rounded to at most one decimal with no trailing zero
 * (15.67 → 15.7, 2.5 → 2.5, 3.0 → 3), percentages as whole numbers. Spreadsheets keep full
 * precision. Locale-independent: always a dot, never a grouping separator.
 */
public final class Numbers {
  /** What a page shows for a missing number. */
  public static final String NONE = "—";

  private Numbers() {
  }

  /** A score or a number of points for people: 3, 2.5, 15.7; an em dash for none. */
  public static String points(Double d) {
    if (d == null || d.isNaN() || d.isInfinite()) {
      return NONE;
    }
    return plain(BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP));
  }

  /** A score for a spreadsheet: full precision without trailing zeros (15.666667, 3); empty for none. */
  public static String exact(Double d) {
    if (d == null || d.isNaN() || d.isInfinite()) {
      return "";
    }
    return plain(BigDecimal.valueOf(d));
  }

  /** A share (0.634) as a whole percentage (63%); an em dash for none. */
  public static String percent(Double fraction) {
    if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
      return NONE;
    }
    return plain(BigDecimal.valueOf(fraction * 100).setScale(0, RoundingMode.HALF_UP)) + "%";
  }

  /** A coefficient such as a correlation, to two decimals with a true minus sign: 0.42, −0.10. */
  public static String coefficient(Double r) {
    if (r == null || r.isNaN() || r.isInfinite()) {
      return NONE;
    }
    return BigDecimal.valueOf(r).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('-', '−');
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.signum() == 0) {
      return "0";
    }
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }
}
