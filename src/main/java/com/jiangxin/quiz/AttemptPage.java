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
      QuestionKind kind = QuestionTypes.byName(type)
          .orElseThrow(() -> new IllegalStateException("no question type " + type));
      Object answer = answers.getValue(id);
      Map<String, Object> m = new HashMap<>(kind.form(q, answer));
      m.put("id", id);
      m.put("number", number);
      m.put("type", type);
      m.put("is_" + type, true);
      m.put("partialName", kind.partial());
      m.put("prompt", q.getString("prompt"));
      m.put("points", Numbers.points(q.getDouble("points")));
      m.put("answered", answer != null);
      m.put("field", "q." + id);
      m.put("yourAnswer", describe(kind, q, answer));
      if (q.containsKey("earned")) {
        m.put("feedback", true);
        m.put("correct", q.getBoolean("correct"));
        m.put("pending", q.getBoolean("pending"));
        m.put("earned", Numbers.points(q.getDouble("earned")));
        m.put("partial", !q.getBoolean("correct") && q.getDouble("fraction", 0.0) > 0);
        m.put("rightAnswer", describe(kind, q, q.getValue("answer")));
        List<Map<String, Object>> marked = kind.marked(q, answer, q.getValue("answer"));
        if (!marked.isEmpty()) {
          m.put("marked", marked);
        }
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

  /** An answer in words, for the review page: option texts, pairs, the order, or the text typed. */
  private static String describe(QuestionKind kind, JsonObject q, Object answer) {
    return answer == null ? "（未作答）" : kind.describe(q, answer);
  }
}
