package com.jiangxin.content;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded readings in 篇 order, looked up by id, with where each cited example is cited.
 * Immutable once built.
 */
public final class ReadingCatalog {
  /** The examples the product leads with. */
  public static final List<String> SHOWCASE = List.of("路遥", "方仲永", "哈里森");

  private final List<Reading> readings;
  private final Map<String, Reading> byId = new LinkedHashMap<>();
  private final Map<String, List<Citation>> citations = new LinkedHashMap<>();

  /** Where a reading cites an example: the paragraph and the sentence holding its first term found. */
  public record Citation(String example, Reading reading, int paragraph, String sentence) {
  }

  public ReadingCatalog(List<Reading> readings) {
    this.readings = List.copyOf(readings);
    for (Reading r : this.readings) {
      byId.put(r.id(), r);
      for (CitedExample ex : r.examples()) {
        locate(r, ex).ifPresent(c -> citations.computeIfAbsent(ex.name(), k -> new ArrayList<>()).add(c));
      }
    }
  }

  public List<Reading> all() {
    return readings;
  }

  public Optional<Reading> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every cited example name, in reading order, with where it is cited. */
  public Map<String, List<Citation>> citations() {
    return citations;
  }

  public List<Citation> citationsOf(String example) {
    return citations.getOrDefault(example, List.of());
  }

  private static Optional<Citation> locate(Reading r, CitedExample ex) {
    for (String term : ex.terms()) {
      for (Paragraph p : r.paragraphs()) {
        int at = p.text().indexOf(term);
        if (at >= 0) {
          return Optional.of(new Citation(ex.name(), r, p.n(), sentenceAround(p.text(), at, term.length())));
        }
      }
    }
    return Optional.empty();
  }

  /** The sentence (bounded by 。！？；) that holds text[at, at+len). */
  static String sentenceAround(String text, int at, int len) {
    int start = at;
    while (start > 0 && "。！？；!?".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    int end = at + len;
    while (end < text.length() && "。！？；!?".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end < text.length()) {
      end++;
      // keep a closing quote that belongs to the sentence
      while (end < text.length() && "”’」』）".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
    }
    return text.substring(start, end).trim();
  }
}
