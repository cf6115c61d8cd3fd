package com.jiangxin.authoring;

import com.jiangxin.content.Content;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.Matching;
import com.jiangxin.quiz.MultipleChoice;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizLoader;
import com.jiangxin.quiz.SingleChoice;
import com.jiangxin.support.BuiltInBank;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in quiz exported to GIFT and to Moodle XML and read back into a copy of its reading:
 * the shared types come back whole (example, evidence, level, points, unit, explanation), the others
 * are named as skipped, and a perfect sheet built from the original key grades to the same score.
 */
class InterchangeRoundTripTest {
  private static final List<Reading> READINGS = Content.loadReadings(Path.of("quizzes"));

  interface Reader {
    List<Interchange.Read> read(String text) throws Exception;
  }

  @Test
  @DisplayName("every built-in quiz survives GIFT out and in: same questions of the shared types, same perfect score")
  void giftRoundTrip() throws Exception {
    for (Quiz quiz : BuiltInBank.bank().quizzes()) {
      roundTrip(quiz, Gift.export(quiz), Gift::read, "GIFT");
    }
  }

  @Test
  @DisplayName("every built-in quiz survives Moodle XML out and in: same questions of the shared types, same perfect score")
  void xmlRoundTrip() throws Exception {
    for (Quiz quiz : BuiltInBank.bank().quizzes()) {
      roundTrip(quiz, MoodleXml.export(quiz), MoodleXml::read, "XML");
    }
  }

  private static void roundTrip(Quiz quiz, String exported, Reader reader, String format) throws Exception {
    Reading reading = READINGS.stream().filter(r -> r.id().equals(quiz.readingId())).findFirst().orElseThrow();
    List<Question> shared = quiz.questions().stream().filter(q -> Interchange.SHARED.contains(q.typeName())).toList();
    assertFalse(shared.isEmpty());
    List<Interchange.Read> reads = reader.read(exported);
    assertTrue(reads.stream().allMatch(r -> r.skipped() == null), format + " " + quiz.readingId() + ": "
      + reads.stream().filter(r -> r.skipped() != null).map(Interchange.Read::skipped).toList());
    StringBuilder text = new StringBuilder(QuizText.header(reading.id(), quiz.title(), quiz.discussionPrompts()));
    Set<String> ids = new HashSet<>();
    for (Interchange.Read r : reads) {
      text.append('\n').append(QuestionJson.render(r.question(), reading, ids).text());
    }
    Quiz copy = QuizLoader.parse("copy.quiz.md", text.toString(), reading);
    assertEquals(shared.size(), copy.questions().size(), format + " " + quiz.readingId());
    double original = 0;
    double imported = 0;
    for (int k = 0; k < shared.size(); k++) {
      Question before = shared.get(k);
      Question after = copy.questions().get(k);
      String where = format + " " + quiz.readingId() + " " + before.id();
      assertEquals(before.id(), after.id(), where);
      assertEquals(before.typeName(), after.typeName(), where);
      assertEquals(before.prompt(), after.prompt(), where);
      assertEquals(before.example(), after.example(), where);
      assertEquals(before.evidence(), after.evidence(), where);
      assertEquals(before.paragraph(), after.paragraph(), where);
      assertEquals(before.level(), after.level(), where);
      assertEquals(before.points(), after.points(), 1e-9, where);
      assertEquals(before.explanation(), after.explanation(), where);
      assertEquals(before.note(), after.note(), where);
      assertEquals(before.type().studentView().getString("unit"), after.type().studentView().getString("unit"), where);
      Object key = before.key();
      original += before.points() * before.grade(key).fraction();
      imported += after.points() * after.grade(translate(before, after, key)).fraction();
    }
    assertEquals(original, imported, 1e-9, format + " " + quiz.readingId());
  }

  /** The original key in the copy's ids: choices and matching entries are found by their text. */
  private static Object translate(Question before, Question after, Object key) {
    if (before.type() instanceof SingleChoice s) {
      return idOfText(((SingleChoice) after.type()).options(), textOf(s.options(), (String) key));
    }
    if (before.type() instanceof MultipleChoice m) {
      JsonArray out = new JsonArray();
      for (Object id : (JsonArray) key) {
        out.add(idOfText(((MultipleChoice) after.type()).options(), textOf(m.options(), (String) id)));
      }
      return out;
    }
    if (before.type() instanceof Matching m) {
      Matching copy = (Matching) after.type();
      JsonObject out = new JsonObject();
      for (Map.Entry<String, Object> e : (JsonObject) key) {
        out.put(idOfText(copy.left(), textOf(m.left(), e.getKey())), idOfText(copy.right(), textOf(m.right(), (String) e.getValue())));
      }
      return out;
    }
    return key;
  }

  private static String textOf(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().text();
  }

  private static String idOfText(List<Choice> choices, String text) {
    Choice c = choices.stream().filter(x -> x.text().equals(text)).findFirst().orElse(null);
    assertNotNull(c, "no choice with the text " + text);
    return c.id();
  }

  @Test
  @DisplayName("ordering and evidence questions are left out of an export with a note saying why")
  void unsupportedTypesAreNoted() {
    for (Quiz quiz : BuiltInBank.bank().quizzes()) {
      List<Question> left = new ArrayList<>(quiz.questions().stream()
        .filter(q -> !Interchange.SHARED.contains(q.typeName())).toList());
      String gift = Gift.export(quiz);
      String xml = MoodleXml.export(quiz);
      for (Question q : left) {
        assertTrue(gift.contains("略去 " + q.id()), quiz.readingId() + " " + q.id());
        assertTrue(xml.contains("略去 " + q.id()), quiz.readingId() + " " + q.id());
      }
    }
  }
}
