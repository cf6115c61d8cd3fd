package com.jiangxin.support;

import com.jiangxin.content.Content;
import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.MultipleChoice;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.QuestionType;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.SingleChoice;

import java.nio.file.Path;
import java.util.List;

/**
 * The built-in quizzes as the server loads them, for tests that need "a question of this kind in
 * that quiz" without naming ids or keys that a rewrite of the bank may change.
 */
public final class BuiltInBank {
  private static final Path DIR = Path.of("quizzes");
  private static QuizBank bank;

  private BuiltInBank() {
  }

  /** The loaded bank (loaded once per test run). */
  public static synchronized QuizBank bank() {
    if (bank == null) {
      bank = QuizBank.load(DIR, Content.loadReadings(DIR));
    }
    return bank;
  }

  public static Quiz quiz(String readingId) {
    return bank().forReading(readingId).orElseThrow(() -> new AssertionError("no quiz for " + readingId));
  }

  /** The first question of a quiz of the given type (a {@code QuestionType} class), about any example. */
  public static Question first(String readingId, Class<? extends QuestionType> type) {
    return quiz(readingId).questions().stream().filter(q -> type.isInstance(q.type())).findFirst()
      .orElseThrow(() -> new AssertionError(readingId + " has no " + type.getSimpleName() + " question"));
  }

  /** The first question of a quiz of the given type about the given example. */
  public static Question first(String readingId, String example, Class<? extends QuestionType> type) {
    return all(readingId, example, type).stream().findFirst()
      .orElseThrow(() -> new AssertionError(readingId + " has no " + type.getSimpleName() + " question about " + example));
  }

  /** Every question of a quiz of the given type about the given example, in file order. */
  public static List<Question> all(String readingId, String example, Class<? extends QuestionType> type) {
    return quiz(readingId).questions().stream()
      .filter(q -> q.example().equals(example) && type.isInstance(q.type())).toList();
  }

  /** The text of a single-choice question's keyed option. */
  public static String keyText(Question q) {
    SingleChoice s = (SingleChoice) q.type();
    return text(s.options(), s.answer());
  }

  /** A wrong option of a single-choice question (the first that is not the key). */
  public static String wrongOption(Question q) {
    SingleChoice s = (SingleChoice) q.type();
    return s.options().stream().map(Choice::id).filter(id -> !id.equals(s.answer())).findFirst().orElseThrow();
  }

  /** The key of a multiple-choice question, as option ids. */
  public static List<String> keys(Question q) {
    return ((MultipleChoice) q.type()).answer();
  }

  /** The text of the choice with the given id. */
  public static String text(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().text();
  }

  /** Total points as the pages print them: {@code 19}, or {@code 18.5}. */
  public static String points(double points) {
    return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
  }
}
