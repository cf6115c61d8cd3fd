package com.jiangxin.lint;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one rule on one quiz. */
final class Findings {
  private final String file;
  private final String rule;
  private final List<Finding> found = new ArrayList<>();

  Findings(String file, String rule) {
    this.file = file;
    this.rule = rule;
  }

  void error(int line, String questionId, String message) {
    found.add(new Finding(file, line, Severity.ERROR, rule, questionId, message));
  }

  void warning(int line, String questionId, String message) {
    found.add(new Finding(file, line, Severity.WARNING, rule, questionId, message));
  }

  List<Finding> list() {
    return List.copyOf(found);
  }
}
