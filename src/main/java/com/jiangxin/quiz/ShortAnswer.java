package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code short}: a few sentences, graded by a teacher against the rubric. The answer is a string.
 * A non-empty answer grades as pending (fraction 0 until a teacher grades it); an empty or missing
 * one grades 0, not pending. Form field: {@code q.<qid>}.
 *
 * @param rubric      what a full answer contains (for the teacher)
 * @param modelAnswer a reference answer for the teacher, or null
 */
public record ShortAnswer(String rubric, String modelAnswer) implements QuestionType {
  public static final String NAME = "short";

  public ShortAnswer {
    if (rubric == null || rubric.isBlank()) {
      throw new IllegalArgumentException("a short question needs a rubric");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int maxAnswerLength() {
    return 5_000;
  }

  @Override
  public Optional<String> checkShape(Object given) {
    return given == null || given instanceof String ? Optional.empty() : Optional.of("应为一段文字");
  }

  @Override
  public Grade grade(Object given) {
    return given instanceof String s && !s.isBlank() ? Grade.PENDING : Grade.ZERO;
  }

  @Override
  public Object key() {
    return modelAnswer;
  }

  @Override
  public boolean autoGraded() {
    return false;
  }

  @Override
  public JsonObject studentView() {
    return new JsonObject();
  }

  @Override
  public JsonObject teacherExtras() {
    JsonObject extras = new JsonObject().put("rubric", rubric);
    return modelAnswer == null ? extras : extras.put("answer", modelAnswer);
  }

  @Override
  public Object fromForm(Function<String, List<String>> param, String qid) {
    return Answers.first(param, "q." + qid);
  }
}
