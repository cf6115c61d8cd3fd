package com.jiangxin.authoring;

import com.jiangxin.quiz.Quiz;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.BuiltInBank;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trip as a teacher does it, over HTTP, for every built-in quiz: copy the reading,
 * download its quiz as GIFT and as Moodle XML, import each into the copy instead of its quiz, and
 * practise both with a perfect sheet (the original key, found in the copy by the options' text):
 * the copy scores what the original scores on the questions the formats share.
 */
class InterchangeHttpRoundTripTest {
  private static TestServer server;
  private static Login teacher;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("every built-in quiz, through GIFT and through Moodle XML into a copy, grades a perfect sheet to the same score")
  void everyQuizSameScore() {
    for (Quiz quiz : BuiltInBank.bank().quizzes()) {
      String original = quiz.readingId();
      List<JsonObject> key = shared(teacherView(original));
      JsonObject sheet = new JsonObject();
      key.forEach(q -> sheet.put(q.getString("id"), q.getValue("answer")));
      double expected = practise(original, sheet);
      assertTrue(expected > 0, original);
      for (String format : List.of("gift", "xml")) {
        String where = original + " " + format;
        HttpResponse<Buffer> copied = server.postJson("/api/v1/readings/" + original + "/copy", new JsonObject(), teacher.token());
        assertEquals(201, copied.statusCode(), where + " " + copied.bodyAsString());
        String copy = copied.bodyAsJsonObject().getString("id");
        HttpResponse<Buffer> exported = server.get("/api/v1/readings/" + original + "/quiz." + format, teacher.token());
        assertEquals(200, exported.statusCode(), where);
        HttpResponse<Buffer> imported = AuthoringFixtures.importQuiz(server, teacher.token(), copy,
          format.equals("gift") ? "text/plain; charset=utf-8" : "application/xml; charset=utf-8", exported.bodyAsString(), true);
        assertEquals(200, imported.statusCode(), where + " " + imported.bodyAsString());
        assertEquals(0, imported.bodyAsJsonObject().getJsonArray("skipped").size(), where + " " + imported.bodyAsString());
        List<JsonObject> copyQuestions = teacherView(copy);
        assertEquals(key.size(), copyQuestions.size(), where);
        JsonObject translated = new JsonObject();
        for (JsonObject after : copyQuestions) {
          JsonObject before = key.stream().filter(q -> q.getString("id").equals(after.getString("id"))).findFirst()
            .orElseThrow(() -> new AssertionError(where + ": no question " + after.getString("id") + " in the original"));
          assertEquals(before.getString("type"), after.getString("type"), where);
          assertEquals(before.getString("prompt"), after.getString("prompt"), where);
          translated.put(after.getString("id"), translate(before, after));
        }
        assertEquals(expected, practise(copy, translated), 1e-9, where);
      }
    }
  }

  private static List<JsonObject> teacherView(String readingId) {
    HttpResponse<Buffer> r = server.get("/api/v1/readings/" + readingId + "/quiz", teacher.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonArray("questions").stream().map(o -> (JsonObject) o).toList();
  }

  private static List<JsonObject> shared(List<JsonObject> questions) {
    return questions.stream().filter(q -> Interchange.SHARED.contains(q.getString("type"))).toList();
  }

  /** Practises the reading's quiz with the sheet; answers the score. */
  private static double practise(String readingId, JsonObject sheet) {
    HttpResponse<Buffer> started = server.postJson("/api/v1/readings/" + readingId + "/practice", new JsonObject(), teacher.token());
    assertEquals(201, started.statusCode(), started.bodyAsString());
    HttpResponse<Buffer> submitted = server.postJson("/api/v1/attempts/" + started.bodyAsJsonObject().getLong("id") + "/submit",
      new JsonObject().put("answers", sheet), teacher.token());
    assertEquals(200, submitted.statusCode(), submitted.bodyAsString());
    Double score = submitted.bodyAsJsonObject().getDouble("score");
    assertNotNull(score, submitted.bodyAsString());
    return score;
  }

  /** The original's key in the copy's ids: options and matching entries are found by their text. */
  private static Object translate(JsonObject before, JsonObject after) {
    Object key = before.getValue("answer");
    switch (before.getString("type")) {
      case "single":
        return idOf(after, "options", textOf(before, "options", (String) key));
      case "multiple": {
        JsonArray out = new JsonArray();
        ((JsonArray) key).forEach(id -> out.add(idOf(after, "options", textOf(before, "options", (String) id))));
        return out;
      }
      case "matching": {
        JsonObject out = new JsonObject();
        ((JsonObject) key).forEach(e -> out.put(idOf(after, "left", textOf(before, "left", e.getKey())),
          idOf(after, "right", textOf(before, "right", (String) e.getValue()))));
        return out;
      }
      default:
        return key;
    }
  }

  private static String textOf(JsonObject q, String list, String id) {
    Map<String, String> texts = new HashMap<>();
    q.getJsonArray(list).forEach(o -> texts.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("text")));
    return texts.get(id);
  }

  private static String idOf(JsonObject q, String list, String text) {
    return q.getJsonArray(list).stream().map(o -> (JsonObject) o).filter(o -> o.getString("text").equals(text))
      .findFirst().orElseThrow(() -> new AssertionError("no " + list + " entry " + text + " in " + q.getString("id")))
      .getString("id");
  }
}
