package com.jiangxin.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.content.Content;
import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Level;
import com.jiangxin.quiz.MultipleChoice;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The built-in bank in {@code quizzes/} meets the rules a Chinese teacher set for it: the linter
 * finds no error, every question has a level, every example is asked about, the showcase examples
 * are asked about for what they argue, keys are spread, and 篇九 is read as the report it is.
 */
class QuizBankRulesTest {
  static final Path DIR = Path.of("quizzes");
  static final List<String> SHOWCASE = List.of("路遥", "方仲永", "哈里森");
  /** Words with which a discussion prompt asks students to check what the text claims. */
  static final Pattern CHECK_A_CLAIM =
      Pattern.compile("查证|核实|核对|求证|考证|查一查|查查|查阅|查找|查资料|是否属实|是否准确|是否正确|准确吗|属实吗|真的是|有没有错|出入");

  static List<Reading> readings;
  static QuizBank bank;
  static LintReport lint;

  @BeforeAll
  static void load() {
    readings = Content.loadReadings(DIR);
    bank = QuizBank.load(DIR, readings);
    lint = QuizLinter.lintDirectory(DIR);
  }

  private static List<String> errors(String rule) {
    return lint.findings().stream().filter(f -> f.isError() && (rule == null || f.rule().equals(rule)))
        .map(Finding::format).toList();
  }

  @Test
  @DisplayName("the linter finds no error in quizzes/ (warnings may remain)")
  void lintFindsNoError() {
    assertEquals(List.of(), errors(null));
  }

  @Test
  @DisplayName("every question of the bank declares its level")
  void everyQuestionHasALevel() {
    assertEquals(List.of(), errors("level"));
  }

  @Test
  @DisplayName("every cited example of every reading has at least one question")
  void everyExampleAskedAbout() {
    List<String> missing = new ArrayList<>();
    for (Reading r : readings) {
      Quiz quiz = bank.forReading(r.id()).orElseThrow(() -> new AssertionError("no quiz for " + r.id()));
      for (CitedExample e : r.examples()) {
        if (quiz.questions().stream().noneMatch(q -> q.example().equals(e.name()))) {
          missing.add(r.id() + ": " + e.name());
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  @DisplayName("路遥, 方仲永 and 哈里森 each have at least two questions at understand or infer level")
  void showcaseExamplesAskedInDepth() {
    for (String example : SHOWCASE) {
      long deeper = bank.forExample(example).stream().filter(ref -> ref.question().level() != Level.RECALL).count();
      assertTrue(deeper >= 2, example + " has " + deeper + " understand/infer questions");
    }
  }

  @Test
  @DisplayName("at least 40% of each quiz's points are at understand or infer level")
  void levelMixPerQuiz() {
    for (Quiz quiz : bank.quizzes()) {
      double share = LevelMix.deeperShare(quiz);
      assertTrue(share >= 0.4 - 1e-9, quiz.readingId() + ": " + Math.round(share * 100) + "% at understand/infer");
    }
  }

  @Test
  @DisplayName("single-choice keys spread over the letters and no letter is in every multiple-choice key")
  void keysSpread() {
    assertEquals(List.of(), errors("key-balance"));
  }

  @Test
  @DisplayName("multiple-choice keys come in different sizes across the bank")
  void multipleKeySizesVary() {
    Set<Integer> sizes = new TreeSet<>();
    bank.quizzes().forEach(quiz -> quiz.questions().stream()
        .filter(q -> q.type() instanceof MultipleChoice)
        .forEach(q -> sizes.add(((MultipleChoice) q.type()).answer().size())));
    assertTrue(sizes.size() >= 2, "multiple-choice key sizes: " + sizes);
  }

  @Test
  @DisplayName("at least one discussion prompt of the bank invites students to check a claim of the text")
  void aPromptChecksAClaim() {
    List<String> prompts = bank.quizzes().stream().flatMap(q -> q.discussionPrompts().stream()).toList();
    assertTrue(prompts.stream().anyMatch(p -> CHECK_A_CLAIM.matcher(p).find()),
        "no discussion prompt asks students to check a claim (" + CHECK_A_CLAIM.pattern() + ")");
  }

  @Test
  @DisplayName("where the bank corrects the text, a question carries a teacher's note")
  void notesExist() {
    assertTrue(bank.quizzes().stream().flatMap(q -> q.questions().stream()).anyMatch(q -> q.note() != null),
        "no question has a note:");
  }

  @Test
  @DisplayName("篇九 is a news report: none of its prompts calls it a speech (演讲)")
  void pian09IsAReport() {
    Reading pian09 = readings.stream().filter(r -> r.number() == 9).findFirst().orElseThrow();
    Quiz quiz = bank.forReading(pian09.id()).orElseThrow();
    List<String> speaking = new ArrayList<>();
    quiz.discussionPrompts().stream().filter(p -> p.contains("演讲")).forEach(speaking::add);
    quiz.questions().stream().map(Question::prompt).filter(p -> p.contains("演讲")).forEach(speaking::add);
    assertEquals(List.of(), speaking);
  }
}
