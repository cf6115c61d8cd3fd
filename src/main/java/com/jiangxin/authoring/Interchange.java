package com.jiangxin.authoring;

import com.jiangxin.quiz.Question;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What GIFT and Moodle XML share: which of our types travel, and how what Moodle has no field for
 * (the example, the evidence, the level, a note, a rubric) rides in the general feedback and tags so
 * that our own import restores it.
 */
final class Interchange {
  /** The types both formats carry; {@code ordering} and {@code evidence} have no counterpart. */
  static final Set<String> SHARED = Set.of("single", "multiple", "truefalse", "fill", "short", "numeric", "matching");

  static final String EXPLANATION = "解析：";
  static final String EVIDENCE = "原文：";
  static final String NOTE = "注：";
  static final String RUBRIC = "评分标准：";
  static final String MODEL = "参考答案：";
  private static final List<String> LABELS = List.of(EXPLANATION, EVIDENCE, NOTE, RUBRIC, MODEL);

  static final String TAG_EXAMPLE = "jx-example:";
  static final String TAG_LEVEL = "jx-level:";
  static final String TAG_POINTS = "jx-points:";
  static final String TAG_UNIT = "jx-unit:";

  private Interchange() {
  }

  /** One question read from a file, or why it was left out, with the line it starts on. */
  record Read(int line, JsonObject question, String skipped) {
    static Read ok(int line, JsonObject q) {
      return new Read(line, q, null);
    }

    static Read skip(int line, String reason) {
      return new Read(line, null, reason);
    }
  }

  /** Why a question of this type is left out of an export or an import. */
  static String unsupported(String type) {
    return "evidence".equals(type) ? "找依据题（evidence）在 GIFT / Moodle XML 中没有对应的题型"
      : "ordering".equals(type) ? "排序题（ordering）在 GIFT / Moodle XML 中没有对应的题型"
      : "不支持的题型：" + type;
  }

  /** The general feedback that carries explanation, evidence, note, rubric and model answer. */
  static String generalFeedback(Question q) {
    JsonObject v = q.teacherView();
    List<String> lines = new ArrayList<>();
    lines.add(EXPLANATION + q.explanation());
    lines.add(EVIDENCE + q.evidence());
    if (q.note() != null) {
      lines.add(NOTE + q.note());
    }
    if ("short".equals(q.typeName())) {
      lines.add(RUBRIC + v.getString("rubric"));
      if (v.getString("answer") != null) {
        lines.add(MODEL + v.getString("answer"));
      }
    }
    return String.join("\n", lines);
  }

  /** Tags for what has no field of its own. */
  static List<String> tags(Question q) {
    List<String> tags = new ArrayList<>();
    tags.add(TAG_EXAMPLE + q.example());
    tags.add(TAG_LEVEL + q.level().label());
    tags.add(TAG_POINTS + number(q.points()));
    if (q.teacherView().getString("unit") != null) {
      tags.add(TAG_UNIT + q.teacherView().getString("unit"));
    }
    return tags;
  }

  /** Reads back the labelled lines of a general feedback into the question (unlabelled text is the explanation). */
  static void readFeedback(String feedback, JsonObject q) {
    if (feedback == null || feedback.isBlank()) {
      return;
    }
    Map<String, StringBuilder> parts = new LinkedHashMap<>();
    String current = EXPLANATION;
    for (String line : feedback.split("\r?\n")) {
      String label = LABELS.stream().filter(line.strip()::startsWith).findFirst().orElse(null);
      String text = line;
      if (label != null) {
        current = label;
        text = line.strip().substring(label.length());
      }
      StringBuilder b = parts.computeIfAbsent(current, k -> new StringBuilder());
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(text);
    }
    put(q, "explanation", parts.get(EXPLANATION));
    put(q, "evidence", parts.get(EVIDENCE));
    put(q, "note", parts.get(NOTE));
    put(q, "rubric", parts.get(RUBRIC));
    if (parts.get(MODEL) != null && "short".equals(q.getString("type"))) {
      put(q, "answer", parts.get(MODEL));
    }
  }

  /** Reads our tags back (others are ignored). */
  static void readTags(List<String> tags, JsonObject q) {
    for (String tag : tags) {
      String t = tag.strip();
      if (t.startsWith(TAG_EXAMPLE)) {
        q.put("example", t.substring(TAG_EXAMPLE.length()));
      } else if (t.startsWith(TAG_LEVEL)) {
        q.put("level", t.substring(TAG_LEVEL.length()));
      } else if (t.startsWith(TAG_UNIT)) {
        q.put("unit", t.substring(TAG_UNIT.length()));
      } else if (t.startsWith(TAG_POINTS)) {
        try {
          q.put("points", new BigDecimal(t.substring(TAG_POINTS.length()).strip()).doubleValue());
        } catch (NumberFormatException e) {
          // not ours after all: ignored like any other tag
        }
      }
    }
  }

  private static void put(JsonObject q, String field, StringBuilder text) {
    if (text != null && !text.toString().isBlank()) {
      q.put(field, text.toString().strip());
    }
  }

  /** A number without trailing zeros, at most five decimals (Moodle's weights such as 33.33333). */
  static String number(double d) {
    return new BigDecimal(Double.toString(d)).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** Option ids A, B, C … for the n-th option. */
  static String letter(int i) {
    return i < 26 ? String.valueOf((char) ('A' + i)) : "O" + (i + 1);
  }

  /**
   * Ids for the right column of a matching question: {@code R1…Rn}, given so that no left entry is
   * paired with the right id of its own number (students see the ids).
   */
  static List<String> rightIds(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("R" + (n == 1 ? 1 : (i + 1) % n + 1));
    }
    return ids;
  }
}
