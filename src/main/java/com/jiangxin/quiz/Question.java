package com.jiangxin.quiz;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One question of a quiz, as loaded from its {@code ## id} section.
 *
 * @param id          stable id, unique in its quiz ({@code [a-z0-9][a-z0-9-]*})
 * @param prompt      the question text
 * @param points      what a full answer is worth (positive)
 * @param example     the canonical name of the cited example the question is about
 * @param evidence    the verbatim passage of the reading that answers it
 * @param paragraph   the number of the reading's paragraph holding the evidence
 * @param explanation why the answer is right, with {@code {p}} already replaced by the paragraph number
 * @param type        the question type, carrying its options, key and grading rule
 * @param level       what the question asks of a reader: recall, understanding or inference
 * @param note        a teacher's note (e.g. where the speech itself is mistaken), or null
 */
public record Question(String id, String prompt, double points, String example, String evidence,
                       int paragraph, String explanation, QuestionType type, Level level,
                       String note) {

  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(example, "example");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(level, "level");
    if (!(points > 0) || Double.isInfinite(points)) {
      throw new IllegalArgumentException("points must be a positive number: " + points);
    }
  }

  /** The type's name, e.g. {@code single}. */
  public String typeName() {
    return type.name();
  }

  public Optional<String> checkShape(Object answer) {
    return type.checkShape(answer);
  }

  /** Why an answer is too long to store (see {@link QuestionType#maxAnswerLength()}), or empty. */
  public Optional<String> checkSize(Object answer) {
    if (answer == null) {
      return Optional.empty();
    }
    int limit = type.maxAnswerLength();
    boolean text = answer instanceof String;
    int length = answer instanceof String s ? s.codePointCount(0, s.length()) : Json.encode(answer).length();
    return length <= limit ? Optional.empty()
        : Optional.of("答案太长了：最多 " + limit + (text ? " 字" : " 个字符") + "，现在 " + length + (text ? " 字" : " 个字符"));
  }

  public Grade grade(Object answer) {
    return type.grade(answer);
  }

  public Object key() {
    return type.key();
  }

  /** This question's answer from the HTML form fields named after its id. */
  public Object fromForm(Function<String, List<String>> param) {
    return type.fromForm(param, id);
  }

  /**
   * What a student sees before any feedback: id, type, prompt, points and the type's options,
   * columns, items or unit. No key, accepted answer, rubric, tolerance, explanation, evidence,
   * paragraph or example (the example's name may itself be the answer).
   */
  public JsonObject studentView() {
    JsonObject view = new JsonObject()
        .put("id", id)
        .put("type", type.name())
        .put("prompt", prompt)
        .put("points", Answers.jsonNumber(points));
    return view.mergeIn(type.studentView());
  }

  /** Everything: the student view plus example, evidence, paragraph, explanation and the key. */
  public JsonObject teacherView() {
    JsonObject view = studentView()
        .put("example", example)
        .put("evidence", evidence)
        .put("paragraph", paragraph)
        .put("explanation", explanation)
        .put("level", level.label())
        .mergeIn(type.teacherExtras());
    if (note != null) {
      view.put("note", note);
    }
    return view;
  }
}
