package com.jiangxin.lint;

import com.jiangxin.content.ContentException;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingLibrary;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.QuizLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every rule over the quizzes of a content folder. The quizzes are read by the real loader,
 * so a file the server would refuse is reported as a {@code load} error and not checked further.
 */
public final class QuizLinter {
  /** The rules, in the order their findings are listed for each quiz. */
  static final List<Rule> RULES = List.of(new LevelDeclared(), new LevelMix(), new ExampleCoverage(),
      new KeyBalance(), new Giveaways(), new IdsHideKeys(), new EvidenceHoldsKey(), new ExampleTagged(),
      new NarrowKey());

  /** The rule name of a file that does not load. */
  public static final String LOAD = "load";

  private QuizLinter() {
  }

  /** What a rule guards, in Chinese, e.g. {@code 答案出现在学生看得到的其他文字里}. */
  public static String title(String rule) {
    if (rule.equals(LOAD)) {
      return "题目文件无法读取";
    }
    return RULES.stream().filter(r -> r.name().equals(rule)).map(Rule::title).findFirst().orElse(rule);
  }

  /**
   * Loads and checks the readings and quizzes of {@code dir}; files are named as
   * {@code dir.resolve(name)} in findings. Blocking.
   */
  public static LintReport lintDirectory(Path dir) {
    List<Finding> findings = new ArrayList<>();
    Map<String, List<Finding>> byReading = new LinkedHashMap<>();
    List<Reading> readings;
    try {
      readings = ReadingLibrary.loadDirectory(dir);
    } catch (ContentException e) {
      findings.add(loadError(e, e.file()));
      return new LintReport(findings, byReading);
    }
    Map<String, String> fileOfReading = new HashMap<>();
    for (Path file : quizFiles(dir)) {
      String name = dir.resolve(file.getFileName().toString()).toString();
      Quiz quiz;
      try {
        quiz = QuizLoader.load(file, readings);
      } catch (ContentException e) {
        findings.add(loadError(e, name));
        continue;
      }
      String other = fileOfReading.putIfAbsent(quiz.readingId(), name);
      if (other != null) {
        findings.add(new Finding(name, 1, Severity.ERROR, LOAD, null,
            "reading " + quiz.readingId() + " already has a quiz: " + other));
        continue;
      }
      Reading reading = readings.stream().filter(r -> r.id().equals(quiz.readingId())).findFirst().orElseThrow();
      byReading.put(quiz.readingId(), lint(name, quiz, reading, readText(file)));
    }
    byReading.values().forEach(findings::addAll);
    return new LintReport(findings, byReading);
  }

  /**
   * Checks a bank the server has already loaded from {@code dir}, naming files by their own name
   * (for the answer key page). Blocking: it reads each quiz file again for its line numbers.
   */
  public static LintReport lintBank(Path dir, List<Reading> readings, QuizBank bank) {
    Map<String, List<Finding>> byReading = new LinkedHashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Quiz quiz : bank.quizzes()) {
      Reading reading = readings.stream().filter(r -> r.id().equals(quiz.readingId())).findFirst().orElseThrow();
      List<Finding> found = lint(quiz.file(), quiz, reading, readText(dir.resolve(quiz.file())));
      byReading.put(quiz.readingId(), found);
      findings.addAll(found);
    }
    return new LintReport(findings, byReading);
  }

  /** Every rule's findings on one loaded quiz, given the text of its file. */
  public static List<Finding> lint(String file, Quiz quiz, Reading reading, String text) {
    LintTarget target = new LintTarget(file, quiz, reading, QuizSource.of(text));
    List<Finding> found = new ArrayList<>();
    for (Rule rule : RULES) {
      Findings out = new Findings(file, rule.name());
      rule.check(target, out);
      found.addAll(out.list());
    }
    return found;
  }

  private static Finding loadError(ContentException e, String name) {
    String prefix = e.file() + ":" + e.line() + ": ";
    String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    return new Finding(name, e.line(), Severity.ERROR, LOAD, null, problem);
  }

  private static List<Path> quizFiles(Path dir) {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.filter(p -> p.getFileName().toString().endsWith(".quiz.md"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list quizzes in " + dir, e);
    }
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
