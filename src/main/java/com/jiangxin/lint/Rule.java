package com.jiangxin.lint;

/** One check of the linter, run on each quiz. */
interface Rule {

  /** The name printed in findings, e.g. {@code giveaway}. */
  String name();

  /** What the rule guards, in Chinese, for the teacher's answer key page. */
  String title();

  /** Reports what is wrong with one quiz to {@code out}. */
  void check(LintTarget quiz, Findings out);
}
