package com.jiangxin.authoring;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GIFT file written by hand in Moodle's documented syntax imports as the README documents it:
 * escapes, titles, comments, per-answer and general feedback, weights, numeric tolerance and
 * ranges, true/false, short-answer alternatives, matching; what cannot be imported is skipped by line.
 */
class GiftImportTest {
  private static TestServer server;
  private static Login teacher;
  private static String readingId;
  private static JsonObject answer;
  private static List<JsonObject> questions;
  private static String moreReadingId;
  private static JsonObject moreAnswer;
  private static List<JsonObject> more;

  @BeforeAll
  static void importTheFile() throws Exception {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    readingId = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    String gift = Files.readString(Path.of("src/test/resources/authoring/hand-written.gift"));
    HttpResponse<Buffer> r = AuthoringFixtures.importQuiz(server, teacher.token(), readingId, "text/plain; charset=utf-8", gift, false);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    answer = r.bodyAsJsonObject();
    questions = server.get("/api/v1/readings/" + readingId + "/quiz", teacher.token()).bodyAsJsonObject()
      .getJsonArray("questions").stream().map(o -> (JsonObject) o).toList();
    moreReadingId = AuthoringFixtures.ownReading(server, teacher, "关于坚持（二）");
    HttpResponse<Buffer> m = AuthoringFixtures.importQuiz(server, teacher.token(), moreReadingId, "text/plain; charset=utf-8",
      Files.readString(Path.of("src/test/resources/authoring/hand-written-more.gift")), false);
    assertEquals(200, m.statusCode(), m.bodyAsString());
    moreAnswer = m.bodyAsJsonObject();
    more = server.get("/api/v1/readings/" + moreReadingId + "/quiz", teacher.token()).bodyAsJsonObject()
      .getJsonArray("questions").stream().map(o -> (JsonObject) o).toList();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject question(String id) {
    return questions.stream().filter(q -> q.getString("id").equals(id)).findFirst()
      .orElseThrow(() -> new AssertionError("no question " + id + " in " + questions));
  }

  @Test
  @DisplayName("seven questions import; the three that cannot are skipped with their line and why")
  void countsAndSkips() {
    assertEquals(7, answer.getInteger("imported"), answer.encode());
    JsonArray skipped = answer.getJsonArray("skipped");
    assertEquals(List.of(40, 43, 46), skipped.stream().map(o -> ((JsonObject) o).getInteger("line")).toList(), skipped.encode());
    skipped.forEach(o -> assertFalse(((JsonObject) o).getString("reason").isBlank()));
    assertTrue(skipped.getJsonObject(1).getString("reason").contains("evidence") || skipped.getJsonObject(1).getString("reason").contains("原文"),
      skipped.encode());
  }

  @Test
  @DisplayName("escaped characters come back as themselves, in the prompt and in the options")
  void escapes() {
    JsonObject q = question("braces");
    assertEquals("在 GIFT 里，{花括号}、等号 = 、波浪号 ~ 、井号 # 和冒号 : 都要转义。哪一项对？", q.getString("prompt"));
    assertEquals("single", q.getString("type"));
    JsonArray options = q.getJsonArray("options");
    assertEquals("写成 \\{ 和 \\}", options.getJsonObject(0).getString("text"));
    assertEquals(options.getJsonObject(0).getString("id"), q.getString("answer"));
  }

  @Test
  @DisplayName("general feedback gives the explanation and the evidence; a per-answer #feedback is not part of the answer")
  void feedback() {
    JsonObject q = question("braces");
    assertEquals("转义用反斜杠。", q.getString("explanation"));
    assertEquals("路遥身患重病，仍坚持写作", q.getString("evidence"));
    assertEquals(3, q.getInteger("paragraph"));
    assertFalse(q.getJsonArray("options").encode().contains("对了"));
  }

  @Test
  @DisplayName("numeric answers: tolerance {#6:1} and range {#5..7} both accept 5 to 7")
  void numericToleranceAndRange() {
    JsonObject tolerance = question("years-tolerance");
    assertEquals(6.0, ((Number) tolerance.getValue("answer")).doubleValue(), 1e-9);
    assertEquals(1.0, ((Number) tolerance.getValue("tolerance")).doubleValue(), 1e-9);
    JsonObject range = question("years-range");
    assertEquals(6.0, ((Number) range.getValue("answer")).doubleValue(), 1e-9);
    assertEquals(1.0, ((Number) range.getValue("tolerance")).doubleValue(), 1e-9);
  }

  @Test
  @DisplayName("weights make a multiple-answer question; {F} a false statement; = alternatives a fill-in; -> a matching")
  void otherTypes() {
    JsonObject multi = question("luyao-deeds");
    assertEquals("multiple", multi.getString("type"));
    assertEquals(new JsonArray().add("A").add("C"), multi.getJsonArray("answer"));
    assertEquals("understand", multi.getString("level"));
    assertEquals(2, ((Number) multi.getValue("points")).intValue());

    JsonObject tf = question("fang-hard-work");
    assertEquals("truefalse", tf.getString("type"));
    assertEquals(false, tf.getBoolean("answer"));
    assertEquals("方仲永", tf.getString("example"));

    JsonObject fill = question("novel");
    assertEquals("fill", fill.getString("type"));
    assertEquals("平凡的世界", fill.getString("answer"));
    assertEquals(new JsonArray().add("《平凡的世界》"), fill.getJsonArray("accept"));

    JsonObject match = question("who-did-what");
    assertEquals("matching", match.getString("type"));
    assertEquals(2, match.getJsonArray("left").size());
    JsonObject pairs = match.getJsonObject("answer");
    String luyaoRight = pairs.getString("L1");
    String text = match.getJsonArray("right").stream().map(o -> (JsonObject) o)
      .filter(o -> o.getString("id").equals(luyaoRight)).findFirst().orElseThrow().getString("text");
    assertEquals("坚持写作", text);
  }

  private static JsonObject more(String id) {
    return more.stream().filter(q -> q.getString("id").equals(id)).findFirst()
      .orElseThrow(() -> new AssertionError("no question " + id + " in " + more));
  }

  @Test
  @DisplayName("numeric answers written as 3:1 and as the range 1..5 import as 3 ± 1 and 3 ± 2")
  void numericForms() {
    assertEquals(4, moreAnswer.getInteger("imported"), moreAnswer.encode());
    assertEquals(0, moreAnswer.getJsonArray("skipped").size(), moreAnswer.encode());
    JsonObject tolerance = more("volumes-tolerance");
    assertEquals("numeric", tolerance.getString("type"));
    assertEquals(3.0, ((Number) tolerance.getValue("answer")).doubleValue(), 1e-9);
    assertEquals(1.0, ((Number) tolerance.getValue("tolerance")).doubleValue(), 1e-9);
    JsonObject range = more("volumes-range");
    assertEquals(3.0, ((Number) range.getValue("answer")).doubleValue(), 1e-9);
    assertEquals(2.0, ((Number) range.getValue("tolerance")).doubleValue(), 1e-9);
    assertEquals("《平凡的世界》有几卷（范围）？", range.getString("prompt"), "the [markdown] marker is not part of the text");
  }

  @Test
  @DisplayName("{TRUE#feedback} is a true statement without the feedback; [html] is dropped; text after the answers makes a missing word")
  void trueAndMissingWord() {
    JsonObject tf = more("luyao-true");
    assertEquals("truefalse", tf.getString("type"));
    assertEquals(true, tf.getBoolean("answer"));
    assertEquals("路遥身患重病仍坚持写作。", tf.getString("prompt"));
    assertFalse(tf.encode().contains("说得对"), tf.encode());

    JsonObject word = more("missing-word");
    assertEquals("single", word.getString("type"));
    assertEquals("路遥身患重病，仍坚持____，最终写出了《平凡的世界》。", word.getString("prompt"));
    String right = word.getJsonArray("options").stream().map(o -> (JsonObject) o)
      .filter(o -> o.getString("id").equals(word.getString("answer"))).findFirst().orElseThrow().getString("text");
    assertEquals("写作", right);
    assertEquals(3, word.getJsonArray("options").size());
  }

  @Test
  @DisplayName("the imported questions grade as Moodle would: inside the tolerance or range right, outside wrong")
  void importedNumericGrades() {
    HttpResponse<Buffer> practice = server.postJson("/api/v1/readings/" + moreReadingId + "/practice", new JsonObject(), teacher.token());
    assertEquals(201, practice.statusCode(), practice.bodyAsString());
    long attempt = practice.bodyAsJsonObject().getLong("id");
    JsonObject graded = server.postJson("/api/v1/attempts/" + attempt + "/submit", new JsonObject().put("answers", new JsonObject()
      .put("volumes-tolerance", 4).put("volumes-range", 6).put("luyao-true", true)
      .put("missing-word", more("missing-word").getString("answer"))), teacher.token()).bodyAsJsonObject();
    assertEquals(3.0, graded.getDouble("score"), 1e-9, "4 is within 3 ± 1, 6 is outside 1..5: " + graded.encode());
  }
}
