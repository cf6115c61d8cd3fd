package com.jiangxin.results;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatisticsTest {
  /**
   * Four students, three one-point items: A answers all three, B the first two, C the first, D
   * none. By hand (deviations from the mean): item 1 has x = 1,1,1,0 and rest = 2,1,0,0, so
   * Sxy = 0.75, Sxx = 0.75, Syy = 2.75 and r = 0.75 / √(0.75 × 2.75) = 0.5222; item 2 has
   * x = 1,1,0,0 and rest = 2,1,1,0, so r = 1 / √2 = 0.7071; item 3 mirrors item 1.
   */
  private static final double[][] GUTTMAN = {
    {1, 1, 1},
    {1, 1, 0},
    {1, 0, 0},
    {0, 0, 0},
  };

  @Test
  @DisplayName("facility is the mean fraction and discrimination the item–rest correlation, as computed by hand")
  void handComputed() {
    List<Statistics.Item> items = Statistics.items(GUTTMAN, new double[] {1, 1, 1});
    assertEquals(0.75, items.get(0).facility(), 1e-12);
    assertEquals(0.50, items.get(1).facility(), 1e-12);
    assertEquals(0.25, items.get(2).facility(), 1e-12);
    assertEquals(0.75 / Math.sqrt(0.75 * 2.75), items.get(0).discrimination(), 1e-12);
    assertEquals(0.5222, items.get(0).discrimination(), 1e-4);
    assertEquals(0.7071, items.get(1).discrimination(), 1e-4);
    assertEquals(0.5222, items.get(2).discrimination(), 1e-4);
  }

  @Test
  @DisplayName("partial credit counts as a fraction, and a question worth two points weighs double in the rest score")
  void partialCredit() {
    // item 1 is worth 2 points; students earn 2, 1 and 0 of it; item 2 (1 point) is right, right, wrong
    double[][] fractions = {{1.0, 1}, {0.5, 1}, {0.0, 0}};
    List<Statistics.Item> items = Statistics.items(fractions, new double[] {2, 1});
    assertEquals(0.5, items.get(0).facility(), 1e-12);
    assertEquals(2.0 / 3, items.get(1).facility(), 1e-12);
    // item 1: x = 1, .5, 0 against rest = 1, 1, 0 → Sxy = 0.5, Sxx = 0.5, Syy = 0.6667, r = 0.8660
    assertEquals(Math.sqrt(3) / 2, items.get(0).discrimination(), 1e-12);
    // item 2: x = 1, 1, 0 against rest = 2, 1, 0 → r = 0.8660 as well
    assertEquals(Math.sqrt(3) / 2, items.get(1).discrimination(), 1e-12);
  }

  @Test
  @DisplayName("discrimination is undefined when everyone scores the same on the item or there is one student")
  void undefined() {
    List<Statistics.Item> allRight = Statistics.items(new double[][] {{1, 1}, {1, 0}, {1, 1}}, new double[] {1, 1});
    assertEquals(1.0, allRight.get(0).facility());
    assertNull(allRight.get(0).discrimination());
    assertNull(Statistics.Moments.of(new double[] {1}, new double[] {3}).correlation());
    assertNull(Statistics.Moments.EMPTY.meanX());
  }

  @Test
  @DisplayName("the sums the database returns give the same correlation as the paired values")
  void momentsFromSums() {
    Statistics.Moments m = Statistics.Moments.of(new double[] {1, 1, 0, 0}, new double[] {2, 1, 1, 0});
    Statistics.Moments fromSql = new Statistics.Moments(4, 2, 4, 2, 6, 3);
    assertEquals(m, fromSql);
    assertEquals(1 / Math.sqrt(2), fromSql.correlation(), 1e-12);
  }

  @Test
  @DisplayName("a score histogram has one bar per point up to 25 points, and ten bars above that")
  void histogram() {
    List<Statistics.Bin> bins = Statistics.histogram(List.of(0.0, 3.0, 3.5, 19.0, 18.5), 19);
    assertEquals(20, bins.size());
    assertEquals(1, bins.get(0).count());
    assertEquals(2, bins.get(3).count());
    assertEquals(1, bins.get(18).count());
    assertEquals(1, bins.get(19).count(), "full marks get their own bar");
    List<Statistics.Bin> wide = Statistics.histogram(List.of(0.0, 99.0, 100.0, 55.0), 100);
    assertEquals(10, wide.size());
    assertEquals(2, wide.get(9).count());
    assertEquals(1, wide.get(5).count());
    assertEquals(2.0, Statistics.median(List.of(1.0, 3.0, 2.0)));
    assertEquals(2.5, Statistics.median(List.of(1.0, 3.0, 2.0, 4.0)));
  }
}
