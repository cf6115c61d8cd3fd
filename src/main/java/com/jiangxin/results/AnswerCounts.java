package com.jiangxin.results;

import com.jiangxin.quiz.AnswerText;
import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.FillIn;
import com.jiangxin.quiz.Matching;
import com.jiangxin.quiz.MultipleChoice;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.Ordering;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.ShortAnswer;
import com.jiangxin.quiz.SingleChoice;
import com.jiangxin.quiz.TrueFalse;
import com.jiangxin.web.Numbers;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The misconception view of one question: how often each answer was given. Choice questions count
 * each option (a multiple-choice answer counts every option ticked); matching counts each pairing;
 * typed answers are grouped after normalising ("三" and "3台" are the same answer 3); open answers
 * are grouped by the points a teacher gave (a score distribution, highest first).
 */
final class AnswerCounts {
  private AnswerCounts() {
  }

  /** Distinct answers as the database grouped them: the answer's JSON, how many gave it, and what it earned. */
  record Given(String json, long count, long pending, double fraction) {
  }

  /** One bar of the view. {@code key} is what the JSON report shows, {@code label} what a person reads. */
  record Count(String key, String label, long count, boolean correct) {
  }

  static final String BLANK_KEY = "";
  static final String BLANK_LABEL = "（未作答）";

  /** The answers to one question, in option order for choice questions, else most frequent first. */
  static List<Count> of(Question q, List<Given> given) {
    Map<String, Count> out = new LinkedHashMap<>();
    if (q.type() instanceof SingleChoice s) {
      s.options().forEach(o -> out.put(o.id(), new Count(o.id(), optionLabel(o), 0, o.id().equals(s.answer()))));
    } else if (q.type() instanceof MultipleChoice m) {
      m.options().forEach(o -> out.put(o.id(), new Count(o.id(), optionLabel(o), 0, m.answer().contains(o.id()))));
    } else if (q.type() instanceof TrueFalse t) {
      out.put("true", new Count("true", "对", 0, t.answer()));
      out.put("false", new Count("false", "错", 0, !t.answer()));
    }
    for (Given g : given) {
      Object answer = decode(g.json());
      if (answer == null || (answer instanceof String s && s.isBlank())) {
        add(out, BLANK_KEY, BLANK_LABEL, g.count(), false);
      } else {
        count(q, g, answer, out);
      }
    }
    List<Count> list = new ArrayList<>(out.values());
    boolean choice = q.type() instanceof SingleChoice || q.type() instanceof MultipleChoice || q.type() instanceof TrueFalse;
    if (choice) {
      // keep option order, but an unanswered count goes last
      list.sort(Comparator.comparing((Count c) -> c.key().equals(BLANK_KEY)));
    } else if (q.type() instanceof ShortAnswer) {
      // a score distribution: highest score first, those still to grade last
      list.sort(Comparator.comparingDouble(AnswerCounts::scoreOf).reversed());
    } else {
      list.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
    }
    return list;
  }

  private static void count(Question q, Given g, Object answer, Map<String, Count> out) {
    boolean right = g.pending() == 0 && g.fraction() >= 0.999;
    if (q.type() instanceof MultipleChoice m) {
      if (answer instanceof JsonArray ticks) {
        for (Object tick : ticks) {
          add(out, String.valueOf(tick), String.valueOf(tick), g.count(), m.answer().contains(String.valueOf(tick)));
        }
      }
    } else if (q.type() instanceof Matching m) {
      if (answer instanceof JsonObject pairs) {
        for (Choice left : m.left()) {
          String rightId = pairs.getString(left.id());
          if (rightId != null) {
            add(out, left.id() + "=" + rightId, left.text() + " → " + textOf(m.right(), rightId), g.count(),
              rightId.equals(m.answer().get(left.id())));
          }
        }
      }
    } else if (q.type() instanceof Ordering o) {
      if (answer instanceof JsonArray order) {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        order.forEach(id -> {
          ids.add(String.valueOf(id));
          texts.add(textOf(o.items(), String.valueOf(id)));
        });
        add(out, String.join(",", ids), String.join(" → ", texts), g.count(), right);
      }
    } else if (q.type() instanceof Numeric n) {
      Optional<BigDecimal> v = n.value(answer);
      String key = v.map(d -> d.stripTrailingZeros().toPlainString())
        .orElse(AnswerText.normalize(String.valueOf(answer)));
      add(out, key, key + (n.unit().isEmpty() || v.isEmpty() ? "" : " " + n.unit()), g.count(), right);
    } else if (q.type() instanceof FillIn) {
      String text = String.valueOf(answer);
      add(out, AnswerText.normalize(text), text.strip(), g.count(), right);
    } else if (q.type() instanceof ShortAnswer) {
      if (g.pending() > 0) {
        add(out, "pending", "待批改", g.pending(), false);
      }
      long graded = g.count() - g.pending();
      if (graded > 0) {
        // open answers differ word by word: what they share is the score they were given
        double points = Math.round(g.fraction() * q.points() * 100) / 100.0;
        add(out, Numbers.exact(points), "得 " + Numbers.points(points) + " 分", graded, g.fraction() >= 0.999);
      }
    } else {
      // single choice and true/false: the answer is the option id or the boolean
      add(out, String.valueOf(answer), String.valueOf(answer), g.count(), right);
    }
  }

