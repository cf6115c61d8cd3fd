package com.jiangxin.classroom;

import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Times;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a teacher sets on an assignment, read from JSON or a form and checked before it is stored.
 * Reading fails with a 400 {@link HttpError} naming the field; {@link #problem} checks the whole.
 */
record AssignmentFields(String readingId, Long opensAt, Long dueAt, int maxAttempts, String feedback,
                        String instructions, boolean shuffle, String keepScore, boolean closed) {
  static final List<String> FEEDBACK = List.of("immediate", "after_due", "never");
  static final List<String> KEEP_SCORE = List.of("best", "latest");
  static final int MAX_ATTEMPTS = 20;
  static final int MAX_INSTRUCTIONS = 2000;
  private static final long EARLIEST = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, Times.ZONE).toInstant().toEpochMilli();
  private static final String ATTEMPTS_RULE = "可作答次数须为 1 到 " + MAX_ATTEMPTS + " 之间的整数。";
  private static final long LATEST = ZonedDateTime.of(2100, 1, 1, 0, 0, 0, 0, Times.ZONE).toInstant().toEpochMilli();

  /**
   * A new assignment's defaults: open now, no due time, one attempt, feedback at once, options
   * shuffled per attempt (so a key letter cannot be passed around), best score.
   */
  static AssignmentFields defaults() {
    return new AssignmentFields(null, null, null, 1, "immediate", null, true, "best", false);
  }

  AssignmentFields withClosed(boolean value) {
    return new AssignmentFields(readingId, opensAt, dueAt, maxAttempts, feedback, instructions, shuffle, keepScore, value);
  }

  /** Why these fields cannot be stored, if they cannot: in words for a page, naming no field id. */
  Optional<String> problem(ReadingCatalog catalog, long teacherId) {
    return check(catalog, teacherId).map(Problem::message);
  }

  /** The same for the API: the message names the JSON fields to fix, e.g. {@code （dueAt、opensAt）}, and their values. */
  Optional<String> apiProblem(ReadingCatalog catalog, long teacherId) {
    return check(catalog, teacherId).map(p -> p.fields().isEmpty() ? p.message()
      : p.message() + "（" + String.join("、", p.fields()) + "）");
  }

  /** A problem in words and the fields it concerns. */
  private record Problem(String message, List<String> fields) {
    static Optional<Problem> of(String message, String... fields) {
      return Optional.of(new Problem(message, List.of(fields)));
    }
  }

  private Optional<Problem> check(ReadingCatalog catalog, long teacherId) {
    if (readingId == null || readingId.isBlank()) {
      return Problem.of("请选择要布置的文章。", "readingId");
    }
    // a teacher's own reading is assignable by that teacher alone
    if (catalog.byId(readingId).isEmpty() || !catalog.assignableBy(readingId, teacherId)) {
      return Problem.of("没有这篇文章：" + clip(readingId) + "。请从文章列表中选一篇。", "readingId");
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      return Problem.of(ATTEMPTS_RULE, "maxAttempts");
    }
    if (!FEEDBACK.contains(feedback)) {
      return Problem.of("请选择学生何时看到对错和解析：交卷后立即、截止后或不公布。", "feedback 须为 immediate、after_due 或 never");
    }
    if (!KEEP_SCORE.contains(keepScore)) {
      return Problem.of("请选择多次作答时取最高分还是最后一次。", "keepScore 须为 best 或 latest");
    }
    if (instructions != null && instructions.codePointCount(0, instructions.length()) > MAX_INSTRUCTIONS) {
      return Problem.of("说明最多 " + MAX_INSTRUCTIONS + " 个字。", "instructions");
    }
    for (Long t : new Long[] {opensAt, dueAt}) {
      if (t != null && (t < EARLIEST || t >= LATEST)) {
        return Problem.of("时间须在 2000 年到 2099 年之间。", t.equals(opensAt) ? "opensAt" : "dueAt");
      }
    }
    if (opensAt != null && dueAt != null && dueAt <= opensAt) {
      return Problem.of("截止时间须晚于开放时间。", "dueAt", "opensAt");
    }
    if ("after_due".equals(feedback) && dueAt == null) {
      return Problem.of("“截止后公布”需要设定截止时间。", "dueAt");
    }
    return Optional.empty();
  }

  /** The fields of a JSON body laid over {@code base}: absent keys keep base's value, null clears. */
  static AssignmentFields fromJson(JsonObject body, AssignmentFields base) {
    return new AssignmentFields(
      body.containsKey("readingId") ? string(body, "readingId") : base.readingId,
      body.containsKey("opensAt") ? time(string(body, "opensAt"), "opensAt", true) : base.opensAt,
      body.containsKey("dueAt") ? time(string(body, "dueAt"), "dueAt", true) : base.dueAt,
      body.containsKey("maxAttempts") ? attempts(body.getValue("maxAttempts"), true) : base.maxAttempts,
      body.containsKey("feedback") ? string(body, "feedback") : base.feedback,
      body.containsKey("instructions") ? instructions(string(body, "instructions")) : base.instructions,
      body.containsKey("shuffle") ? bool(body, "shuffle") : base.shuffle,
      body.containsKey("keepScore") ? string(body, "keepScore") : base.keepScore,
      body.containsKey("closed") ? bool(body, "closed") : base.closed);
  }

  /** The fields of the assignment form; {@code closed} is kept (it has its own buttons). */
  static AssignmentFields fromForm(MultiMap form, boolean closed) {
    return new AssignmentFields(
      blankToNull(form.get("readingId")),
      time(form.get("opensAt"), "opensAt", false),
      time(form.get("dueAt"), "dueAt", false),
      attempts(blankToNull(form.get("maxAttempts")) == null ? "1" : form.get("maxAttempts"), false),
      form.get("feedback") == null ? "immediate" : form.get("feedback"),
      instructions(form.get("instructions")),
      form.contains("shuffle"),
      form.get("keepScore") == null ? "best" : form.get("keepScore"),
      closed);
  }

  private static String string(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw HttpError.badRequest(key + " 须为字符串。");
  }

  private static boolean bool(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v instanceof Boolean b) {
      return b;
    }
    throw HttpError.badRequest(key + " 须为 true 或 false。");
  }

  /** @param api whether the message may name the JSON field (a page's message does not) */
  private static Long time(String text, String field, boolean api) {
    try {
      return Times.parse(text);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(label(field) + (api ? "（" + field + "）" : "") + "：" + e.getMessage());
    }
  }

  private static int attempts(Object v, boolean api) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
      && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    if (v instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      return Integer.parseInt(s.strip());
    }
    throw HttpError.badRequest(api ? ATTEMPTS_RULE + "（maxAttempts）" : ATTEMPTS_RULE);
  }

  private static String instructions(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.strip().replace("\r\n", "\n");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String label(String field) {
    return "opensAt".equals(field) ? "开放时间" : "截止时间";
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
