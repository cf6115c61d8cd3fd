package com.jiangxin.lint;

/** How bad a finding is: an error fails {@code lint}, a warning is only reported. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word printed in a finding, e.g. {@code error}. */
  public String label() {
    return label;
  }
}
