package com.jiangxin.quiz;

import com.jiangxin.web.Numbers;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A question with its key made readable for a teacher's page: option letters with their text,
 * pairs, the order, accepted alternatives, tolerance and unit, rubric, and a link to the evidence
 * highlighted in the reading. Only pages that have checked the caller is a teacher use it.
 */
public final class KeyView {
  private KeyView() {
  }

  /** What a question type is called on the page. */
  public static String typeLabel(String typeName) {
    return switch (typeName) {
      case SingleChoice.NAME -> "单选题";
      case MultipleChoice.NAME -> "多选题";
      case TrueFalse.NAME -> "判断题";
      case FillIn.NAME -> "填空题";
      case Numeric.NAME -> "数值题";
      case Matching.NAME -> "配对题";
      case Ordering.NAME -> "排序题";
      case ShortAnswer.NAME -> "简答题";
      default -> typeName;
    };
  }

  /**
   * The evidence as the {@code hl} query value of the reading page, which highlights it: only
   * ASCII letters, digits and %XX escapes.
   */
  private static String encodedQuote(Question q) {
    return URLEncoder.encode(q.evidence(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The template model of one question with its key.
   *
   * @param number the question's position in its quiz, from 1
   */
  public static Map<String, Object> of(String readingId, int number, Question q) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", q.id());
    m.put("number", number);
    m.put("readingId", readingId);
    m.put("type", q.typeName());
    m.put("typeLabel", typeLabel(q.typeName()));
    m.put("points", Numbers.points(q.points()));
    m.put("prompt", q.prompt());
    m.put("example", q.example());
    m.put("evidence", q.evidence());
    m.put("paragraph", q.paragraph());
    // the template builds the link around it: an escaped whole link would turn '=' into &#x3D;
    m.put("evidenceQuote", encodedQuote(q));
    m.put("explanation", q.explanation());
    m.put("level", q.level().chinese());
    m.put("levelName", q.level().label());
    if (q.note() != null) {
      m.put("note", q.note());
    }
    m.put("answerText", answerText(q.type()));
    QuestionType type = q.type();
    if (type instanceof SingleChoice t) {
      m.put("options", options(t.options(), List.of(t.answer())));
    } else if (type instanceof MultipleChoice t) {
      m.put("options", options(t.options(), t.answer()));
    } else if (type instanceof TrueFalse t) {
      m.put("truth", t.answer() ? "正确" : "错误");
    } else if (type instanceof FillIn t) {
      m.put("fill", t.answer());
      if (!t.accept().isEmpty()) {
        m.put("accept", t.accept());
      }
    } else if (type instanceof Numeric t) {
      m.put("numeric", numberText(t.answer()) + (t.unit().isEmpty() ? "" : " " + t.unit()));
      m.put("tolerance", t.tolerance().signum() == 0 ? "须完全相等" : "允许误差 ±" + numberText(t.tolerance()));
    } else if (type instanceof Matching t) {
      m.put("pairs", pairs(t));
      List<Choice> spare = t.right().stream().filter(r -> !t.answer().containsValue(r.id())).toList();
      if (!spare.isEmpty()) {
        m.put("distractors", spare);
      }
    } else if (type instanceof Ordering t) {
      m.put("order", t.answer().stream().map(id -> find(t.items(), id)).toList());
    } else if (type instanceof ShortAnswer t) {
      m.put("rubric", t.rubric());
      if (t.modelAnswer() != null) {
        m.put("modelAnswer", t.modelAnswer());
      }
    }
    return m;
  }

  /** The key in one line, e.g. {@code B. 深入农村煤窝} or {@code 平凡的世界（也接受：《平凡的世界》）}. */
  public static String answerText(QuestionType type) {
    if (type instanceof SingleChoice t) {
      return labelled(find(t.options(), t.answer()));
    }
    if (type instanceof MultipleChoice t) {
      return String.join("；", t.answer().stream().map(id -> labelled(find(t.options(), id))).toList());
    }
    if (type instanceof TrueFalse t) {
      return t.answer() ? "正确" : "错误";
    }
    if (type instanceof FillIn t) {
      return t.answer() + (t.accept().isEmpty() ? "" : "（也接受：" + String.join("、", t.accept()) + "）");
    }
    if (type instanceof Numeric t) {
      String tolerance = t.tolerance().signum() == 0 ? "" : "（允许误差 ±" + numberText(t.tolerance()) + "）";
      return numberText(t.answer()) + (t.unit().isEmpty() ? "" : " " + t.unit()) + tolerance;
    }
    if (type instanceof Matching t) {
      List<String> pairs = new ArrayList<>();
      for (Map<String, Object> p : pairs(t)) {
        pairs.add(((Choice) p.get("left")).text() + " → " + ((Choice) p.get("right")).text());
      }
      return String.join("；", pairs);
    }
    if (type instanceof Ordering t) {
      return String.join(" → ", t.answer().stream().map(id -> find(t.items(), id).text()).toList());
    }
    ShortAnswer t = (ShortAnswer) type;
    return "教师按评分要点批改：" + t.rubric();
  }

  private static List<Map<String, Object>> options(List<Choice> options, List<String> correct) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Choice c : options) {
      Map<String, Object> o = new HashMap<>();
      o.put("id", c.id());
      o.put("text", c.text());
      o.put("correct", correct.contains(c.id()));
      out.add(o);
    }
    return out;
  }

  private static List<Map<String, Object>> pairs(Matching t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Choice left : t.left()) {
      Map<String, Object> p = new HashMap<>();
      p.put("left", left);
      p.put("right", find(t.right(), t.answer().get(left.id())));
      out.add(p);
    }
    return out;
  }

  private static Choice find(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no choice " + id));
  }

  private static String labelled(Choice c) {
    return c.id() + ". " + c.text();
  }

  private static String numberText(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
