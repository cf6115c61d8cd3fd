package com.jiangxin.quiz;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.io.FileTemplateLoader;
import com.jiangxin.content.Content;
import com.jiangxin.content.Reading;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the type registry: every type has each part a question type needs (the parts the compiler
 * cannot check), shown on the README's complete quiz file, which holds one question of each type.
 */
class QuestionTypesTest {
  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  private static Map<String, Question> samples() throws IOException {
    Reading pian02 = Content.loadReadings(Path.of("quizzes")).stream()
      .filter(r -> r.id().equals("pian-02")).findFirst().orElseThrow();
    Quiz quiz = QuizLoader.parse("README.md", QuizFormatDocsTest.readmeExample(), pian02);
    Map<String, Question> byType = new HashMap<>();
    quiz.questions().forEach(q -> byType.putIfAbsent(q.typeName(), q));
    return byType;
  }

  @Test
  @DisplayName("every registered type has a unique name, Chinese labels, keys and a form partial that exists")
  void kinds() {
    Set<String> names = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (QuestionKind kind : QuestionTypes.ALL) {
      assertTrue(kind.name().matches("[a-z]+"), kind.name());
      assertTrue(names.add(kind.name()), "one entry per name: " + kind.name());
      assertTrue(labels.add(kind.label()), "labels tell types apart: " + kind.label());
      assertTrue(kind.label().matches("\\p{IsHan}+"), kind.name() + " has a Chinese label");
      assertTrue(kind.reportLabel().matches("\\p{IsHan}+"), kind.name() + " has a Chinese report label");
      assertTrue(kind.keys().containsAll(kind.labelledKeys()), kind.name());
      assertFalse(kind.keys().stream().anyMatch(k -> List.of("type", "example", "prompt", "points", "evidence",
        "explanation", "level", "note").contains(k)), kind.name() + " leaves the common keys to the loader");
      assertTrue(Files.isRegularFile(TEMPLATES.resolve(kind.partial() + ".hbs")), kind.partial() + ".hbs exists");
      assertEquals(kind.label(), QuestionTypes.label(kind.name()));
    }
  }

  @Test
  @DisplayName("every registered type is documented by a question of the README's quiz, and has every part")
  void everyTypeHasEveryPart() throws IOException {
    Map<String, Question> samples = samples();
    Handlebars handlebars = new Handlebars(new FileTemplateLoader(TEMPLATES.toFile(), ".hbs"));
    for (QuestionKind kind : QuestionTypes.ALL) {
      Question q = samples.get(kind.name());
      assertNotNull(q, "the README's complete quiz file shows a " + kind.name() + " question");
      QuestionType type = q.type();
      String name = kind.name();
      assertEquals(kind, type.kind(), name);

      // key text and the answer page
      assertFalse(type.keyText().isBlank(), name + " key text");
      assertNotNull(type.keyModel(), name + " key model");

      // demo answers: the right one grades right (or waits for a teacher), the wrong one does not
      Object right = type.demoRight();
      assertTrue(q.checkShape(right).isEmpty(), name + " demo right answer has the right shape");
      assertTrue(q.checkSize(right).isEmpty(), name + " demo right answer fits the size limit");
      Grade rightGrade = q.grade(right);
      assertTrue(type.autoGraded() ? rightGrade.equals(Grade.FULL) : rightGrade.pending(), name + " " + rightGrade);
      for (int seed = 0; seed < 10; seed++) {
        Object wrong = type.demoWrong(new Random(seed));
        assertTrue(q.checkShape(wrong).isEmpty(), name + " demo wrong answer has the right shape: " + wrong);
        assertTrue(q.grade(wrong).fraction() < 1, name + " demo wrong answer is not full marks: " + wrong);
      }

      // a submitted answer survives its JSON round trip (as it is stored) and reads in words
      Object stored = Json.decodeValue(Json.encode(right));
      assertEquals(rightGrade, q.grade(stored), name + " grades the stored answer alike");
      assertFalse(type.describe(stored).isBlank(), name + " describes an answer for the teacher");
      JsonObject view = q.studentView();
      assertFalse(kind.describe(view, stored).isBlank(), name + " review text");
      if (type.autoGraded()) {
        assertTrue(type.tally(stored, true).stream().anyMatch(Tally::correct)
          || type.bars().stream().anyMatch(Tally::correct), name + " report marks the right answer");
      }

      // the form: rendered from the student view, its fields are the question's, and read back
      Map<String, Object> model = new HashMap<>(kind.form(view, stored));
      model.put("id", q.id());
      model.put("field", "q." + q.id());
      String html = handlebars.compile(kind.partial()).apply(model);
      assertTrue(html.contains("name=\"q." + q.id()), name + " form fields are named after the question: " + html);
      assertFalse(html.contains("{{"), name);
      Optional<String> leak = Optional.ofNullable(view.getValue("answer")).map(String::valueOf);
      assertTrue(leak.isEmpty(), name + " student view carries no answer");
      assertTrue(type.maxAnswerLength() > 0, name);
    }
    assertEquals(QuestionTypes.names().size(), samples.size(), "the README shows no type the registry lacks");
  }
}
