package com.jiangxin.lint;

import com.jiangxin.quiz.KeyFinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the linter found in a folder of quizzes.
 *
 * @param findings  everything, load errors first, then quiz by quiz in file order
 * @param byReading the findings about each quiz, by its reading id (load errors have no quiz)
 */
public record LintReport(List<Finding> findings, Map<String, List<Finding>> byReading) {

  public LintReport {
    findings = List.copyOf(findings);
    Map<String, List<Finding>> copy = new LinkedHashMap<>();
    byReading.forEach((id, list) -> copy.put(id, List.copyOf(list)));
    byReading = Collections.unmodifiableMap(copy);
  }

  public long errors() {
    return findings.stream().filter(Finding::isError).count();
  }

  public long warnings() {
    return findings.size() - errors();
  }

  /** The findings about one reading's quiz (empty if none). */
  public List<Finding> forReading(String readingId) {
    return byReading.getOrDefault(readingId, List.of());
  }

  /** The findings as the answer key page shows them. */
  public KeyFinding.Source forKeyPage() {
    return readingId -> forReading(readingId).stream()
      .map(f -> new KeyFinding(f.isError(), f.rule(), QuizLinter.title(f.rule()), f.line(), f.questionId(), f.message()))
      .toList();
  }
}
