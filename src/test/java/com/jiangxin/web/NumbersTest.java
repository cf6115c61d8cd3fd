package com.jiangxin.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumbersTest {

  @Test
  @DisplayName("scores read with at most one decimal and never a trailing .0")
  void points() {
    assertEquals("15.7", Numbers.points(15.67));
    assertEquals("2.5", Numbers.points(2.5));
    assertEquals("3", Numbers.points(3.0));
    assertEquals("0", Numbers.points(0.0));
    assertEquals("0", Numbers.points(-0.0));
    assertEquals("1.8", Numbers.points(1.78));
    assertEquals("2", Numbers.points(1.96));
    assertEquals("0.3", Numbers.points(0.25));
    assertEquals("120", Numbers.points(120.0));
    assertEquals("—", Numbers.points(null));
  }

  @Test
  @DisplayName("spreadsheets keep full precision without needless zeros")
  void exact() {
    assertEquals("15.67", Numbers.exact(15.67));
    assertEquals("3", Numbers.exact(3.0));
    assertEquals("0.125", Numbers.exact(0.125));
    assertEquals("", Numbers.exact(null));
  }

  @Test
  @DisplayName("percentages are whole, coefficients keep two decimals with a true minus sign")
  void percentAndCoefficient() {
    assertEquals("63%", Numbers.percent(0.634));
    assertEquals("100%", Numbers.percent(1.0));
    assertEquals("0.42", Numbers.coefficient(0.4213));
    assertEquals("−0.10", Numbers.coefficient(-0.1));
    assertEquals("—", Numbers.percent(null));
  }

  @Test
  @DisplayName("a German or French default locale changes nothing: always a dot, no grouping")
  void localeIndependent() {
    Locale before = Locale.getDefault();
    try {
      for (Locale l : new Locale[] {Locale.GERMANY, Locale.FRANCE, new Locale("ar", "EG")}) {
        Locale.setDefault(l);
        assertEquals("15.7", Numbers.points(15.67));
        assertEquals("1234.5", Numbers.points(1234.5));
        assertEquals("0.42", Numbers.coefficient(0.42));
        assertEquals("15.67", Numbers.exact(15.67));
      }
    } finally {
      Locale.setDefault(before);
    }
  }
}
