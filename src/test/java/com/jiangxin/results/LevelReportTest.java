package com.jiangxin.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.lint.LintFixture;
import com.jiangxin.results.ResultsFixtures.Person;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The report rolls facility up by level, on a small quiz of our own: two understand questions and
 * one infer question (2 points each) and six recall questions, answered by two students.
 */
class LevelReportTest {
  private static TestServer server;
  private static Login teacher;
  private static long assignmentId;

  private record Login(Accounts.Login login, Person person) {
  }

  private static Login person(Accounts.Login login) {
    return new Login(login, new Person(login.id(), login.username(), login.displayName(), login.token()));
  }

  @BeforeAll
  static void start() throws Exception {
    Path content = new LintFixture(Files.createTempDirectory("jiangxin-levels")).write();
    server = TestServer.start(Map.of("QUIZZES_DIR", content.toString()));
    teacher = person(Accounts.teacher(server));
    Login a = person(Accounts.student(server, "甲同学"));
    Login b = person(Accounts.student(server, "乙同学"));
    long classId = ResultsFixtures.createClass(server, teacher.person(), "高一（7）班");
    ResultsFixtures.enrol(server, classId, a.person(), b.person());
    assignmentId = ResultsFixtures.assign(server, classId, "pian-01", 1, "best");
    // understand: luyao-why (key A), harrison-purpose (key B); infer: fang-lesson (key C); the rest recall
    ResultsFixtures.submit(server, a.person(), assignmentId,
        new JsonObject().put("luyao-why", "A").put("harrison-purpose", "B").put("fang-lesson", "C"));
    ResultsFixtures.submit(server, b.person(), assignmentId,
        new JsonObject().put("luyao-why", "B").put("harrison-purpose", "B").put("fang-lesson", "C")
            .put("fang-fate", "泯然众人"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("the report JSON gives facility by level, in level order, and each question's level")
  void levelsInJson() {
    HttpResponse<Buffer> r = server.get("/api/v1/assignments/" + assignmentId + "/report", teacher.login().token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray levels = r.bodyAsJsonObject().getJsonArray("levels");
    assertEquals(List.of("recall", "understand", "infer"),
        levels.stream().map(o -> ((JsonObject) o).getString("level")).toList());
    JsonObject recall = levels.getJsonObject(0);
    JsonObject understand = levels.getJsonObject(1);
    JsonObject infer = levels.getJsonObject(2);
    assertEquals(6, recall.getInteger("questions"));
    assertEquals(12, recall.getInteger("responses"), "blank answers count as wrong");
    assertEquals(0.083, recall.getDouble("facility"), 1e-3);
    assertEquals(2, understand.getInteger("questions"));
    assertEquals(0.75, understand.getDouble("facility"), 1e-9);
    assertEquals(1.0, infer.getDouble("facility"), 1e-9);
    JsonObject first = r.bodyAsJsonObject().getJsonArray("questions").getJsonObject(0);
    assertEquals("luyao-why", first.getString("id"));
    assertEquals("understand", first.getString("level"));
  }

  @Test
  @DisplayName("the report page shows facility by level beside facility by example")
  void levelsOnThePage() {
    Accounts.Session session = Accounts.session(server, teacher.login());
    HttpResponse<Buffer> page = Accounts.get(server, session, "/assignments/" + assignmentId + "/report");
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertTrue(html.contains("按例子看"), "by example");
    int levels = html.indexOf("按层次看");
    assertTrue(levels > 0, "by level");
    String section = html.substring(levels, html.indexOf("</section>", levels));
    assertTrue(section.contains("识记（6 题）") && section.contains("8%"), section);
    assertTrue(section.contains("理解（2 题）") && section.contains("75%"), section);
    assertTrue(section.contains("推断（1 题）") && section.contains("100%"), section);
  }
}
