package com.jiangxin.lint;

/**
 * One problem the linter found.
 *
 * @param file       the file as the linter names it
 * @param line       the line the problem is on (1-based)
 * @param severity   error or warning
 * @param rule       the rule's name, e.g. {@code giveaway}
 * @param questionId the question the problem is in, or null for the quiz as a whole
 * @param message    what is wrong, in one line
 */
public record Finding(String file, int line, Severity severity, String rule, String questionId,
                      String message) {

  /** {@code file:line: error[rule]: message}. */
  public String format() {
    return file + ":" + line + ": " + severity.label() + "[" + rule + "]: " + message;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
