package com.jiangxin.quiz;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a question asks of a reader, as a quiz file's {@code level:} names it. */
public enum Level {
  /** Find or remember what the text says. */
  RECALL("recall"),
  /** Explain what an example or passage means or argues. */
  UNDERSTAND("understand"),
  /** Draw a conclusion the text does not state in so many words. */
  INFER("infer");

  /** The names a quiz file may use, in order. */
  public static final List<String> NAMES = Arrays.stream(values()).map(Level::label).toList();

  private final String label;

  Level(String label) {
    this.label = label;
  }

  /** The name used in quiz files and JSON. */
  public String label() {
    return label;
  }

  /** The level a quiz file names, if it is one. */
  public static Optional<Level> parse(String text) {
    return Arrays.stream(values()).filter(l -> l.label.equals(text)).findFirst();
  }
}
