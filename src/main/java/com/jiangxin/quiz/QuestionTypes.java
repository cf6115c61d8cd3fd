package com.jiangxin.quiz;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of question types: the loader, the pages, the report and the demo ask it rather than
 * naming types. Adding a type is one class (a {@link QuestionType} record with its
 * {@link QuestionKind}), its template partial, its tests and one line here.
 */
public final class QuestionTypes {
  /** Every type a quiz file may use after {@code type:}, in the order of the README's table. */
  public static final List<QuestionKind> ALL = List.of(
      SingleChoice.KIND,
      MultipleChoice.KIND,
      TrueFalse.KIND,
      FillIn.KIND,
      Numeric.KIND,
      Matching.KIND,
      Ordering.KIND,
      ShortAnswer.KIND,
      Evidence.KIND);

  private QuestionTypes() {
  }

  /** The type names, in the order of {@link #ALL}. */
  public static List<String> names() {
    return ALL.stream().map(QuestionKind::name).toList();
  }

  public static Optional<QuestionKind> byName(String name) {
    return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The registry entry of a type's record; every record implementing {@link QuestionType} has one. */
  static QuestionKind of(Class<? extends QuestionType> type) {
    return ALL.stream().filter(k -> k.type() == type).findFirst()
        .orElseThrow(() -> new IllegalStateException(type.getName() + " is not in QuestionTypes.ALL"));
  }

  /** What a type is called on a teacher's page (the name itself for an unknown one). */
  public static String label(String name) {
    return byName(name).map(QuestionKind::label).orElse(name);
  }

  /** The short label of the report's item table (the name itself for an unknown one). */
  public static String reportLabel(String name) {
    return byName(name).map(QuestionKind::reportLabel).orElse(name);
  }

  /** Every key any type's block may hold. */
  static Set<String> allKeys() {
    Set<String> keys = new TreeSet<>();
    ALL.forEach(k -> keys.addAll(k.keys()));
    return keys;
  }

  /** Every key that carries an id ({@code option A:}) in some type. */
  static Set<String> labelledKeys() {
    Set<String> keys = new TreeSet<>();
    ALL.forEach(k -> keys.addAll(k.labelledKeys()));
    return keys;
  }
}
