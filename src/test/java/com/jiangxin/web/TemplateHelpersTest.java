package com.jiangxin.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The comparison helpers take quoted strings, numbers and other values alike. */
class TemplateHelpersTest {
  private final Templates templates = new Templates(false);

  @Test
  @DisplayName("eq and ne compare a value with a quoted string, a number or another value without failing")
  void compare() {
    assertEquals("own|three|same", templates.render("web-test/compare",
      Map.of("pian", "自选", "count", 3, "other", "3")).trim());
    assertEquals("built-in|not three|differ", templates.render("web-test/compare",
      Map.of("pian", "篇五", "count", 4, "other", "3")).trim());
  }
}
