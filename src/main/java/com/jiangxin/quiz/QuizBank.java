package com.jiangxin.quiz;

import com.jiangxin.content.ContentException;
import com.jiangxin.content.Reading;
import io.vertx.core.Future;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * All quizzes, at most one per reading, with lookups by reading and by cited example. The built-in
 * quizzes are loaded once at start-up and never change; teachers' own quizzes are published while
 * the server runs, each publish a new version. Any stored version of either resolves, so an attempt
 * is graded against the version it started with; parsed versions are kept in a bounded map.
 */
public final class QuizBank {
  /** How many parsed versions of own quizzes are kept besides the current ones. */
  static final int VERSIONS_KEPT = 256;

  /** Where a version this node has not parsed is found (the database): the quiz, or empty. */
  public interface VersionSource {
    Future<Optional<Quiz>> find(String readingId, String version);
  }

  private final Map<String, Quiz> own = new ConcurrentHashMap<>();
  private final Map<String, Quiz> versions = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Quiz> eldest) {
      return size() > VERSIONS_KEPT;
    }
  });
  private volatile VersionSource source = (id, v) -> Future.succeededFuture(Optional.empty());
  private volatile Function<String, Future<Void>> refresher = id -> Future.succeededFuture();
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

  /** Sets where versions this node has not parsed are looked up. */
  public void versionSource(VersionSource source) {
    this.source = source;
  }

  /** Makes a teacher's own quiz the current one of its reading (and keeps it as a version). */
  public void publish(Quiz quiz) {
    if (byReading.containsKey(quiz.readingId())) {
      throw new IllegalArgumentException("the built-in quiz of " + quiz.readingId() + " is read-only");
    }
    versions.put(versionKey(quiz.readingId(), quiz.version()), quiz);
    own.put(quiz.readingId(), quiz);
  }

  /** Whether the reading's quiz is one of the built-in (read-only) quizzes. */
  public boolean isBuiltIn(String readingId) {
    return byReading.containsKey(readingId);
  }

  /**
   * The quiz of a reading as it was at a version, if this node has it parsed; the current quiz
   * otherwise (a built-in quiz whose file changed since, or a version not yet {@link #resolve resolved}).
   */
  public Optional<Quiz> version(String readingId, String version) {
    Optional<Quiz> current = forReading(readingId);
    if (version == null || current.map(q -> q.version().equals(version)).orElse(false)) {
      return current;
    }
    Quiz kept = versions.get(versionKey(readingId, version));
    return kept != null ? Optional.of(kept) : current;
  }

  /** Makes sure {@link #version} can answer a stored version of an own quiz, looking it up if needed. */
  public Future<Void> resolve(String readingId, String version) {
    if (readingId == null || version == null || byReading.containsKey(readingId)
        || versions.containsKey(versionKey(readingId, version))) {
      return Future.succeededFuture();
    }
    return source.find(readingId, version).map(found -> {
      found.ifPresent(q -> versions.put(versionKey(readingId, version), q));
      return null;
    });
  }

  /** Sets how an own reading and its current quiz are read again from where they are stored. */
  public void refresher(Function<String, Future<Void>> refresher) {
    this.refresher = refresher;
  }

  /**
   * The current quiz of a reading; for a teacher's own reading read again first, so a version
   * published on another node (or process) is the one served here.
   */
  public Future<Optional<Quiz>> refresh(String readingId) {
    if (readingId == null || byReading.containsKey(readingId) || !readingId.startsWith("own-")) {
      return Future.succeededFuture(forReading(readingId));
    }
    return refresher.apply(readingId).map(x -> forReading(readingId));
  }

  /** Makes a stored version the current quiz of an own reading (looked up if this node has not parsed it). */
  public Future<Void> makeCurrent(String readingId, String version) {
    if (version == null || byReading.containsKey(readingId)
        || forReading(readingId).map(q -> q.version().equals(version)).orElse(false)) {
      return Future.succeededFuture();
    }
    return resolve(readingId, version).map(x -> {
      Quiz q = versions.get(versionKey(readingId, version));
      if (q != null) {
        own.put(readingId, q);
      }
      return null;
    });
  }

  private static String versionKey(String readingId, String version) {
    return readingId + "@" + version;
  }

  /** The quizzes, in reading order when loaded from files. */
  public List<Quiz> quizzes() {
    return quizzes;
  }

  /** The current quiz of a reading: built-in, or the last published version of an own one. */
  public Optional<Quiz> forReading(String readingId) {
    if (readingId == null) {
      return Optional.empty();
    }
    Quiz builtIn = byReading.get(readingId);
    return Optional.ofNullable(builtIn != null ? builtIn : own.get(readingId));
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
