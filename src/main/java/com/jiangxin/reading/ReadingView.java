package com.jiangxin.reading;

import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a reading into what its page shows: numbered paragraphs split into plain, example and
 * evidence segments, so the template marks them up while every character stays escaped.
 */
final class ReadingView {
  private ReadingView() {
  }

  /**
   * @param highlightParagraph the paragraph holding the evidence to highlight, or 0
   * @param highlightQuote     the quoted evidence, or null
   */
  static List<Map<String, Object>> paragraphs(Reading reading, int highlightParagraph, String highlightQuote) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Paragraph p : reading.paragraphs()) {
      Map<String, Object> m = new HashMap<>();
      m.put("n", p.n());
      m.put("heading", p.heading());
      String quote = p.n() == highlightParagraph ? highlightQuote : null;
      m.put("segments", segments(p.text(), reading.examples(), quote));
      m.put("highlighted", quote != null && !quote.isEmpty() && p.text().contains(quote));
      out.add(m);
    }
    return out;
  }

  /** Splits text into runs that share the same marks (an example name and/or evidence). */
  static List<Map<String, Object>> segments(String text, List<CitedExample> examples, String quote) {
    int len = text.length();
    String[] example = new String[len];
    boolean[] evidence = new boolean[len];
    for (CitedExample ex : examples) {
      for (String term : ex.terms()) {
        if (term.isEmpty()) {
          continue;
        }
        int from = 0;
        int at;
        while ((at = text.indexOf(term, from)) >= 0) {
          for (int i = at; i < at + term.length(); i++) {
            if (example[i] == null) {
              example[i] = ex.name();
            }
          }
          from = at + term.length();
        }
      }
    }
    if (quote != null && !quote.isEmpty()) {
      int at = text.indexOf(quote);
      if (at >= 0) {
        for (int i = at; i < at + quote.length(); i++) {
          evidence[i] = true;
        }
      }
    }
    List<Map<String, Object>> segments = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= len; i++) {
      boolean boundary = i == len
        || evidence[i] != evidence[start]
        || !java.util.Objects.equals(example[i], example[start]);
      if (boundary) {
        Map<String, Object> s = new HashMap<>();
        s.put("text", text.substring(start, i));
        if (example[start] != null) {
          s.put("example", example[start]);
        }
        if (evidence[start]) {
          s.put("evidence", true);
        }
        segments.add(s);
        start = i;
      }
    }
    return segments;
  }

  /** A link to a reading that opens at paragraph {@code n} with {@code quote} marked as evidence. */
  static String evidenceLink(String readingId, int n, String quote) {
    return "/readings/" + readingId + "?p=" + n + "&hl=" + URLEncoder.encode(quote, StandardCharsets.UTF_8)
      + "#p" + n;
  }

  /**
   * The reading's examples in the given order, each with the first paragraph of this reading that
   * cites it (0 if none), so the example list links into the text.
   */
  static List<Map<String, Object>> exampleLinks(Reading reading, List<String> names) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : names) {
      int first = 0;
      for (CitedExample ex : reading.examples()) {
        if (ex.name().equals(name)) {
          first = firstParagraphCiting(reading, ex);
        }
      }
      Map<String, Object> m = new HashMap<>();
      m.put("name", name);
      m.put("paragraph", first);
      out.add(m);
    }
    return out;
  }

  private static int firstParagraphCiting(Reading reading, CitedExample ex) {
    for (Paragraph p : reading.paragraphs()) {
      for (String term : ex.terms()) {
        if (!term.isEmpty() && p.text().contains(term)) {
          return p.n();
        }
      }
    }
    return 0;
  }

  /** The first lines of a reading for the home page: its first real paragraph, shortened. */
  static String teaser(Reading reading, int maxChars) {
    for (Paragraph p : reading.paragraphs()) {
      if (!p.heading() && p.text().length() >= 30) {
        String t = p.text();
        return t.length() <= maxChars ? t : t.substring(0, maxChars) + "……";
      }
    }
    return "";
  }
}
