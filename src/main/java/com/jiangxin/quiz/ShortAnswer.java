package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

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
  public static final QuestionKind KIND = new Kind();

  public ShortAnswer {
    if (rubric == null || rubric.isBlank()) {
      throw new IllegalArgumentException("a short question needs a rubric");
    }
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
  public JsonObject teacherExtras() {
    JsonObject extras = new JsonObject().put("rubric", rubric);
    return modelAnswer == null ? extras : extras.put("answer", modelAnswer);
  }

  @Override
  public String keyText() {
    return "教师按评分要点批改：" + rubric;
  }

  @Override
  public Map<String, Object> keyModel() {
    return modelAnswer == null ? Map.of("rubric", rubric) : Map.of("rubric", rubric, "modelAnswer", modelAnswer);
  }

  /** Open answers differ word by word: the report groups them by the points a teacher gave instead. */
  @Override
  public List<Tally> tally(Object given, boolean right) {
    return List.of();
  }

  /** An answer for the teacher to grade: the model answer, or the rubric's wording. */
  @Override
  public Object demoRight() {
    return modelAnswer != null ? modelAnswer : rubric;
  }

  @Override
  public Object demoWrong(Random random) {
    return null;
  }

  private static final class Kind extends NamedKind.Text {
    Kind() {
      super(ShortAnswer.class, NAME, "简答题", "开放题", Set.of("answer", "rubric"));
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      TypeBlock.Entry rubric = block.require("rubric");
      String model = block.optionalMaybeEmpty("answer").map(TypeBlock.Entry::text)
          .filter(text -> !text.isEmpty()).orElse(null);
      return block.build(rubric, () -> new ShortAnswer(rubric.text(), model));
    }
  }
}
