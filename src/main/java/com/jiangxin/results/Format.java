package com.jiangxin.results;

import com.jiangxin.web.Times;

/** How results times read on a page and in a spreadsheet ({@link Times}), and JSON rounding; numbers go through {@code Numbers}. */
final class Format {

  private Format() {
  }

  static String time(Long millis) {
    return millis == null ? "—" : Times.brief(millis);
  }

  /** For spreadsheets: {@code 2026-12-01 20:00:00}, China time. */
  static String csvTime(Long millis) {
    return Times.spreadsheet(millis);
  }

  /** Rounds to two decimals for JSON. */
  static Double round2(Double d) {
    return d == null ? null : Math.round(d * 100) / 100.0;
  }

  static Double round3(Double d) {
    return d == null ? null : Math.round(d * 1000) / 1000.0;
  }
}
