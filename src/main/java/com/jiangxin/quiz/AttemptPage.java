package com.jiangxin.quiz;

import com.jiangxin.web.Numbers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the models of the quiz pages: each question as form controls pre-filled with the saved
 * answer (so a reload or a dropped connection loses nothing), and, on review, its feedback.
 */
final class AttemptPage {
  private AttemptPage() {
  }

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * @param questions the attempt's JSON questions (student view, plus feedback fields when allowed)
   * @param answers   the saved answers by question id
   */
  static List<Map<String, Object>> questions(JsonArray questions, JsonObject answers) {
    List<Map<String, Object>> out = new ArrayList<>();
    int number = 0;
    for (Object o : questions) {
      JsonObject q = (JsonObject) o;
      number++;
      String id = q.getString("id");
      String type = q.getString("type");
      Object answer = answers.getValue(id);
      Map<String, Object> m = new HashMap<>();
      m.put("id", id);
      m.put("number", number);
      m.put("type", type);
      m.put("is_" + type, true);
      m.put("prompt", q.getString("prompt"));
      m.put("points", Numbers.points(q.getDouble("points")));
      m.put("unit", q.getString("unit"));
      m.put("answered", answer != null);
      m.put("field", "q." + id);
      m.put("yourAnswer", describe(q, answer));
      switch (type) {
        case "single", "multiple" -> m.put("options", options(q.getJsonArray("options"), answer, id));
        case "truefalse" -> {
          m.put("isTrue", Boolean.TRUE.equals(answer));
          m.put("isFalse", Boolean.FALSE.equals(answer));
        }
        case "matching" -> m.put("left", matchingRows(q, answer));
        case "ordering" -> m.put("items", orderingRows(q, answer));
        default -> m.put("text", answer == null ? "" : String.valueOf(answer));
      }
      if (q.containsKey("earned")) {
        m.put("feedback", true);
        m.put("correct", q.getBoolean("correct"));
        m.put("pending", q.getBoolean("pending"));
        m.put("earned", Numbers.points(q.getDouble("earned")));
        m.put("partial", !q.getBoolean("correct") && q.getDouble("fraction", 0.0) > 0);
        m.put("rightAnswer", describe(q, q.getValue("answer")));
        m.put("explanation", q.getString("explanation"));
        m.put("note", q.getString("note"));
        m.put("evidence", q.getString("evidence"));
        m.put("paragraph", q.getInteger("paragraph"));
        m.put("evidenceUrl", q.getString("evidenceUrl"));
        m.put("comment", q.getString("comment"));
        m.put("rubric", q.getString("rubric"));
      }
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, Object>> options(JsonArray options, Object answer, String qid) {
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 0;
    for (Object o : options) {
      JsonObject opt = (JsonObject) o;
      String optId = opt.getString("id");
      boolean checked = optId.equals(answer) || (answer instanceof JsonArray arr && arr.contains(optId));
      Map<String, Object> m = new HashMap<>();
      m.put("id", optId);
      m.put("label", i < LETTERS.length() ? String.valueOf(LETTERS.charAt(i)) : optId);
      m.put("text", opt.getString("text"));
      m.put("checked", checked);
      m.put("domId", "q-" + qid + "-" + optId);
      out.add(m);
      i++;
    }
    return out;
  }

  private static List<Map<String, Object>> matchingRows(JsonObject q, Object answer) {
    JsonObject chosen = answer instanceof JsonObject j ? j : new JsonObject();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object o : q.getJsonArray("left")) {
      JsonObject left = (JsonObject) o;
      Map<String, Object> row = new HashMap<>();
      row.put("id", left.getString("id"));
      row.put("text", left.getString("text"));
      row.put("field", "q." + q.getString("id") + "." + left.getString("id"));
      List<Map<String, Object>> choices = new ArrayList<>();
      for (Object r : q.getJsonArray("right")) {
        JsonObject right = (JsonObject) r;
        Map<String, Object> c = new HashMap<>();
        c.put("id", right.getString("id"));
        c.put("text", right.getString("text"));
        c.put("selected", right.getString("id").equals(chosen.getString(left.getString("id"))));
        choices.add(c);
      }
      row.put("choices", choices);
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> orderingRows(JsonObject q, Object answer) {
    JsonArray order = answer instanceof JsonArray a ? a : new JsonArray();
    JsonArray items = q.getJsonArray("items");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object o : items) {
      JsonObject item = (JsonObject) o;
      int position = order.getList().indexOf(item.getString("id")) + 1;
      Map<String, Object> row = new HashMap<>();
      row.put("id", item.getString("id"));
      row.put("text", item.getString("text"));
      row.put("field", "q." + q.getString("id") + "." + item.getString("id"));
      List<Map<String, Object>> positions = new ArrayList<>();
      for (int p = 1; p <= items.size(); p++) {
        Map<String, Object> c = new HashMap<>();
        c.put("n", p);
        c.put("selected", p == position);
        positions.add(c);
      }
      row.put("positions", positions);
      rows.add(row);
    }
    return rows;
  }

  /** An answer in words, for the review page: option texts, pairs, the order, or the text typed. */
  static String describe(JsonObject q, Object answer) {
    if (answer == null) {
      return "（未作答）";
    }
    String type = q.getString("type");
    switch (type) {
      case "single", "multiple" -> {
        List<String> ids = new ArrayList<>();
        if (answer instanceof JsonArray arr) {
          arr.forEach(x -> ids.add(String.valueOf(x)));
        } else {
          ids.add(String.valueOf(answer));
        }
        List<String> parts = new ArrayList<>();
        JsonArray options = q.getJsonArray("options");
        for (int i = 0; i < options.size(); i++) {
          JsonObject opt = options.getJsonObject(i);
          if (ids.contains(opt.getString("id"))) {
            parts.add(LETTERS.charAt(i) + ". " + opt.getString("text"));
          }
        }
        return String.join("；", parts);
      }
      case "truefalse" -> {
        return Boolean.TRUE.equals(answer) ? "对" : "错";
      }
      case "matching" -> {
        if (!(answer instanceof JsonObject pairs)) {
          return String.valueOf(answer);
        }
        List<String> parts = new ArrayList<>();
        for (Object o : q.getJsonArray("left")) {
          JsonObject left = (JsonObject) o;
          String rightId = pairs.getString(left.getString("id"));
          parts.add(left.getString("text") + " → " + textOf(q.getJsonArray("right"), rightId));
        }
        return String.join("；", parts);
      }
      case "ordering" -> {
        if (!(answer instanceof JsonArray order)) {
          return String.valueOf(answer);
        }
        List<String> parts = new ArrayList<>();
        order.forEach(id -> parts.add(textOf(q.getJsonArray("items"), String.valueOf(id))));
        return String.join(" → ", parts);
      }
      default -> {
        String unit = q.getString("unit");
        return String.valueOf(answer) + (unit != null && "numeric".equals(type) ? " " + unit : "");
      }
    }
  }

  private static String textOf(JsonArray choices, String id) {
    if (id == null) {
      return "（未选）";
    }
    for (Object o : choices) {
      JsonObject c = (JsonObject) o;
      if (id.equals(c.getString("id"))) {
        return c.getString("text");
      }
    }
    return id;
  }
}
