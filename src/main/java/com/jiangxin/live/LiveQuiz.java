package com.jiangxin.live;

import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questions of a reading's quiz that can be answered live (one tap or a short entry on a
 * phone), in quiz order; the others are skipped and named on the projector.
 */
final class LiveQuiz {
  /** Types a class can answer in a minute on a phone. */
  static final Set<String> LIVE_TYPES = Set.of("single", "multiple", "truefalse", "fill", "numeric", "ordering");
  /** Distinct typed answers shown on the projector's histogram; the rest are counted as "其他". */
  static final int MAX_BARS = 6;

  private final Quiz quiz;
  private final Reading reading;
  private final List<Question> questions;
  private final List<Question> skipped;

  LiveQuiz(Quiz quiz, Reading reading) {
    this.quiz = quiz;
    this.reading = reading;
    List<Question> live = new ArrayList<>();
    List<Question> other = new ArrayList<>();
    for (Question q : quiz.questions()) {
      (LIVE_TYPES.contains(q.typeName()) ? live : other).add(q);
    }
    this.questions = List.copyOf(live);
    this.skipped = List.copyOf(other);
  }

  Quiz quiz() {
    return quiz;
  }

  Reading reading() {
    return reading;
  }

  List<Question> questions() {
    return questions;
  }

  int size() {
    return questions.size();
  }

  Question at(int index) {
    return index >= 0 && index < questions.size() ? questions.get(index) : null;
  }

  /** What the projector says about the questions it leaves out. */
  String skippedNote() {
    if (skipped.isEmpty()) {
      return null;
    }
    Set<String> kinds = new java.util.LinkedHashSet<>();
    skipped.forEach(q -> kinds.add(typeLabel(q.typeName())));
    return "跳过 " + skipped.size() + " 道不适合现场作答的题（" + String.join("、", kinds) + "），可留作课后作业。";
  }

  static String typeLabel(String type) {
    return switch (type) {
      case "single" -> "单选";
      case "multiple" -> "多选";
      case "truefalse" -> "判断";
      case "fill" -> "填空";
      case "numeric" -> "数字";
      case "ordering" -> "排序";
      case "matching" -> "配对";
      case "short" -> "简答";
      default -> type;
    };
  }

  /** The question as a phone sees it before the reveal: no key, evidence or example. */
  JsonObject playerQuestion(int index) {
    Question q = at(index);
    return q.studentView().put("index", index).put("count", size()).put("typeLabel", typeLabel(q.typeName()));
  }

  /** The paragraph holding the question's evidence, with the evidence located in it (for the highlight). */
  JsonObject paragraph(Question q) {
    JsonObject p = new JsonObject().put("number", q.paragraph());
    String text = reading == null ? null : reading.paragraph(q.paragraph()).map(Paragraph::text).orElse(null);
    if (text == null) {
      return p.put("before", "").put("evidence", q.evidence()).put("after", "");
    }
    int at = text.indexOf(q.evidence());
    if (at < 0) {
      return p.put("before", text).put("evidence", "").put("after", "").put("text", text);
    }
    return p.put("text", text)
      .put("before", text.substring(0, at))
      .put("evidence", q.evidence())
      .put("after", text.substring(at + q.evidence().length()));
  }

  /** The key in words a class reads on the projector: option texts, true/false, the order. */
  static String keyText(Question q) {
    Object key = q.key();
    JsonObject view = q.studentView();
    JsonArray options = view.getJsonArray("options", view.getJsonArray("items"));
    if ("truefalse".equals(q.typeName())) {
      return Boolean.TRUE.equals(key) ? "对" : "错";
    }
    if (options != null) {
      Map<String, String> text = new LinkedHashMap<>();
      options.forEach(o -> text.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("text")));
      List<Object> ids = key instanceof List<?> l ? new ArrayList<>(l) : key instanceof JsonArray a ? a.getList() : List.of(key);
      List<String> parts = new ArrayList<>();
      for (Object id : ids) {
        parts.add(id + ". " + text.getOrDefault(String.valueOf(id), String.valueOf(id)));
      }
      return String.join("ordering".equals(q.typeName()) ? " → " : "；", parts);
    }
    String unit = view.getString("unit", "");
    return (key instanceof String s ? s : Json.encode(key)) + (unit.isEmpty() ? "" : " " + unit);
  }

  /**
   * How many gave each answer: per option for choice questions (a multiple choice answer counts for
   * every option it picks), per distinct typed answer for the others (the most common first).
   */
  static JsonObject counts(Question q, List<Object> answers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    JsonObject view = q.studentView();
    String type = q.typeName();
    if ("truefalse".equals(type)) {
      counts.put("对", 0);
      counts.put("错", 0);
      answers.forEach(a -> counts.merge(Boolean.TRUE.equals(a) ? "对" : "错", 1, Integer::sum));
    } else if ("single".equals(type) || "multiple".equals(type)) {
      view.getJsonArray("options").forEach(o -> counts.put(((JsonObject) o).getString("id"), 0));
      for (Object a : answers) {
        List<?> picked = a instanceof List<?> l ? l : a instanceof JsonArray arr ? arr.getList() : List.of(a);
        new java.util.LinkedHashSet<>(picked).forEach(id -> counts.computeIfPresent(String.valueOf(id), (k, n) -> n + 1));
      }
    } else {
      Map<String, Integer> typed = new LinkedHashMap<>();
      for (Object a : answers) {
        String text = a instanceof List<?> l ? String.join("-", l.stream().map(String::valueOf).toList())
          : a instanceof JsonArray arr ? String.join("-", arr.getList().stream().map(String::valueOf).toList())
          : String.valueOf(a).strip();
        typed.merge(text.length() > 40 ? text.substring(0, 40) + "…" : text, 1, Integer::sum);
      }
      List<Map.Entry<String, Integer>> sorted = new ArrayList<>(typed.entrySet());
      sorted.sort((x, y) -> y.getValue() - x.getValue());
      int other = 0;
      for (int i = 0; i < sorted.size(); i++) {
        if (i < MAX_BARS) {
          counts.put(sorted.get(i).getKey(), sorted.get(i).getValue());
        } else {
          other += sorted.get(i).getValue();
        }
      }
      if (other > 0) {
        counts.put("其他", other);
      }
    }
    JsonObject out = new JsonObject();
    counts.forEach(out::put);
    return out;
  }
}
