package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question type as the registry ({@link QuestionTypes}) lists it: its name and labels, the keys of
 * its block in a quiz file and how it builds itself from them, and how the quiz page shows it. Every
 * type declares one of these beside its record; what a question of the type knows once built
 * (grading, key text, report tallies, demo answers…) is in {@link QuestionType}.
 *
 * <p>The page methods work on the student view ({@link QuestionType#studentView()}, in the attempt's
 * display order) rather than on the question itself, so a form can never show more than a student
 * may see.
 */
public interface QuestionKind {

  /** The record that holds a question of this type, e.g. {@code SingleChoice.class}. */
  Class<? extends QuestionType> type();

  /** The name used in quiz files and JSON, e.g. {@code single}. */
  String name();

  /** What the type is called on a teacher's page, e.g. 单选题. */
  String label();

  /** The short label of the report's item table, e.g. 单选. */
  String reportLabel();

  /**
   * The keys of the type's own block, besides the common ones ({@code type}, {@code example},
   * {@code prompt}…), including any labelled key.
   */
  Set<String> keys();

  /** The keys among {@link #keys()} that carry an id, as {@code option A: text} does. */
  default Set<String> labelledKeys() {
    return Set.of();
  }

  /** Builds a question of this type from its block; a problem is thrown as {@code file:line} by the block. */
  QuestionType parse(TypeBlock block);

  /**
   * The model of the type's form partial ({@link #partial()}): the controls pre-filled with the saved
   * answer. The question's common fields (id, number, prompt, field name…) are added by the page.
   *
   * @param view   the question's student view, in the attempt's display order
   * @param answer the saved answer, or null
   */
  Map<String, Object> form(JsonObject view, Object answer);

  /**
   * An answer in words for the student's review page ("A. 勤劳", "对", the order…), read from the
   * student view so that letters follow the order the student saw. Null never reaches it.
   */
  String describe(JsonObject view, Object answer);

  /**
   * The passage the review shows with the student's choice and the key marked: paragraphs of
   * {@code {n, sentences: [{text, chosen, key}]}}; empty for types that show no passage.
   *
   * @param key the key in answer shape (the review's {@code answer} field)
   */
  default List<Map<String, Object>> marked(JsonObject view, Object answer, Object key) {
    return List.of();
  }

  /** The template partial that draws the question's controls, under {@code templates/}. */
  default String partial() {
    return "quiz/types/" + name();
  }
}
