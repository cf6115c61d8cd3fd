package com.jiangxin.lint;

import com.jiangxin.content.FrontMatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are in a quiz file that has already loaded: the line of each question's heading
 * and keys ({@code answer}, {@code option B}…), of the front matter and of the discussion prompts.
 * The loader keeps no line numbers, and the linter needs them (and whether a key is written at all).
 */
final class QuizSource {
  private final Map<String, Integer> frontMatter = new HashMap<>();
  private final List<Integer> discuss = new ArrayList<>();
  private final Map<String, Integer> headings = new HashMap<>();
  private final Map<String, Map<String, Integer>> keys = new HashMap<>();

  private QuizSource() {
  }

  /** Indexes the text of a quiz file the loader accepted. */
  static QuizSource of(String text) {
    QuizSource source = new QuizSource();
    List<String> lines = FrontMatter.lines(text);
    FrontMatter.Block front = FrontMatter.read("quiz", lines, "a quiz file starts with a '---' line");
    for (FrontMatter.Line line : front.lines()) {
      String key = indexed(line.text()) ? keyOf(line.text()) : null;
      if (key != null) {
        source.frontMatter.putIfAbsent(key, line.number());
      }
    }
    Map<String, Integer> question = null;
    for (int i = front.bodyStart(); i < lines.size(); i++) {
      String line = lines.get(i);
      int no = i + 1;
      if (!indexed(line)) {
        continue;
      }
      if (line.startsWith("##")) {
        String id = line.substring(2).strip();
        source.headings.put(id, no);
        question = new HashMap<>();
        source.keys.put(id, question);
        continue;
      }
      String key = keyOf(line);
      if (key == null) {
        continue;
      }
      if (question == null) {
        if (key.equals("discuss")) {
          source.discuss.add(no);
        }
      } else {
        question.putIfAbsent(key, no);
      }
    }
    return source;
  }

  /** Lines that start a key or a heading; blank and continued lines do not. */
  private static boolean indexed(String line) {
    return !line.isBlank() && !Character.isWhitespace(line.charAt(0));
  }

  /** {@code answer} for {@code answer: B}, {@code option B} for {@code option B: text}. */
  private static String keyOf(String line) {
    int colon = line.indexOf(": ");
    String key = colon >= 0 ? line.substring(0, colon)
        : line.stripTrailing().endsWith(":") ? line.stripTrailing().substring(0, line.stripTrailing().length() - 1)
        : null;
    return key == null ? null : key.strip().replaceAll("\\s+", " ");
  }

  /** The line of a front-matter key ({@code reading}, {@code title}), or 1. */
  int frontMatter(String key) {
    return frontMatter.getOrDefault(key, 1);
  }

  /** The line of the n-th (0-based) {@code discuss:} prompt, or 1. */
  int discuss(int index) {
    return index < discuss.size() ? discuss.get(index) : 1;
  }

  /** The line of a question's {@code ## id} heading, or 1. */
  int heading(String questionId) {
    return headings.getOrDefault(questionId, 1);
  }

  /** The line of a question's key ({@code answer}, {@code option B}), or its heading's line. */
  int line(String questionId, String key) {
    Integer line = keys.getOrDefault(questionId, Map.of()).get(key);
    return line != null ? line : heading(questionId);
  }

  /** Whether the question writes this key at all (the loader gives some keys a default). */
  boolean has(String questionId, String key) {
    return keys.getOrDefault(questionId, Map.of()).containsKey(key);
  }
}
