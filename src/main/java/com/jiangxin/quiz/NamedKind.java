package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a {@link QuestionKind} every type fills in the same way: its name, its labels and the
 * keys of its block. A type's {@code Kind} extends this and adds parsing and its form.
 */
abstract class NamedKind implements QuestionKind {
  private final Class<? extends QuestionType> type;
  private final String name;
  private final String label;
  private final String reportLabel;
  private final Set<String> keys;
  private final Set<String> labelledKeys;

  NamedKind(Class<? extends QuestionType> type, String name, String label, String reportLabel, Set<String> keys,
      Set<String> labelledKeys) {
    this.type = type;
    this.name = name;
    this.label = label;
    this.reportLabel = reportLabel;
    this.keys = Set.copyOf(keys);
    this.labelledKeys = Set.copyOf(labelledKeys);
  }

  NamedKind(Class<? extends QuestionType> type, String name, String label, String reportLabel, Set<String> keys) {
    this(type, name, label, reportLabel, keys, Set.of());
  }

  @Override
  public final Class<? extends QuestionType> type() {
    return type;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String label() {
    return label;
  }

  @Override
  public final String reportLabel() {
    return reportLabel;
  }

  @Override
  public final Set<String> keys() {
    return keys;
  }

  @Override
  public final Set<String> labelledKeys() {
    return labelledKeys;
  }

  /** The form of a type answered by typing one line of text: the text typed so far. */
  static Map<String, Object> textForm(Object answer) {
    return Map.of("text", answer == null ? "" : String.valueOf(answer));
  }

  /**
   * The kind of a type answered by ticking options ({@code option A: text} lines and an
   * {@code answer:}): the options as the student sees them, lettered by position.
   */
  abstract static class Choices extends NamedKind {
    Choices(Class<? extends QuestionType> type, String name, String label, String reportLabel) {
      super(type, name, label, reportLabel, Set.of("answer", "option"), Set.of("option"));
    }

    @Override
    public final QuestionType parse(TypeBlock block) {
      return parse(block, block.choices("option", 2), block.require("answer"));
    }

    /** Builds the question from its options and its {@code answer:} line. */
    abstract QuestionType parse(TypeBlock block, List<Choice> options, TypeBlock.Entry answer);

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      return Map.of("options", Choice.formRows(view, answer));
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      return Choice.describeTicked(view, answer);
    }
  }

  /** The kind of a type answered by typing text: a text box, and the review repeats what was typed. */
  abstract static class Text extends NamedKind {
    Text(Class<? extends QuestionType> type, String name, String label, String reportLabel, Set<String> keys) {
      super(type, name, label, reportLabel, keys);
    }

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      return textForm(answer);
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      return String.valueOf(answer);
    }
  }
}
