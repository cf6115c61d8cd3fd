package com.jiangxin.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.lint.LintFixture;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The answer key page shows each question's level and note and what the linter found in that
 * quiz; the teacher view of the quiz API carries level and note, the student view neither, and a
 * student meets the note only in the feedback. The
 * quiz is a small one of our own with one planted error (a question without a level) and one
 * planted warning (a fill key that refuses its traditional form).
 */
class AnswerKeyLintTest {
  private static TestServer server;
  private static Accounts.Login teacher;

  @BeforeAll
  static void start() throws Exception {
    Path content = new LintFixture(Files.createTempDirectory("jiangxin-key-lint"))
        .quiz("level: recall\nprompt: 哈里森为造钟", "prompt: 哈里森为造钟")
        .quiz("answer: 泯然众人\naccept: 泯然眾人\n", "answer: 泯然众人\n")
        .write();
    server = TestServer.start(Map.of("QUIZZES_DIR", content.toString()));
    teacher = Accounts.teacher(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject question(JsonObject quiz, String id) {
    return quiz.getJsonArray("questions").stream().map(o -> (JsonObject) o)
        .filter(q -> id.equals(q.getString("id"))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the teacher view carries each question's level and its note; the student view carries neither")
  void levelAndNoteInTheApi() {
    JsonObject keyed = server.get("/api/v1/readings/pian-01/quiz", teacher.token()).bodyAsJsonObject();
    assertEquals("infer", question(keyed, "fang-lesson").getString("level"));
    assertEquals("方仲永的故事出自王安石的《伤仲永》。", question(keyed, "fang-lesson").getString("note"));
    assertEquals("understand", question(keyed, "luyao-why").getString("level"));
    assertEquals("recall", question(keyed, "harrison-years").getString("level"), "no level: is read as recall");
    assertFalse(question(keyed, "luyao-why").containsKey("note"), "no note, no field");

    String student = server.get("/api/v1/readings/pian-01/quiz", Accounts.student(server).token()).bodyAsString();
    assertFalse(student.contains("伤仲永"), "a note may tell the answer: students do not get it before feedback");
    assertFalse(student.contains("\"level\""), student);
  }

  @Test
  @DisplayName("the answer key page lists the linter's error and warning for the quiz, and each question's level and note")
  void findingsLevelsAndNotesOnThePage() {
    Accounts.Session session = Accounts.session(server, teacher);
    HttpResponse<Buffer> page = Accounts.get(server, session, "/readings/pian-01/quiz");
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertTrue(html.contains("题库检查：1 个错误，1 个提醒"), html);
    assertTrue(html.contains("题目没有标明层次（level）"), "the error, in Chinese");
    assertTrue(html.contains("<a href=\"#q-harrison-years\">harrison-years</a>"), "it links to its question");
    assertTrue(html.contains("填空或数值题可能判错合理的答案"), "the warning, in Chinese");
    assertTrue(html.contains("泯然眾人"), "with what would be graded wrong");
    assertTrue(html.contains("<span class=\"qlevel level-infer\" title=\"题目层次\">推断</span>"), "levels are shown");
    assertTrue(html.contains("<span class=\"qlevel level-understand\" title=\"题目层次\">理解</span>"));
    assertTrue(html.contains("<span class=\"key-label\">教师备注</span>方仲永的故事出自王安石的《伤仲永》。"), "notes are shown");
  }

  @Test
  @DisplayName("a student sees a question's note only with the feedback, in the API and on the review page")
  void noteAfterFeedback() {
    Accounts.Login student = Accounts.student(server);
    HttpResponse<Buffer> started = server.postJson("/api/v1/readings/pian-01/practice", new JsonObject(), student.token());
    assertEquals(201, started.statusCode(), started.bodyAsString());
    assertFalse(started.bodyAsString().contains("伤仲永"), "no note before feedback");
    long id = started.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> done = server.postJson("/api/v1/attempts/" + id + "/submit",
        new JsonObject().put("answers", new JsonObject().put("fang-lesson", "A")), student.token());
    assertEquals(200, done.statusCode(), done.bodyAsString());
    JsonObject graded = server.get("/api/v1/attempts/" + id, student.token()).bodyAsJsonObject();
    assertEquals("方仲永的故事出自王安石的《伤仲永》。", question(graded, "fang-lesson").getString("note"));
    assertFalse(question(graded, "luyao-why").containsKey("note"));
    String review = Accounts.get(server, Accounts.session(server, student), "/attempts/" + id).bodyAsString();
    assertTrue(review.contains("补充说明：方仲永的故事出自王安石的《伤仲永》。"), review);
  }
}
