package com.jiangxin.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the importer adds to the seed by editorial decision, kept in a teacher-readable file
 * ({@code content/editorial.txt} on the class path): the boilerplate to drop, and per 篇 the
 * short title and the cited examples with their TERMS.
 */
final class Editorial {

  static final String RESOURCE = "/content/editorial.txt";
  static final String NUMERALS = "一二三四五六七八九";

  private static final Pattern PIAN_LINE = Pattern.compile("篇([一二三四五六七八九]): (.+)");
  private static final String DROP_PREFIX = "drop: ";
  private static final String EXAMPLE_PREFIX = "  - ";

  /** One 篇's editorial entry. */
  record Entry(int number, String title, List<CitedExample> examples, List<Integer> exampleLines) {
  }

  private final String file;
  private final List<String> dropMarkers;
  private final Map<Integer, Entry> entries;

  private Editorial(String file, List<String> dropMarkers, Map<Integer, Entry> entries) {
    this.file = file;
    this.dropMarkers = List.copyOf(dropMarkers);
    this.entries = entries;
  }

  /** The editorial file shipped with the application. */
  static Editorial standard() {
    try (InputStream in = Editorial.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      return parse("editorial.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Editorial parse(String file, String text) {
    List<String> drops = new ArrayList<>();
    Map<Integer, Entry> entries = new LinkedHashMap<>();
    List<String> lines = ReadingParser.lines(text);
    Integer current = null;
    String title = null;
    List<CitedExample> examples = new ArrayList<>();
    List<Integer> exampleLines = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i <= lines.size(); i++) {
      String line = i < lines.size() ? lines.get(i).stripTrailing() : null;
      int lineNo = i + 1;
      Matcher pian = line == null ? null : PIAN_LINE.matcher(line);
      boolean closesEntry = line == null || pian.matches() || line.startsWith(DROP_PREFIX);
      if (closesEntry && current != null) {
        entries.put(current, new Entry(current, title, examples, exampleLines));
        current = null;
      }
      if (line == null || line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith(DROP_PREFIX)) {
        String marker = line.substring(DROP_PREFIX.length()).strip();
        if (marker.isEmpty()) {
          throw new ContentException(file, lineNo, "\"drop:\" needs the text that marks a boilerplate line");
        }
        drops.add(marker);
      } else if (pian.matches()) {
        current = NUMERALS.indexOf(pian.group(1).charAt(0)) + 1;
        if (entries.containsKey(current)) {
          throw new ContentException(file, lineNo, "篇" + pian.group(1) + " is listed twice");
        }
        title = pian.group(2).strip();
        examples = new ArrayList<>();
        exampleLines = new ArrayList<>();
        names = new HashSet<>();
      } else if (line.startsWith(EXAMPLE_PREFIX)) {
        if (current == null) {
          throw new ContentException(file, lineNo, "an example line must follow a \"篇N: TITLE\" line");
        }
        String rest = line.substring(EXAMPLE_PREFIX.length());
        int colon = rest.indexOf(": ");
        if (colon <= 0) {
          throw new ContentException(file, lineNo, "an example line must read \"  - NAME: TERM, TERM\"");
        }
        String name = rest.substring(0, colon).strip();
        List<String> terms = new ArrayList<>();
        for (String term : rest.substring(colon + 2).split(ReadingParser.TERM_SEPARATOR, -1)) {
          if (term.isBlank()) {
            throw new ContentException(file, lineNo, "example \"" + name + "\" has an empty TERM");
          }
          terms.add(term.strip());
        }
        if (!names.add(name)) {
          throw new ContentException(file, lineNo, "example \"" + name + "\" is listed twice in this 篇");
        }
        examples.add(new CitedExample(name, terms));
        exampleLines.add(lineNo);
      } else {
        throw new ContentException(file, lineNo,
            "expected \"drop: TEXT\", \"篇N: TITLE\" or \"  - NAME: TERM, TERM\", found \"" + line + "\"");
      }
    }
    return new Editorial(file, drops, entries);
  }

  String file() {
    return file;
  }

  /** True if a seed line is publisher boilerplate rather than part of a speech. */
  boolean isBoilerplate(String line) {
    return dropMarkers.stream().anyMatch(line::contains);
  }

  Entry entry(int number) {
    return entries.get(number);
  }

  Set<Integer> numbers() {
    return entries.keySet();
  }
}
