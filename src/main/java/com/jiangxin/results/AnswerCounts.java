package com.jiangxin.results;

import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Tally;
import com.jiangxin.web.Numbers;
import io.vertx.core.json.Json;

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
    List<Tally> bars = q.type().bars();
    bars.forEach(b -> out.put(b.key(), new Count(b.key(), b.label(), 0, b.correct())));
    for (Given g : given) {
      Object answer = decode(g.json());
      if (answer == null || (answer instanceof String s && s.isBlank())) {
        add(out, BLANK_KEY, BLANK_LABEL, g.count(), false);
      } else {
        count(q, g, answer, out);
      }
    }
    List<Count> list = new ArrayList<>(out.values());
    if (!bars.isEmpty()) {
      // keep option order, but an unanswered count goes last
      list.sort(Comparator.comparing((Count c) -> c.key().equals(BLANK_KEY)));
    } else if (!q.type().autoGraded()) {
      // a score distribution: highest score first, those still to grade last
      list.sort(Comparator.comparingDouble(AnswerCounts::scoreOf).reversed());
    } else {
      list.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
    }
    return list;
  }

  private static void count(Question q, Given g, Object answer, Map<String, Count> out) {
    if (!q.type().autoGraded()) {
      if (g.pending() > 0) {
        add(out, "pending", "待批改", g.pending(), false);
      }
      long graded = g.count() - g.pending();
      if (graded > 0) {
        // open answers differ word by word: what they share is the score they were given
        double points = Math.round(g.fraction() * q.points() * 100) / 100.0;
        add(out, Numbers.exact(points), "得 " + Numbers.points(points) + " 分", graded, g.fraction() >= 0.999);
      }
      return;
    }
    boolean right = g.pending() == 0 && g.fraction() >= 0.999;
    for (Tally t : q.type().tally(answer, right)) {
      add(out, t.key(), t.label(), g.count(), t.correct());
    }
  }

  /** An answer in words, for exports and the teacher's view of a student: option texts, pairs, the order, or the text typed. */
  static String describe(Question q, String json) {
    Object answer = decode(json);
    if (answer == null || (answer instanceof String s && s.isBlank())) {
      return BLANK_LABEL;
    }
    return q.type().describe(answer);
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
