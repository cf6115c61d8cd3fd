package com.jiangxin.quiz;

import com.jiangxin.content.Content;
import com.jiangxin.content.Reading;
import com.jiangxin.lint.Finding;
import com.jiangxin.lint.QuizLinter;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quiz example is a real quiz file: it loads against 篇二 and grades as documented. */
class QuizFormatDocsTest {

  static String readmeExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("## Quiz files");
    assertTrue(section >= 0, "README has a Quiz files section");
    int start = readme.indexOf("```\n---\n", section);
    assertTrue(start >= 0, "the section shows a complete quiz file");
    int end = readme.indexOf("\n```", start + 4);
    return readme.substring(start + 4, end + 1);
  }

  @Test
  @DisplayName("the README's complete quiz file loads against the real 篇二 and uses all nine types")
  void readmeExampleLoads() throws IOException {
    Reading pian02 = Content.loadReadings(Path.of("quizzes")).stream()
      .filter(r -> r.id().equals("pian-02")).findFirst().orElseThrow();
    Quiz quiz = QuizLoader.parse("README.md", readmeExample(), pian02);
    Set<String> types = new LinkedHashSet<>();
    quiz.questions().forEach(q -> types.add(q.typeName()));
    assertEquals(Set.copyOf(QuestionTypes.names()), types);
    assertEquals(2, quiz.discussionPrompts().size());
    assertTrue(quiz.questions().stream().anyMatch(q -> q.level() != Level.RECALL), "the example shows levels");
    assertTrue(quiz.questions().stream().anyMatch(q -> q.note() != null), "the example shows a note");
    Question order = quiz.question("example-order").orElseThrow();
    assertNotEquals(List.of("I1", "I2", "I3", "I4"), ((Ordering) order.type()).answer(), "the README follows its own advice");
    assertTrue(quiz.question("fang-beside-luyao").orElseThrow().type() instanceof ShortAnswer s
      && s.rubric().contains("\n"), "continuation lines join with a newline");
    Question fate = quiz.question("fangzhongyong-fate").orElseThrow();
    assertEquals(Grade.FULL, fate.grade("“泯然众人”。"));
    assertEquals(Grade.FULL, quiz.question("zhaopu-years").orElseThrow().grade("三年"));
    assertEquals(Grade.of(2.0 / 3), quiz.question("people-deeds").orElseThrow()
      .grade(new JsonObject().put("L1", "R3").put("L2", "R4").put("L3", "R2")));
  }

  @Test
  @DisplayName("the README's complete quiz file passes the linter but for the examples of 篇二 it leaves out")
  void readmeExampleLints() throws IOException {
    Reading pian02 = Content.loadReadings(Path.of("quizzes")).stream()
      .filter(r -> r.id().equals("pian-02")).findFirst().orElseThrow();
    String text = readmeExample();
    List<Finding> findings = QuizLinter.lint("README.md", QuizLoader.parse("README.md", text, pian02), pian02, text);
    assertEquals(List.of(), findings.stream().filter(f -> !f.rule().equals("coverage")).map(Finding::format).toList());
    assertEquals(4, findings.size(), "four examples of 篇二 have no question in the README's example");
  }
}
