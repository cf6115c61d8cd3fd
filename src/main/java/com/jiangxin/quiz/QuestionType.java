package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * What a kind of question knows: its data (options, pairs, items, accepted answers…), the shape an
 * answer must have, and how to grade an answer to a fraction. What a student may see and when, and
 * the history of attempts, are decided elsewhere.
 *
 * <p>Answers are JSON values as Vert.x decodes them: {@code String}, {@code Boolean},
 * {@code Number}, {@link io.vertx.core.json.JsonArray}, {@link JsonObject}, or {@code null} for
 * "not answered". The same shape is used in a submission and in {@link #key()}.
 *
 * <p>A type is one record implementing this interface, with its {@link QuestionKind} (parsing and
 * the quiz page), its template partial and its tests; {@link QuestionTypes} lists them. Every method
 * without a default is a part a new type must supply, and {@code QuestionTypesTest} walks the
 * registry to check the parts the compiler cannot. The defaults are for the common case: one form
 * field, nothing to show but the prompt, the key as the teacher's extra, the answer as typed.
 */
public interface QuestionType {

  /** The type's registry entry: name, labels, parsing, the form on the quiz page. */
  default QuestionKind kind() {
    return QuestionTypes.of(getClass());
  }

  /** The name used in quiz files and JSON, e.g. {@code single}. */
  default String name() {
    return kind().name();
  }

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

  /** Whether an answer was given and has this type's shape, so that {@link #grade} may read it. */
  default boolean answered(Object answer) {
    return answer != null && checkShape(answer).isEmpty();
  }

  /** The correct answer in exactly the submission shape; for {@code short}, the model answer or null. */
  Object key();

  /** Whether {@link #grade} can give a final grade, or a teacher must grade non-empty answers. */
  default boolean autoGraded() {
    return true;
  }

  /**
   * What a student needs to answer (options, columns, items, unit). Never carries the key, an
   * accepted alternative, a rubric or a tolerance. By default nothing: the prompt is all there is.
   */
  default JsonObject studentView() {
    return new JsonObject();
  }

  /**
   * What a teacher sees besides the student view: answer, accept, rubric, tolerance, unit. By
   * default the key as {@code answer}.
   */
  default JsonObject teacherExtras() {
    return new JsonObject().put("answer", key());
  }

  /**
   * The answer in JSON shape from HTML form fields named after the question id {@code qid}:
   * {@code q.<qid>} (repeated for {@code multiple}), {@code q.<qid>.<leftId>} = right id for
   * {@code matching}, {@code q.<qid>.<itemId>} = position 1..n for {@code ordering}. Blank fields
   * give {@code null}. A value that cannot be converted is passed on as typed, so that
   * {@link #checkShape} can say what is wrong with it. By default the one field {@code q.<qid>} as
   * typed.
   *
   * @param param the values of a form field by name (an empty list or null when absent)
   */
  default Object fromForm(Function<String, List<String>> param, String qid) {
    return Answers.first(param, "q." + qid);
  }

  /** The key in one line for a teacher, e.g. {@code B. 深入农村煤窝} or {@code 平凡的世界（也接受：《平凡的世界》）}. */
  String keyText();

  /**
   * What the teacher's answer page shows besides {@link #keyText()}: {@code options} (with
   * {@code correct}), {@code truth}, {@code fill}/{@code accept}, {@code numeric}/{@code tolerance},
   * {@code pairs}/{@code distractors}, {@code order}, {@code rubric}/{@code modelAnswer}; empty to show
   * the key text alone.
   */
  Map<String, Object> keyModel();

  /**
   * A given (non-null) answer in words for a teacher: option ids with their text, pairs, the order;
   * by default the answer as typed.
   */
  default String describe(Object answer) {
    return String.valueOf(answer);
  }

  /**
   * The bars of the report's distribution that one given answer counts towards (a multiple-choice
   * answer counts once per ticked option; a typed answer once, normalised).
   *
   * @param right whether the answer earned full marks as graded
   */
  List<Tally> tally(Object answer, boolean right);

  /**
   * Bars the report shows even when nobody chose them, in display order (every option of a choice
   * question); empty for types whose bars are the answers given, most frequent first.
   */
  default List<Tally> bars() {
    return List.of();
  }

  /** A right answer a simulated student gives (for a teacher-graded type: an answer to grade). */
  default Object demoRight() {
    return key();
  }

  /** A plausible wrong answer a simulated student gives: it must not earn full marks (null: left blank). */
  Object demoWrong(Random random);
}
