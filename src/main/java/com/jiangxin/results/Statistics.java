package com.jiangxin.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Classical item statistics, as Moodle's quiz statistics report computes them. An item's
 * <em>facility</em> is the mean of its score as a fraction of its points (the share answered
 * correctly, with partial credit); its <em>discrimination</em> is the Pearson correlation of that
 * item score with the rest-of-test score (the attempt's total minus this item's points), so a
 * question does not correlate with itself.
 */
public final class Statistics {
  private Statistics() {
  }

  /**
   * The running sums a correlation needs; the database computes them with {@code GROUP BY}, so
   * no row leaves SQL. {@code x} is the item score (fraction), {@code y} the rest-of-test score.
   */
  public record Moments(long n, double sx, double sy, double sxx, double syy, double sxy) {
    public static final Moments EMPTY = new Moments(0, 0, 0, 0, 0, 0);

    /** The sums of paired values (tests and small data sets). */
    public static Moments of(double[] x, double[] y) {
      if (x.length != y.length) {
        throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
      }
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double syy = 0;
      double sxy = 0;
      for (int i = 0; i < x.length; i++) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        syy += y[i] * y[i];
        sxy += x[i] * y[i];
      }
      return new Moments(x.length, sx, sy, sxx, syy, sxy);
    }

    /** The mean of x (the facility), or null with no data. */
    public Double meanX() {
      return n == 0 ? null : sx / n;
    }

    /**
     * Pearson's r of x and y, or null when it is undefined: fewer than two values, or either
     * variable constant (everyone right, or everyone with the same rest score).
     */
    public Double correlation() {
      if (n < 2) {
        return null;
      }
      double covariance = sxy - sx * sy / n;
      double varX = sxx - sx * sx / n;
      double varY = syy - sy * sy / n;
      // sums of squares of a constant come out as tiny rounding noise, not zero
      double epsX = 1e-9 * Math.max(1, sxx);
      double epsY = 1e-9 * Math.max(1, syy);
      if (varX <= epsX || varY <= epsY) {
        return null;
      }
      double r = covariance / Math.sqrt(varX * varY);
      return Math.max(-1, Math.min(1, r));
    }
  }

  /** Facility and discrimination of each item of a score matrix (rows: students, columns: items). */
  public record Item(Double facility, Double discrimination) {
  }

  /**
   * Item statistics of a small score matrix.
   *
   * @param fractions  each student's score on each item as a fraction of the item's points
   * @param itemPoints the points of each item
   */
  public static List<Item> items(double[][] fractions, double[] itemPoints) {
    List<Item> out = new ArrayList<>();
    for (int j = 0; j < itemPoints.length; j++) {
      double[] x = new double[fractions.length];
      double[] y = new double[fractions.length];
      for (int i = 0; i < fractions.length; i++) {
        double total = 0;
        for (int k = 0; k < itemPoints.length; k++) {
          total += fractions[i][k] * itemPoints[k];
        }
        x[i] = fractions[i][j];
        y[i] = total - fractions[i][j] * itemPoints[j];
      }
      Moments m = Moments.of(x, y);
      out.add(new Item(m.meanX(), m.correlation()));
    }
    return out;
  }

  /** How a discrimination index reads, with Moodle's usual thresholds. */
  public static String discriminationLabel(Double r) {
    if (r == null) {
      return "无法计算";
    }
    if (r < 0) {
      return "负相关：检查答案或题意";
    }
    if (r < 0.2) {
      return "区分度弱";
    }
    if (r < 0.3) {
      return "区分度一般";
    }
    return "区分度好";
  }

  /** The bins of a score histogram: one per point up to 25 points, else ten equal bins. */
  public record Bin(double from, double to, boolean last, int count) {
  }

  /** Counts scores (0..max) into bins; a score equal to a bin's upper edge falls into the next bin, max into the last. */
  public static List<Bin> histogram(List<Double> scores, double max) {
    int bins;
    double width;
    if (max <= 0) {
      return List.of();
    }
    if (max <= 25 && max == Math.rint(max)) {
      bins = (int) max + 1;
      width = 1;
    } else {
      bins = 10;
      width = max / 10;
    }
    int[] counts = new int[bins];
    for (double s : scores) {
      int b = (int) Math.floor(Math.max(0, Math.min(max, s)) / width + 1e-9);
      counts[Math.min(bins - 1, b)]++;
    }
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      double from = b * width;
      boolean last = b == bins - 1;
      out.add(new Bin(from, last ? max : from + width, last, counts[b]));
    }
    return out;
  }

  /** The median of some values, or null when there are none. */
  public static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