  /** An answer in words, for exports and the teacher's view of a student: option texts, pairs, the order, or the text typed. */
  static String describe(Question q, String json) {
    Object answer = decode(json);
    if (answer == null || (answer instanceof String s && s.isBlank())) {
      return BLANK_LABEL;
    }
    if (q.type() instanceof SingleChoice s) {
      return s.options().stream().filter(o -> o.id().equals(answer)).map(AnswerCounts::optionLabel).findFirst()
        .orElse(String.valueOf(answer));
    }
    if (q.type() instanceof MultipleChoice m && answer instanceof JsonArray ticks) {
      List<String> parts = new ArrayList<>();
      m.options().stream().filter(o -> ticks.contains(o.id())).forEach(o -> parts.add(optionLabel(o)));
      return String.join("；", parts);
    }
    if (q.type() instanceof TrueFalse) {
      return Boolean.TRUE.equals(answer) ? "对" : Boolean.FALSE.equals(answer) ? "错" : String.valueOf(answer);
    }
    if (q.type() instanceof Matching m && answer instanceof JsonObject pairs) {
      List<String> parts = new ArrayList<>();
      for (Choice left : m.left()) {
        String rightId = pairs.getString(left.id());
        parts.add(left.text() + " → " + (rightId == null ? "（未选）" : textOf(m.right(), rightId)));
      }
      return String.join("；", parts);
    }
    if (q.type() instanceof Ordering o && answer instanceof JsonArray order) {
      List<String> parts = new ArrayList<>();
      order.forEach(id -> parts.add(textOf(o.items(), String.valueOf(id))));
      return String.join(" → ", parts);
    }
    if (q.type() instanceof Numeric n && answer instanceof Number) {
      return answer + (n.unit().isEmpty() ? "" : " " + n.unit());
    }
    return String.valueOf(answer);
  }

  /** The wrong answer given most often (blank counts as an answer here), or empty. */
  private static double scoreOf(Count c) {
    try {
      return Double.parseDouble(c.key());
    } catch (NumberFormatException notAScore) {
      return -1;
    }
  }

  static Optional<Count> mostCommonWrong(List<Count> counts) {
    return counts.stream().filter(c -> !c.correct() && c.count() > 0 && !"pending".equals(c.key()))
      .max(Comparator.comparingLong(Count::count));
  }

  private static void add(Map<String, Count> out, String key, String label, long n, boolean correct) {
    Count before = out.get(key);
    if (before == null) {
      out.put(key, new Count(key, label, n, correct));
    } else {
      out.put(key, new Count(key, before.label(), before.count() + n, before.correct() || correct));
    }
  }

  private static String optionLabel(Choice o) {
    return o.id() + ". " + o.text();
  }

  private static String textOf(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).map(Choice::text).findFirst().orElse(id);
  }

  static String shorten(String s, int max) {
    return s.codePointCount(0, s.length()) <= max ? s
      : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
  }

  private static Object decode(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.decodeValue(json);
    } catch (RuntimeException e) {
      return json;
    }
  }
}
