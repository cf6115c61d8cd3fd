package com.jiangxin.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one time helper. Times are stored as epoch milliseconds and shown in China time
 * (Asia/Shanghai), whatever the machine's zone and locale. The API speaks ISO-8601; a time typed
 * without an offset (a form's {@code datetime-local}) is China local time.
 */
public final class Times {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("M月d日 EEE HH:mm", Locale.CHINA);
  private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.CHINA);
  private static final DateTimeFormatter YEAR_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
  private static final DateTimeFormatter BRIEF = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.ROOT).withZone(ZONE);
  private static final DateTimeFormatter SPREADSHEET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
    .withZone(ZONE);

  private Times() {
  }

  /** For people: {@code 12月1日 周二 20:00}, with the year when it is not this year. */
  public static String display(Long millis) {
    if (millis == null) {
      return null;
    }
    ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZONE);
    boolean thisYear = t.getYear() == ZonedDateTime.now(ZONE).getYear();
    return (thisYear ? SAME_YEAR : OTHER_YEAR).format(t);
  }

  /** Short, for lists and notes: {@code 12月1日 20:00}, or null. */
  public static String brief(Long millis) {
    return millis == null ? null : BRIEF.format(Instant.ofEpochMilli(millis));
  }

  /** For spreadsheets: {@code 2026-12-01 20:00:00}, or an empty string. */
  public static String spreadsheet(Long millis) {
    return millis == null ? "" : SPREADSHEET.format(Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS));
  }

  /** The start of the China-time day {@code millis} falls in, and of the next day, in epoch ms. */
  public static long[] dayAround(long millis) {
    java.time.LocalDate day = Instant.ofEpochMilli(millis).atZone(ZONE).toLocalDate();
    return new long[] {day.atStartOfDay(ZONE).toInstant().toEpochMilli(),
      day.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli()};
  }

  /** Just the day, for tables: {@code 12月1日}, with the year when it is not this year. */
  public static String date(Long millis) {
    if (millis == null) {
      return null;
    }
    ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZONE);
    boolean thisYear = t.getYear() == ZonedDateTime.now(ZONE).getYear();
    return (thisYear ? DAY : YEAR_DAY).format(t);
  }

  /** For the API: {@code 2026-12-01T20:00:00+08:00}, or null. */
  public static String iso(Long millis) {
    if (millis == null) {
      return null;
    }
    return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).atZone(ZONE).toOffsetDateTime()
      .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The value of a {@code datetime-local} input, in China time, or an empty string. */
  public static String inputValue(Long millis) {
    if (millis == null) {
      return "";
    }
    return INPUT.format(Instant.ofEpochMilli(millis).atZone(ZONE));
  }

  /**
   * Reads an ISO-8601 time with an offset ({@code 2026-12-01T20:00:00+08:00}, {@code ...Z}) or a
   * local one ({@code 2026-12-01T20:00}, read in China time). Blank means no time (null).
   *
   * @throws IllegalArgumentException with a message that shows the expected form
   */
  public static Long parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    try {
      try {
        return OffsetDateTime.parse(s).toInstant().toEpochMilli();
      } catch (DateTimeParseException notOffset) {
        return LocalDateTime.parse(s.replace(' ', 'T')).atZone(ZONE).toInstant().toEpochMilli();
      }
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("时间“" + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
        + "”看不懂：请写成 2026-12-01T20:00 或 2026-12-01T20:00:00+08:00。");
    }
  }
}
