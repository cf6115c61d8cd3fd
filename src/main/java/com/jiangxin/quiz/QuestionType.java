package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a kind of question knows: its data (options, pairs, items, accepted answers…), the shape an
 * answer must have, and how to grade an answer to a fraction. What a student may see and when, and
 * the history of attempts, are decided elsewhere.
 *
 * <p>Answers are JSON values as Vert.x decodes them: {@code String}, {@code Boolean},
 * {@code Number}, {@link io.vertx.core.json.JsonArray}, {@link JsonObject}, or {@code null} for
 * "not answered". The same shape is used in a submission and in {@link #key()}.
 */
public sealed interface QuestionType
    permits SingleChoice, MultipleChoice, TrueFalse, FillIn, Numeric, Matching, Ordering, ShortAnswer {

  /** The type names a quiz file may use after {@code type:}, in the order of the spec. */
  List<String> NAMES = List.of(SingleChoice.NAME, MultipleChoice.NAME, TrueFalse.NAME, FillIn.NAME,
      Numeric.NAME, Matching.NAME, Ordering.NAME, ShortAnswer.NAME);

  /** The name used in quiz files and JSON, e.g. {@code single}. */
  String name();

  /**
   * Why an answer does not have this type's shape (e.g. "没有选项 E"), or empty if it does.
   * {@code null} (not answered) always has a valid shape. Messages are in Chinese because they may
   * be shown to the student who typed the answer.
   */
  Optional<String> checkShape(Object answer);

  /**
   * The longest answer this type stores, in characters: of the text typed, for a text answer; of the
   * answer's JSON otherwise. A longer answer is refused before anything is stored.
   */
  default int maxAnswerLength() {
    return 2_000;
  }

  /**
   * The grade of an answer. Never throws: {@code null} or an answer of the wrong shape grades 0.
   */
  Grade grade(Object answer);

  /** The correct answer in exactly the submission shape; for {@code short}, the model answer or null. */
  Object key();

  /** Whether {@link #grade} can give a final grade, or a teacher must grade non-empty answers. */
  default boolean autoGraded() {
    return true;
  }

  /**
   * What a student needs to answer (options, columns, items, unit). Never carries the key, an
   * accepted alternative, a rubric or a tolerance.
   */
  JsonObject studentView();

  /** What a teacher sees besides the student view: answer, accept, rubric, tolerance, unit. */
  JsonObject teacherExtras();

  /**
   * The answer in JSON shape from HTML form fields named after the question id {@code qid}:
   * {@code q.<qid>} (repeated for {@code multiple}), {@code q.<qid>.<leftId>} = right id for
   * {@code matching}, {@code q.<qid>.<itemId>} = position 1..n for {@code ordering}. Blank fields
   * give {@code null}. A value that cannot be converted is passed on as typed, so that
   * {@link #checkShape} can say what is wrong with it.
   *
   * @param param the values of a form field by name (an empty list or null when absent)
   */
  Object fromForm(Function<String, List<String>> param, String qid);
}
