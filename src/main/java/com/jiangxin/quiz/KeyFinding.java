package com.jiangxin.quiz;

import java.util.List;

/**
 * Something a check of the quiz files found in one question, as the answer key page shows it to
 * teachers. The quiz linter ({@code lint/}) produces them; this package only draws them.
 */
public record KeyFinding(boolean error, String rule, String title, int line, String questionId, String message) {

  /** The findings about each reading's quiz. */
  public interface Source {
    /** The findings about one reading's quiz (empty if none). */
    List<KeyFinding> forReading(String readingId);
  }
}
