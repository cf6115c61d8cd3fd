package com.jiangxin.results;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How results read on a page and in a spreadsheet: points without needless decimals, China time. */
final class Format {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZONE);
  private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  private Format() {
  }

  /** 3, 2.5, 1.25; an em dash for none. */
  static String points(Double d) {
    if (d == null) {
      return "—";
    }
    double r = Math.round(d * 100) / 100.0;
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    return String.format("%.2f", r).replaceAll("0+$", "");
  }

  /** 0.634 as 63%; an em dash for none. */
  static String percent(Double fraction) {
    return fraction == null ? "—" : Math.round(fraction * 100) + "%";
  }

  /** A correlation to two decimals, e.g. 0.42 or −0.10. */
  static String correlation(Double r) {
    return r == null ? "—" : String.format("%.2f", r).replace('-', '−');
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
