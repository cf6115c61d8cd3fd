package com.jiangxin.results;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How results times read on a page and in a spreadsheet (China time), and JSON rounding; numbers go through {@code Numbers}. */
final class Format {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZONE);
  private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  private Format() {
  }

  static String time(Long millis) {
    return millis == null ? "—" : TIME.format(Instant.ofEpochMilli(millis));
  }

  /** For spreadsheets: {@code 2026-12-01 20:00:00}, China time. */
  static String csvTime(Long millis) {
    return millis == null ? "" : CSV_TIME.format(Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS));
  }

  /** Rounds to two decimals for JSON. */
  static Double round2(Double d) {
    return d == null ? null : Math.round(d * 100) / 100.0;
  }

  static Double round3(Double d) {
    return d == null ? null : Math.round(d * 1000) / 1000.0;
  }
}
