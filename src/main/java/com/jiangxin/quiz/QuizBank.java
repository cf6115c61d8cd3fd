package com.jiangxin.quiz;

import com.jiangxin.content.ContentException;
import com.jiangxin.content.Reading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * All quizzes, at most one per reading, with lookups by reading and by cited example. Immutable;
 * load it once at start-up.
 */
public final class QuizBank {
  private final List<Quiz> quizzes;
  private final Map<String, Quiz> byReading;
  private final Map<String, List<QuestionRef>> byExample;

  private QuizBank(List<Quiz> quizzes) {
    Map<String, Quiz> readings = new LinkedHashMap<>();
    Map<String, List<QuestionRef>> examples = new LinkedHashMap<>();
    for (Quiz quiz : quizzes) {
      if (readings.putIfAbsent(quiz.readingId(), quiz) != null) {
        throw new IllegalArgumentException("two quizzes for reading " + quiz.readingId());
      }
      for (Question q : quiz.questions()) {
        examples.computeIfAbsent(q.example(), name -> new ArrayList<>()).add(new QuestionRef(quiz.readingId(), q));
      }
    }
    examples.replaceAll((name, refs) -> List.copyOf(refs));
    this.quizzes = List.copyOf(quizzes);
    this.byReading = Collections.unmodifiableMap(readings);
    this.byExample = Collections.unmodifiableMap(examples);
  }

  /** A bank of the given quizzes, in the given order (at most one per reading). */
  public static QuizBank of(Collection<Quiz> quizzes) {
    return new QuizBank(List.copyOf(quizzes));
  }

  /**
   * Loads every {@code *.quiz.md} file in {@code dir} (a plain folder or a folder inside a jar).
   * Quizzes are listed in the order of their readings.
   *
   * @throws ContentException if a file is malformed, names a reading that is not in
   *                          {@code readings}, or names a reading that already has a quiz
   */
  public static QuizBank load(Path dir, List<Reading> readings) {
    Map<String, Reading> known = new HashMap<>();
    readings.forEach(r -> known.put(r.id(), r));
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing
          .filter(p -> QuizLoader.fileName(p).endsWith(".quiz.md"))
          .sorted(Comparator.comparing(QuizLoader::fileName))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list quizzes in " + dir, e);
    }
    Map<String, String> fileOfReading = new HashMap<>();
    List<Quiz> quizzes = new ArrayList<>();
    for (Path file : files) {
      String name = QuizLoader.fileName(file);
      String text = QuizLoader.read(file, name);
      QuizLoader.Value readingId = QuizLoader.readingIdOf(name, text);
      Reading reading = known.get(readingId.text());
      if (reading == null) {
        throw new ContentException(name, readingId.line(), "unknown reading '" + readingId.text() + "'");
      }
      String other = fileOfReading.putIfAbsent(reading.id(), name);
      if (other != null) {
        throw new ContentException(name, readingId.line(),
            "reading " + reading.id() + " already has a quiz: " + other);
      }
      quizzes.add(QuizLoader.parse(name, text, reading));
    }
    Map<String, Integer> order = new HashMap<>();
    readings.forEach(r -> order.put(r.id(), r.number()));
    quizzes.sort(Comparator.comparing(q -> order.get(q.readingId())));
    return new QuizBank(quizzes);
  }

  /** The quizzes, in reading order when loaded from files. */
  public List<Quiz> quizzes() {
    return quizzes;
  }

  public Optional<Quiz> forReading(String readingId) {
    return Optional.ofNullable(byReading.get(readingId));
  }

  /** Every question by the canonical name of the example it is about, in quiz then file order. */
  public Map<String, List<QuestionRef>> byExample() {
    return byExample;
  }

  /** The questions about one cited example (empty if none). */
  public List<QuestionRef> forExample(String exampleName) {
    return byExample.getOrDefault(exampleName, List.of());
  }
}
