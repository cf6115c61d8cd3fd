package com.jiangxin.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one reading file ({@code quizzes/pian-NN.md}): front matter between two {@code ---} lines,
 * then one-line blocks separated by blank lines. Every malformation is reported as a
 * {@link ContentException} naming the file and the line to fix.
 */
public final class ReadingParser {

  static final String FENCE = FrontMatter.FENCE;
  static final String HEADING_PREFIX = "## ";
  static final String TERM_SEPARATOR = ", ";
  static final Set<String> KEYS = Set.of("id", "number", "title", "source", "examples");

  private static final Pattern ID = Pattern.compile("pian-\\d\\d");
  private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z]+):(?: (.*))?");
  private static final String EXAMPLE_PREFIX = "  - ";

  private ReadingParser() {
  }

  /**
   * Parses a reading file.
   *
   * @param fileName the file's name or path, used in messages and to check the {@code id}
   * @param text     the whole file
   * @return the reading, paragraphs numbered from 1
   * @throws ContentException if anything is malformed
   */
  public static Reading parse(String fileName, String text) {
    List<String> lines = lines(text);
    Fields fm = readFrontMatter(fileName, lines);
    List<Paragraph> paragraphs = readBody(fileName, lines, fm.bodyStart);

    String id = fm.required(fileName, "id");
    if (!ID.matcher(id).matches()) {
      throw new ContentException(fileName, fm.lineOf("id"),
          "id must look like pian-NN (two digits), found \"" + id + "\"");
    }
    String expectedId = baseName(fileName);
    if (!id.equals(expectedId)) {
      throw new ContentException(fileName, fm.lineOf("id"),
          "id \"" + id + "\" does not match the file name (expected \"" + expectedId + "\")");
    }

    String numberText = fm.required(fileName, "number");
    int number;
    try {
      number = Integer.parseInt(numberText);
    } catch (NumberFormatException e) {
      throw new ContentException(fileName, fm.lineOf("number"),
          "number must be a whole number from 1 to 9, found \"" + numberText + "\"");
    }
    if (number < 1 || number > 9) {
      throw new ContentException(fileName, fm.lineOf("number"),
          "number must be from 1 to 9, found " + number);
    }

    String title = fm.required(fileName, "title");
    String source = fm.required(fileName, "source");
    fm.required(fileName, "examples");

    for (ExampleLine example : fm.examples) {
      for (String term : example.example.terms()) {
        if (paragraphs.stream().noneMatch(p -> p.text().contains(term))) {
          throw new ContentException(fileName, example.line,
              "TERM \"" + term + "\" of example \"" + example.example.name()
                  + "\" does not occur verbatim in any paragraph of the body");
        }
      }
    }
    List<CitedExample> examples = fm.examples.stream().map(e -> e.example).toList();
    return new Reading(id, number, title, source, examples, paragraphs, fileName);
  }

  /**
   * The 1-based line of a front-matter key in a reading file, or 1 if it is absent; lets the
   * library point at {@code number:} when two files share a number.
   */
  static int frontMatterLine(String text, String key) {
    List<String> lines = lines(text);
    for (int i = 1; i < lines.size() && !lines.get(i).equals(FENCE); i++) {
      if (lines.get(i).startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }

  /** {@code quizzes/pian-02.md} → {@code pian-02}. */
  static String baseName(String fileName) {
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
  }

  /** Splits into lines, tolerating a byte-order mark and CRLF line ends. */
  static List<String> lines(String text) {
    return FrontMatter.lines(text);
  }

  private static Fields readFrontMatter(String file, List<String> lines) {
    FrontMatter.Block block = FrontMatter.read(file, lines,
        "the file must start with a \"---\" line that opens the front matter");
    Fields fm = new Fields();
    boolean inExamples = false;
    Set<String> exampleNames = new HashSet<>();
    for (FrontMatter.Line fmLine : block.lines()) {
      String line = fmLine.text();
      int lineNo = fmLine.number();
      if (line.isBlank()) {
        throw new ContentException(file, lineNo,
            "blank line inside the front matter (is the closing \"---\" missing?)");
      }
      if (line.startsWith(EXAMPLE_PREFIX.stripTrailing())) {
        if (!inExamples) {
          throw new ContentException(file, lineNo,
              "an example line \"  - NAME: TERM, TERM\" must follow \"examples:\"");
        }
        ExampleLine example = parseExample(file, lineNo, line);
        if (!exampleNames.add(example.example.name())) {
          throw new ContentException(file, lineNo,
              "example \"" + example.example.name() + "\" is listed twice");
        }
        fm.examples.add(example);
        continue;
      }
      Matcher m = KEY_LINE.matcher(line);
      if (!m.matches()) {
        throw new ContentException(file, lineNo,
            "front matter line must be \"key: value\" or \"  - NAME: TERM, TERM\", found \"" + line + "\"");
      }
      String key = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2).strip();
      if (!KEYS.contains(key)) {
        throw new ContentException(file, lineNo,
            "unknown front-matter key \"" + key + "\" (expected one of id, number, title, source, examples)");
      }
      if (fm.values.containsKey(key)) {
        throw new ContentException(file, lineNo, "front-matter key \"" + key + "\" appears twice");
      }
      if (key.equals("examples")) {
        if (!value.isEmpty()) {
          throw new ContentException(file, lineNo,
              "\"examples:\" takes no value on its line; list each example below it as \"  - NAME: TERM, TERM\"");
        }
      } else if (value.isEmpty()) {
        throw new ContentException(file, lineNo, "front-matter key \"" + key + "\" has no value");
      }
      inExamples = key.equals("examples");
      fm.values.put(key, new Value(value, lineNo));
    }
    if (!block.closed()) {
      throw new ContentException(file, lines.size(),
          "the front matter opened on line 1 is never closed by a \"---\" line");
    }
    fm.bodyStart = block.bodyStart();
    fm.closingLine = block.closingLine();
    return fm;
  }

  private static ExampleLine parseExample(String file, int lineNo, String line) {
    if (!line.startsWith(EXAMPLE_PREFIX)) {
      throw new ContentException(file, lineNo,
          "an example line must start with two spaces, \"- \" and the name: \"  - NAME: TERM, TERM\"");
    }
    String rest = line.substring(EXAMPLE_PREFIX.length()).strip();
    int colon = rest.indexOf(": ");
    String name = (colon < 0 ? rest : rest.substring(0, colon)).strip();
    if (name.isEmpty()) {
      throw new ContentException(file, lineNo, "example has no NAME");
    }
    List<String> terms = new ArrayList<>();
    if (colon < 0) {
      terms.add(name);
    } else {
      for (String term : rest.substring(colon + 2).split(TERM_SEPARATOR, -1)) {
        String t = term.strip();
        if (t.isEmpty()) {
          throw new ContentException(file, lineNo,
              "example \"" + name + "\" has an empty TERM (TERMS are separated by \", \")");
        }
        terms.add(t);
      }
    }
    return new ExampleLine(new CitedExample(name, terms), lineNo);
  }

  private static List<Paragraph> readBody(String file, List<String> lines, int start) {
    List<Paragraph> paragraphs = new ArrayList<>();
    boolean previousBlank = true;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i).stripTrailing();
      int lineNo = i + 1;
      if (line.isBlank()) {
        previousBlank = true;
        continue;
      }
      if (!previousBlank) {
        throw new ContentException(file, lineNo,
            "a block must be one line: this line continues the block of line " + (lineNo - 1)
                + " (join them, or separate them with a blank line)");
      }
      previousBlank = false;
      boolean heading = line.startsWith(HEADING_PREFIX);
      String text = heading ? line.substring(HEADING_PREFIX.length()).strip() : line.strip();
      if (heading && text.isEmpty()) {
        throw new ContentException(file, lineNo, "heading \"## \" has no text");
      }
      if (!heading && line.startsWith("#")) {
        throw new ContentException(file, lineNo,
            "a heading line must start with \"## \" (two #, then a space)");
      }
      paragraphs.add(new Paragraph(paragraphs.size() + 1, text, heading, lineNo));
    }
    if (paragraphs.isEmpty()) {
      throw new ContentException(file, Math.min(start + 1, lines.size()),
          "the body is empty: a reading needs at least one paragraph after the front matter");
    }
    return paragraphs;
  }

  private record Value(String text, int line) {
  }

  private record ExampleLine(CitedExample example, int line) {
  }

  private static final class Fields {
    final Map<String, Value> values = new LinkedHashMap<>();
    final List<ExampleLine> examples = new ArrayList<>();
    int bodyStart;
    int closingLine;

    String required(String file, String key) {
      Value v = values.get(key);
      if (v == null) {
        throw new ContentException(file, closingLine,
            "front matter is missing the key \"" + key + ":\"");
      }
      return v.text;
    }

    int lineOf(String key) {
      Value v = values.get(key);
      return v == null ? closingLine : v.line;
    }
  }
}
