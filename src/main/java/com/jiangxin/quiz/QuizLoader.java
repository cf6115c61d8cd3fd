package com.jiangxin.quiz;

import com.jiangxin.content.CitedExample;
import com.jiangxin.content.ContentException;
import com.jiangxin.content.FrontMatter;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads quiz files ({@code pian-NN.quiz.md}, see {@code specs/content-format.md}) into {@link Quiz}
 * records. Every problem is a {@link ContentException} naming {@code file:line} and what is wrong,
 * so a teacher who edited the file can fix it. The loader reads the front matter, the discussion
 * prompts and each question's common keys; the keys of a question's type go to that type's
 * {@link QuestionKind#parse} (see {@link QuestionTypes}).
 */
public final class QuizLoader {
  private static final Pattern QUESTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Set<String> COMMON_KEYS =
      Set.of("type", "example", "points", "prompt", "evidence", "explanation", "level", "note");
  private static final Set<String> LABELLED_KEYS = QuestionTypes.labelledKeys();
  private static final Set<String> QUESTION_KEYS = new HashSet<>(COMMON_KEYS);

  static {
    QUESTION_KEYS.addAll(QuestionTypes.allKeys());
  }

  private QuizLoader() {
  }

  /** Loads a quiz file (also from a jar's file system) for the reading it belongs to. */
  public static Quiz load(Path file, Reading reading) {
    String name = fileName(file);
    return parse(name, read(file, name), reading);
  }

  /**
   * Loads a quiz file for the reading its front matter names.
   *
   * @param readings the readings a quiz may belong to
   * @throws ContentException if the file is malformed or names a reading not in {@code readings}
   */
  public static Quiz load(Path file, List<Reading> readings) {
    String name = fileName(file);
    String text = read(file, name);
    Value readingId = readingIdOf(name, text);
    Reading reading = readings.stream().filter(r -> r.id().equals(readingId.text())).findFirst()
        .orElseThrow(() -> new ContentException(name, readingId.line(), "unknown reading '" + readingId.text() + "'"));
    return parse(name, text, reading);
  }

  /**
   * Parses the text of a quiz file.
   *
   * @param fileName the file's name, used in messages and kept in {@link Quiz#file()}
   * @param reading  the reading the quiz must name in its front matter
   * @throws ContentException for anything that does not follow the format
   */
  public static Quiz parse(String fileName, String text, Reading reading) {
    return new Parser(fileName, text).quiz(reading);
  }

  /** The reading id a quiz file names in its front matter, and the line it is on. */
  static Value readingIdOf(String fileName, String text) {
    return new Parser(fileName, text).frontMatter().reading();
  }

  static String fileName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /** Reads a file as strict UTF-8, naming the line of the first byte that is not. */
  static String read(Path file, String name) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new ContentException(name, line, "not valid UTF-8 text");
    }
    return out.flip().toString();
  }

  static String version(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** A value from the file and the line it starts on. */
  record Value(String text, int line) {
  }

  private record Front(Value reading, Value title, int bodyStart) {
  }

  /** One {@code key: value} line (with {@code id} for {@code option X:} and the like). */
  private static final class Field {
    final String key;
    final String id;
    final int line;
    final StringBuilder value;

    Field(String key, String id, int line, String value) {
      this.key = key;
      this.id = id;
      this.line = line;
      this.value = new StringBuilder(value);
    }

    void continueWith(String more) {
      value.append(value.length() == 0 ? "" : "\n").append(more);
    }

    String text() {
      return value.toString().strip();
    }

    String label() {
      return id == null ? key : key + " " + id;
    }
  }

  private static final class RawQuestion {
    final String id;
    final int line;
    final Map<String, Field> fields = new LinkedHashMap<>();
    final List<Field> labelled = new ArrayList<>();

    RawQuestion(String id, int line) {
      this.id = id;
      this.line = line;
    }
  }

  private static final class Parser {
    private final String file;
    private final String text;
    private final List<String> lines = new ArrayList<>();

    Parser(String file, String text) {
      this.file = file;
      this.text = text;
      lines.addAll(FrontMatter.lines(text));
      if (text.endsWith("\n")) {
        // the lines after the last newline count, so an unclosed file is reported past its end
        lines.add("");
      }
    }

    private ContentException error(int line, String problem) {
      return new ContentException(file, line, problem);
    }

    Front frontMatter() {
      FrontMatter.Block block = FrontMatter.read(file, lines, "a quiz file starts with a '---' line opening the front matter");
      Map<String, Field> keys = new HashMap<>();
      Field last = null;
      for (FrontMatter.Line fmLine : block.lines()) {
        String line = fmLine.text();
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("  ") && last != null) {
          last.continueWith(line.strip());
          continue;
        }
        Field field = keyLine(fmLine.number(), line);
        if (field.id != null || !(field.key.equals("reading") || field.key.equals("title"))) {
          throw error(fmLine.number(), "unknown front-matter key '" + field.label() + "' (expected reading, title)");
        }
        if (keys.containsKey(field.key)) {
          throw error(fmLine.number(), "duplicate front-matter key '" + field.key + "'");
        }
        keys.put(field.key, field);
        last = field;
      }
      if (!block.closed()) {
        throw error(lines.size(), "the front matter is not closed by a '---' line");
      }
      int closing = block.closingLine();
      return new Front(frontValue(keys, "reading", closing), frontValue(keys, "title", closing), block.bodyStart());
    }

    private Value frontValue(Map<String, Field> keys, String key, int closingLine) {
      Field field = keys.get(key);
      if (field == null) {
        throw error(closingLine, "the front matter has no '" + key + ":'");
      }
      if (field.text().isEmpty()) {
        throw error(field.line, "empty '" + key + ":'");
      }
      return new Value(field.text(), field.line);
    }

    /** Splits {@code key: value}, {@code key:} and {@code option X: value} lines. */
    private Field keyLine(int no, String line) {
      if (Character.isWhitespace(line.charAt(0))) {
        throw error(no, "unexpected indentation (only a line continuing the previous key is"
            + " indented, by two spaces)");
      }
      int colon = line.indexOf(": ");
      String keyPart;
      String value;
      if (colon >= 0) {
        keyPart = line.substring(0, colon);
        value = line.substring(colon + 2).strip();
      } else if (line.stripTrailing().endsWith(":")) {
        keyPart = line.stripTrailing();
        keyPart = keyPart.substring(0, keyPart.length() - 1);
        value = "";
      } else {
        throw error(no, "expected 'key: value' (ASCII colon and a space), got '" + shorten(line) + "'");
      }
      int space = keyPart.indexOf(' ');
      String key = space < 0 ? keyPart : keyPart.substring(0, space);
      if (!LABELLED_KEYS.contains(key)) {
        return new Field(keyPart, null, no, value);
      }
      String id = space < 0 ? "" : keyPart.substring(space + 1).strip();
      if (id.isEmpty()) {
        throw error(no, "'" + key + "' without an id (write '" + key + " A: text')");
      }
      if (!Choice.ID.matcher(id).matches()) {
        throw error(no, "bad " + key + " id '" + id + "' (letters and digits only)");
      }
      return new Field(key, id, no, value);
    }

    Quiz quiz(Reading reading) {
      Front front = frontMatter();
      if (!front.reading().text().equals(reading.id())) {
        throw error(front.reading().line(),
            "this quiz names reading '" + front.reading().text() + "', not " + reading.id());
      }
      List<Field> discuss = new ArrayList<>();
      List<RawQuestion> raws = new ArrayList<>();
      Map<String, Integer> idLines = new HashMap<>();
      RawQuestion current = null;
      Field last = null;
      for (int i = front.bodyStart(); i < lines.size(); i++) {
        String line = lines.get(i);
        int no = i + 1;
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("## ") || line.strip().equals("##")) {
          String id = line.substring(2).strip();
          if (id.isEmpty()) {
            throw error(no, "a question heading without an id (write '## some-id')");
          }
          if (!QUESTION_ID.matcher(id).matches()) {
            throw error(no, "question id '" + id + "' must be lower-case letters, digits and '-'");
          }
          Integer first = idLines.putIfAbsent(id, no);
          if (first != null) {
            throw error(no, "duplicate question id '" + id + "' (first at line " + first + ")");
          }
          current = new RawQuestion(id, no);
          raws.add(current);
          last = null;
          continue;
        }
        if (line.startsWith("#")) {
          throw error(no, "unexpected heading '" + shorten(line) + "' (a question starts with '## id')");
        }
        if (line.startsWith("  ") && !line.isBlank()) {
          if (last == null) {
            throw error(no, "an indented line continues the previous key, but there is none");
          }
          last.continueWith(line.strip());
          continue;
        }
        Field field = keyLine(no, line);
        if (current == null) {
          if (!field.key.equals("discuss")) {
            throw error(no, "unknown key '" + field.label() + "' before the first question"
                + " (only 'discuss:' lines go there; a question starts with '## id')");
          }
          discuss.add(field);
        } else if (!QUESTION_KEYS.contains(field.key)) {
          throw error(no, "unknown key '" + field.label() + "'" + (field.key.equals("discuss")
              ? " inside a question ('discuss:' lines go before the first question)" : ""));
        } else if (field.id != null) {
          current.labelled.add(field);
        } else {
          Field earlier = current.fields.putIfAbsent(field.key, field);
          if (earlier != null) {
            throw error(no, "duplicate key '" + field.key + "' (first at line " + earlier.line + ")");
          }
        }
        last = field;
      }
      if (raws.isEmpty()) {
        throw error(lines.size(), "no questions (a question starts with '## id')");
      }
      if (discuss.size() < 2 || discuss.size() > 3) {
        throw error(raws.get(0).line, "expected 2 or 3 'discuss:' prompts before the first question, found "
            + discuss.size());
      }
      List<String> prompts = new ArrayList<>();
      for (Field d : discuss) {
        if (d.text().isEmpty()) {
          throw error(d.line, "empty 'discuss:'");
        }
        prompts.add(d.text());
      }
      List<Question> questions = new ArrayList<>();
      for (RawQuestion raw : raws) {
        questions.add(question(raw, reading));
      }
      return new Quiz(reading.id(), front.title().text(), version(text), prompts, questions, file);
    }

    private Question question(RawQuestion raw, Reading reading) {
      Field type = require(raw, "type");
      String typeName = type.text();
      QuestionKind kind = QuestionTypes.byName(typeName).orElseThrow(() -> error(type.line,
          "unknown type '" + typeName + "' (expected one of " + String.join(", ", QuestionTypes.names()) + ")"));
      Set<String> allowed = kind.keys();
      List<Field> all = new ArrayList<>(raw.fields.values());
      all.addAll(raw.labelled);
      for (Field field : all) {
        if (!COMMON_KEYS.contains(field.key) && !allowed.contains(field.key)) {
          throw error(field.line, "unknown key '" + field.label() + "' for a " + typeName + " question");
        }
      }
      Field example = require(raw, "example");
      List<String> exampleNames = reading.examples().stream().map(CitedExample::name).toList();
      if (!exampleNames.contains(example.text())) {
        throw error(example.line, "example '" + example.text() + "' is not one of " + reading.id()
            + "'s examples (" + String.join(", ", exampleNames) + ")");
      }
      double points = points(raw.fields.get("points"));
      Field prompt = require(raw, "prompt");
      Field evidence = require(raw, "evidence");
      int paragraph = reading.paragraphs().stream()
          .filter(p -> p.text().contains(evidence.text()))
          .mapToInt(Paragraph::n)
          .findFirst()
          .orElseThrow(() -> error(evidence.line, "evidence not found in any paragraph of "
              + reading.id() + ": '" + shorten(evidence.text()) + "'"));
      Field explanation = require(raw, "explanation");
      QuestionType questionType = kind.parse(block(raw, typeName, reading));
      Level level = level(raw.fields.get("level"));
      Field note = raw.fields.get("note");
      if (note != null && note.text().isEmpty()) {
        throw error(note.line, "empty 'note:'");
      }
      return new Question(raw.id, prompt.text(), points, example.text(), evidence.text(), paragraph,
          explanation.text().replace("{p}", String.valueOf(paragraph)), questionType, level,
          note == null ? null : note.text());
    }

    private Level level(Field field) {
      if (field == null) {
        return Level.RECALL;
      }
      return Level.parse(field.text())
          .orElseThrow(() -> error(field.line, "level must be one of " + Level.NAMES + ", got '"
              + field.text() + "'"));
    }

    private double points(Field field) {
      if (field == null) {
        return 1;
      }
      try {
        BigDecimal points = new BigDecimal(field.text());
        if (points.signum() > 0 && points.compareTo(BigDecimal.valueOf(1000)) <= 0) {
          return points.doubleValue();
        }
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      throw error(field.line, "points must be a positive number, got '" + field.text() + "'");
    }

    private Field require(RawQuestion raw, String key) {
      Field field = raw.fields.get(key);
      if (field == null) {
        throw error(raw.line, "question '" + raw.id + "' has no '" + key + ":'");
      }
      if (field.text().isEmpty()) {
        throw error(field.line, "empty '" + key + ":'");
      }
      return field;
    }

    /** The question's keys that are not common ones, for its type to read. */
    private TypeBlock block(RawQuestion raw, String typeName, Reading reading) {
      Map<String, TypeBlock.Entry> keys = new LinkedHashMap<>();
      raw.fields.forEach((key, f) -> {
        if (!COMMON_KEYS.contains(key)) {
          keys.put(key, new TypeBlock.Entry(f.key, null, f.text(), f.line));
        }
      });
      List<TypeBlock.Entry> labelled = raw.labelled.stream()
          .map(f -> new TypeBlock.Entry(f.key, f.id, f.text(), f.line)).toList();
      return new TypeBlock(file, raw.id, raw.line, typeName, reading, keys, labelled);
    }
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
