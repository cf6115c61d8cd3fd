package com.jiangxin.quiz;

import com.jiangxin.content.Content;
import com.jiangxin.content.Reading;
import com.jiangxin.support.People;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuizApiTest {
  private static final Set<String> STUDENT_QUESTION_KEYS = Set.of("id", "type", "prompt", "points", "options",
    "left", "right", "items", "unit", "paragraphs");
  private static TestServer server;
  private static String teacher;
  private static String student;
  private static List<Reading> readings;
  private static QuizBank bank;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = People.token(server, People.register(server, "teacher"));
    student = People.token(server, People.register(server, "student"));
    readings = Content.loadReadings(Path.of("quizzes"));
    bank = QuizBank.load(Path.of("quizzes"), readings);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a reading's quiz needs a signed-in caller: 401 without a token or with a wrong one")
  void needsCaller() {
    HttpResponse<Buffer> anonymous = server.get("/api/v1/readings/pian-02/quiz");
    assertEquals(401, anonymous.statusCode());
    assertNotNull(anonymous.bodyAsJsonObject().getString("error"));
    assertEquals(401, server.get("/api/v1/readings/pian-02/quiz", "not-a-token").statusCode());
  }

  @Test
  @DisplayName("a student gets id, reading, version and each question's prompt, points and choices, and nothing else")
  void studentView() {
    for (Reading r : readings) {
      HttpResponse<Buffer> res = server.get("/api/v1/readings/" + r.id() + "/quiz", student);
      assertEquals(200, res.statusCode(), r.id());
      assertTrue(res.getHeader("Content-Type").startsWith("application/json"));
      JsonObject quiz = res.bodyAsJsonObject();
      Quiz expected = bank.forReading(r.id()).orElseThrow();
      assertEquals(r.id(), quiz.getString("id"));
      assertEquals(r.id(), quiz.getString("readingId"));
      assertEquals(expected.version(), quiz.getString("version"));
      JsonArray questions = quiz.getJsonArray("questions");
      assertEquals(expected.questions().size(), questions.size());
      for (int i = 0; i < questions.size(); i++) {
        JsonObject q = questions.getJsonObject(i);
        Question source = expected.questions().get(i);
        String where = r.id() + "#" + source.id();
        assertEquals(source.id(), q.getString("id"));
        assertEquals(source.typeName(), q.getString("type"));
        assertEquals(source.prompt(), q.getString("prompt"));
        assertTrue(q.getNumber("points").doubleValue() > 0, where);
        assertTrue(STUDENT_QUESTION_KEYS.containsAll(q.fieldNames()), where + " carries " + q.fieldNames());
        switch (source.typeName()) {
          case "single", "multiple" -> assertTrue(q.getJsonArray("options").size() >= 2, where);
          case "matching" -> assertTrue(q.getJsonArray("left").size() >= 2 && q.getJsonArray("right").size() >= 2, where);
          case "ordering" -> assertTrue(q.getJsonArray("items").size() >= 3, where);
          case "evidence" -> assertTrue(q.getJsonArray("paragraphs").getJsonObject(0).getJsonArray("sentences").size() >= 1, where);
          default -> assertFalse(q.containsKey("options"), where);
        }
      }
    }
  }

  @Test
  @DisplayName("a teacher's quiz also carries every question's key in submission shape, evidence, paragraph, explanation and example")
  void teacherView() {
    JsonObject quiz = server.get("/api/v1/readings/pian-05/quiz", teacher).bodyAsJsonObject();
    assertEquals("pian-05", quiz.getString("id"));
    Quiz expected = bank.forReading("pian-05").orElseThrow();
    JsonArray questions = quiz.getJsonArray("questions");
    for (int i = 0; i < questions.size(); i++) {
      JsonObject q = questions.getJsonObject(i);
      Question source = expected.questions().get(i);
      assertEquals(source.evidence(), q.getString("evidence"));
      assertEquals(source.paragraph(), q.getInteger("paragraph"));
      assertEquals(source.explanation(), q.getString("explanation"));
      assertEquals(source.example(), q.getString("example"));
      if (source.type() instanceof ShortAnswer) {
        assertNotNull(q.getString("rubric"));
      } else {
        assertEquals(source.key(), q.getValue("answer"), source.id());
      }
    }
    // each answer in submission shape: a letter, a number, an object of pairs, a text with its alternatives
    Question single = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", SingleChoice.class);
    assertEquals(((SingleChoice) single.type()).answer(), find(questions, single.id()).getString("answer"));
    Question clocks = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", Numeric.class);
    assertEquals(((Numeric) clocks.type()).answer().intValue(), find(questions, clocks.id()).getInteger("answer"));
    JsonArray pian02 = server.get("/api/v1/readings/pian-02/quiz", teacher).bodyAsJsonObject().getJsonArray("questions");
    Question matching = com.jiangxin.support.BuiltInBank.first("pian-02", Matching.class);
    JsonObject pairs = new JsonObject();
    ((Matching) matching.type()).answer().forEach(pairs::put);
    assertEquals(pairs, find(pian02, matching.id()).getJsonObject("answer"));
    Question book = com.jiangxin.support.BuiltInBank.first("pian-02", "路遥", FillIn.class);
    JsonObject fill = find(pian02, book.id());
    assertEquals("平凡的世界", fill.getString("answer"));
    assertTrue(fill.getJsonArray("accept").contains("《平凡的世界》"));
  }

  @Test
  @DisplayName("an unknown reading's quiz is a 404 with a JSON error")
  void unknownReading() {
    HttpResponse<Buffer> res = server.get("/api/v1/readings/pian-99/quiz", teacher);
    assertEquals(404, res.statusCode());
    assertTrue(res.bodyAsJsonObject().getString("error").contains("pian-99"));
  }

  private static JsonObject find(JsonArray questions, String id) {
    for (int i = 0; i < questions.size(); i++) {
      if (id.equals(questions.getJsonObject(i).getString("id"))) {
        return questions.getJsonObject(i);
      }
    }
    throw new AssertionError("no question " + id);
  }

  @Test
  @DisplayName("the API document describes the quiz and examples endpoints")
  void documented() {
    String yaml = server.get("/api/v1/openapi.yaml").bodyAsString();
    assertTrue(yaml.contains("\n  /api/v1/readings/{id}/quiz:\n"));
    assertTrue(yaml.contains("\n  /api/v1/examples:\n"));
    assertTrue(yaml.contains("QuizQuestionKey:"));
  }
}
