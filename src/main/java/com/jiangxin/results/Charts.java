package com.jiangxin.results;

import com.jiangxin.web.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Geometry of the server-drawn charts. Templates turn these models into inline SVG with
 * presentation attributes and CSS classes only (the content security policy forbids inline
 * styles), each with a title, a description and a table or list that says the same in words.
 */
final class Charts {
  static final int WIDTH = 600;
  static final int HEIGHT = 300;
  private static final int LEFT = 52;
  private static final int RIGHT = 12;
  private static final int TOP = 30;
  private static final int BOTTOM = 62;

  private Charts() {
  }

  /** A vertical bar chart of a score histogram. */
  static Map<String, Object> histogram(List<Statistics.Bin> bins, String title) {
    Map<String, Object> chart = new HashMap<>();
    int maxCount = bins.stream().mapToInt(Statistics.Bin::count).max().orElse(0);
    int top = niceTop(maxCount);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    double slot = bins.isEmpty() ? plotW : (double) plotW / bins.size();
    double barW = Math.max(2, slot * 0.78);
    int labelEvery = bins.size() > 14 ? 2 : 1;
    List<Map<String, Object>> bars = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < bins.size(); i++) {
      Statistics.Bin b = bins.get(i);
      double h = top == 0 ? 0 : (double) b.count() * plotH / top;
      double x = LEFT + i * slot + (slot - barW) / 2;
      Map<String, Object> bar = new HashMap<>();
      bar.put("x", r1(x));
      bar.put("y", r1(TOP + plotH - h));
      bar.put("w", r1(barW));
      bar.put("h", r1(h));
      bar.put("cx", r1(x + barW / 2));
      bar.put("countY", r1(TOP + plotH - h - 6));
      bar.put("count", b.count());
      bar.put("showCount", b.count() > 0);
      bar.put("label", binLabel(b));
      bar.put("showLabel", i % labelEvery == 0);
      bar.put("labelY", TOP + plotH + 24);
      bars.add(bar);
      words.add(binLabel(b) + " 分：" + b.count() + " 人");
    }
    List<Map<String, Object>> ticks = new ArrayList<>();
    int step = Math.max(1, top / 4);
    for (int v = 0; v <= top; v += step) {
      double y = TOP + plotH - (top == 0 ? 0 : (double) v * plotH / top);
      ticks.add(Map.of("y", r1(y), "textY", r1(y + 6), "value", v));
    }
    chart.put("width", WIDTH);
    chart.put("height", HEIGHT);
    chart.put("left", LEFT);
    chart.put("right", WIDTH - RIGHT);
    chart.put("baseY", TOP + plotH);
    chart.put("axisLabelY", HEIGHT - 8);
    chart.put("axisLabelX", LEFT + plotW / 2);
    chart.put("tickX", LEFT - 8);
    chart.put("bars", bars);
    chart.put("ticks", ticks);
    chart.put("title", title);
    chart.put("desc", String.join("；", words) + "。");
    return chart;
  }

  /**
   * One row of a horizontal bar list: the bar is an inline SVG sized in percent, the label and
   * value are plain text beside it (so the list is its own text equivalent).
   *
   * @param share 0..1, or null for no data
   */
  static Map<String, Object> bar(String label, Double share, String value, String tone) {
    Map<String, Object> m = new HashMap<>();
    m.put("label", label);
    m.put("width", share == null ? 0 : r1(Math.max(0, Math.min(1, share)) * 100));
    m.put("value", value);
    m.put("tone", tone);
    return m;
  }

  /** The tone of a facility bar: low (under 50 %), mid (under 80 %) or high. */
  static String tone(Double facility) {
    if (facility == null) {
      return "none";
    }
    return facility < 0.5 ? "low" : facility < 0.8 ? "mid" : "high";
  }

  static String binLabel(Statistics.Bin b) {
    if (b.to() - b.from() == 1 || (b.last() && b.to() == b.from())) {
      return Numbers.points(b.from());
    }
    return Numbers.points(b.from()) + "–" + Numbers.points(b.to());
  }

  /** A round upper end for the count axis: 4, 8, 12, 20, 40 … */
  static int niceTop(int max) {
    if (max <= 4) {
      return 4;
    }
    int[] steps = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000};
    for (int s : steps) {
      if (max <= s * 4) {
        return ((max + s - 1) / s) * s;
      }
    }
    return max;
  }

  private static double r1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
