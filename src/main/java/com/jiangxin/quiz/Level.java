package com.jiangxin.quiz;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a question asks of a reader, as a quiz file's {@code level:} names it. */
public enum Level {
  /** Find or remember what the text says. */
  RECALL("recall", "识记"),
  /** Explain what an example or passage means or argues. */
  UNDERSTAND("understand", "理解"),
  /** Draw a conclusion the text does not state in so many words. */
  INFER("infer", "推断");

  /** The names a quiz file may use, in order. */
  public static final List<String> NAMES = Arrays.stream(values()).map(Level::label).toList();

  private final String label;
  private final String chinese;

  Level(String label, String chinese) {
    this.label = label;
    this.chinese = chinese;
  }

  /** The name used in quiz files and JSON. */
  public String label() {
    return label;
  }

  /** What teachers read on the pages, e.g. {@code 理解}. */
  public String chinese() {
    return chinese;
  }

  /** The level a quiz file names, if it is one. */
  public static Optional<Level> parse(String text) {
    return Arrays.stream(values()).filter(l -> l.label.equals(text)).findFirst();
  }
}
