package com.jiangxin.quiz;

import com.jiangxin.web.Numbers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
    return QuestionTypes.label(typeName);
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
    m.put("answerText", q.type().keyText());
    m.putAll(q.type().keyModel());
    return m;
  }

  /** The key in one line, e.g. {@code B. 深入农村煤窝} or {@code 平凡的世界（也接受：《平凡的世界》）}. */
  public static String answerText(QuestionType type) {
    return type.keyText();
  }
}
