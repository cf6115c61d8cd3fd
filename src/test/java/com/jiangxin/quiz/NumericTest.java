package com.jiangxin.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericTest {
  final Numeric days = new Numeric(new BigDecimal("64"), BigDecimal.ZERO, "天");
  final Numeric width = new Numeric(new BigDecimal("0.3"), new BigDecimal("0.05"), "");

  @Test
  @DisplayName("the exact number earns full marks, as a JSON integer or decimal")
  void exact() {
    assertEquals(Grade.FULL, days.grade(64));
    assertEquals(Grade.FULL, days.grade(64L));
    assertEquals(Grade.FULL, days.grade(64.0));
    assertEquals(Grade.FULL, days.grade(new BigDecimal("64.00")));
  }

  @Test
  @DisplayName("a different number earns nothing when there is no tolerance")
  void wrong() {
    assertEquals(Grade.ZERO, days.grade(65));
    assertEquals(Grade.ZERO, days.grade(63.9));
  }

  @ParameterizedTest(name = "\"{0}\" reads as 64")
  @DisplayName("numeric strings: digits, full-width, Chinese numerals, with or without the unit")
  @ValueSource(strings = {"64", " 64 ", "６４", "六十四", "64天", "六十四天", "64 天", "64.0", "“64”"})
  void strings(String typed) {
    assertEquals(Optional.empty(), days.checkShape(typed));
    assertEquals(Grade.FULL, days.grade(typed));
  }

  @ParameterizedTest(name = "\"{0}\" is not a number of 天")
  @DisplayName("another unit or other text is a shape error and grades 0")
  @ValueSource(strings = {"64年", "大约64", "abc", "", "六十四天左右"})
  void notNumbers(String typed) {
    assertTrue(days.checkShape(typed).isPresent());
    assertEquals(Grade.ZERO, days.grade(typed));
  }

  @Test
  @DisplayName("the shape message names the unit, and the typed text")
  void message() {
    assertEquals(Optional.of("“64年”不是一个数字（单位“天”可写可不写）"), days.checkShape("64年"));
    assertEquals(Optional.of("应为一个数字（单位“天”可写可不写）"), days.checkShape(true));
  }

  @Test
  @DisplayName("a question without a unit accepts no trailing text")
  void noUnit() {
    assertEquals(Grade.ZERO, width.grade("0.3米"));
    assertEquals(Grade.FULL, width.grade("0.3"));
  }

  @Test
  @DisplayName("within the tolerance earns full marks, just outside earns nothing (no float drift)")
  void tolerance() {
    assertEquals(Grade.FULL, width.grade(0.35));
    assertEquals(Grade.FULL, width.grade(0.25));
    assertEquals(Grade.FULL, width.grade(0.1 + 0.2));
    assertEquals(Grade.ZERO, width.grade(0.36));
    assertEquals(Grade.ZERO, width.grade("0.2499"));
  }

  @Test
  @DisplayName("no answer, booleans, arrays, objects, NaN and infinity grade 0 without throwing")
  void malformed() {
    assertEquals(Optional.empty(), days.checkShape(null));
    assertEquals(Grade.ZERO, days.grade(null));
    assertEquals(Grade.ZERO, days.grade(true));
    assertEquals(Grade.ZERO, days.grade(new JsonArray().add(64)));
    assertEquals(Grade.ZERO, days.grade(new JsonObject().put("n", 64)));
    assertEquals(Grade.ZERO, days.grade(Double.NaN));
    assertEquals(Grade.ZERO, days.grade(Double.POSITIVE_INFINITY));
    assertTrue(days.checkShape(Double.NaN).isPresent());
  }

  @Test
  @DisplayName("the key is a plain JSON number; the teacher sees tolerance and unit, the student only the unit")
  void key() {
    assertEquals(64, days.key());
    assertEquals(0.3, width.key());
    assertEquals(Grade.FULL, days.grade(days.key()));
    assertEquals(new JsonObject().put("unit", "天"), days.studentView());
    assertEquals(new JsonObject().put("answer", 64).put("tolerance", 0).put("unit", "天"), days.teacherExtras());
    assertEquals("{\"answer\":0.3,\"tolerance\":0.05}", width.teacherExtras().encode());
  }

  @Test
  @DisplayName("a negative tolerance cannot be built")
  void negativeTolerance() {
    assertThrows(IllegalArgumentException.class, () -> new Numeric(BigDecimal.ONE, new BigDecimal("-1"), ""));
  }
}
