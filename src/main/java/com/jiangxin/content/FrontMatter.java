package com.jiangxin.content;

import java.util.ArrayList;
import java.util.List;

/**
 * The one front-matter reader: both content formats (readings and quizzes) open with lines
 * between two {@code ---} lines. This finds them, with their line numbers; each format checks its
 * own keys and words its own messages, always naming file:line.
 */
public final class FrontMatter {
  public static final String FENCE = "---";

  private FrontMatter() {
  }

  /** One line inside the front matter and its 1-based number in the file. */
  public record Line(int number, String text) {
  }

  /**
   * The lines between the opening {@code ---} (line 1) and the closing one.
   *
   * @param closed      whether a closing {@code ---} was found
   * @param closingLine the closing line's number (the last line's when not closed)
   * @param bodyStart   the index in the file's lines where the body starts
   */
  public record Block(List<Line> lines, boolean closed, int closingLine, int bodyStart) {
  }

  /**
   * A file's lines without a byte-order mark or CR line ends; a final newline does not start
   * another line.
   */
  public static List<String> lines(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>(List.of(t.split("\r?\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /**
   * Reads the front matter at the top of {@code lines}.
   *
   * @param notOpened the problem to report at line 1 when the file does not start with {@code ---}
   * @throws ContentException naming {@code file}:1 when the first line is not {@code ---}
   */
  public static Block read(String file, List<String> lines, String notOpened) {
    if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
      throw new ContentException(file, 1, notOpened);
    }
    List<Line> inside = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(FENCE)) {
        return new Block(inside, true, i + 1, i + 1);
      }
      inside.add(new Line(i + 1, lines.get(i)));
    }
    return new Block(inside, false, lines.size(), lines.size());
  }
}
