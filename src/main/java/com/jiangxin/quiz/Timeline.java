package com.jiangxin.quiz;

import com.jiangxin.web.Numbers;
import com.jiangxin.web.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An attempt's steps as the teacher's page lists them: when (China time), who, what. A run of saves
 * is one line, so a long attempt stays short on a phone.
 */
final class Timeline {
  private Timeline() {
  }

  /** The lines for the steps of the attempt's JSON; question numbers follow the quiz. */
  static List<Map<String, Object>> lines(JsonArray steps, Quiz quiz) {
    List<Map<String, Object>> out = new ArrayList<>();
    int saves = 0;
    for (int i = 0; i < steps.size(); i++) {
      JsonObject s = steps.getJsonObject(i);
      String kind = s.getString("kind");
      if ("saved".equals(kind)) {
        saves++;
        JsonObject next = i + 1 < steps.size() ? steps.getJsonObject(i + 1) : null;
        if (next != null && "saved".equals(next.getString("kind")) && next.getString("by").equals(s.getString("by"))) {
          continue;
        }
      }
      out.add(Map.of("kind", kind, "when", Times.display(s.getLong("at")), "who", who(s.getString("by")),
        "what", what(s, quiz, saves)));
      saves = 0;
    }
    return out;
  }

  private static String who(String by) {
    return "server".equals(by) ? "系统" : by;
  }

  private static String what(JsonObject s, Quiz quiz, int saves) {
    String after = Numbers.points(s.getDouble("scoreAfter"));
    String before = Numbers.points(s.getDouble("scoreBefore"));
    return switch (s.getString("kind")) {
      case "saved" -> saves > 1 ? "保存答案（连续 " + saves + " 次）" : "保存答案";
      case "submitted" -> "交卷，自动评分 " + after + " 分";
      case "auto_submitted" -> "到截止时间，系统按已保存的答案自动提交，自动评分 " + after + " 分";
      case "graded" -> "批改第 " + number(quiz, s.getString("questionId")) + " 题：给 "
        + Numbers.points(s.getDouble("points")) + " 分，总分 " + before + " → " + after;
      case "regraded" -> "重新评分：总分 " + before + " → " + after;
      default -> s.getString("kind");
    };
  }

  private static String number(Quiz quiz, String questionId) {
    int n = quiz.questions().indexOf(quiz.question(questionId).orElse(null));
    return n < 0 ? questionId : Integer.toString(n + 1);
  }
}
