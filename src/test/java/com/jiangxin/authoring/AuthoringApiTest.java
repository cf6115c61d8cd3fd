package com.jiangxin.authoring;

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

import java.nio.charset.Charset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authoring API: readings with the importer's repairs, quizzes published as versions, the errors it words. */
class AuthoringApiTest {
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
  @DisplayName("a pasted text comes back as numbered paragraphs with the importer's repairs proposed, none made")
  void pastedTextGetsRepairProposals() {
    HttpResponse<Buffer> r = server.postJson("/api/v1/readings",
      new JsonObject().put("title", "关于坚持").put("text", AuthoringFixtures.PASTED), teacher.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertTrue(body.getString("id").matches("own-\\d+"), body.getString("id"));
    assertEquals(7, body.getJsonArray("paragraphs").size());
    assertEquals(1, body.getJsonArray("paragraphs").getJsonObject(0).getInteger("n"));
    JsonArray repairs = body.getJsonArray("repairs");
    assertEquals(List.of("boilerplate", "join", "stray-mark"),
      repairs.stream().map(o -> ((JsonObject) o).getString("kind")).toList(), repairs.encode());
    JsonObject join = repairs.getJsonObject(1);
    assertEquals(4, join.getInteger("paragraph"));
    assertTrue(join.getString("after").contains("他用了六年时间完成这部三卷本的小说。"), join.encode());
    assertEquals("方仲永少年成才，却少于练习，最终泯然众人。", repairs.getJsonObject(2).getString("after"));
  }

  @Test
  @DisplayName("accepting only the page-break join makes that repair alone; the others stay proposed")
  void acceptOneRepair() {
    JsonObject created = server.postJson("/api/v1/readings",
      new JsonObject().put("title", "关于坚持").put("text", AuthoringFixtures.PASTED), teacher.token()).bodyAsJsonObject();
    String id = created.getString("id");
    HttpResponse<Buffer> r = server.putJson("/api/v1/readings/" + id, new JsonObject().put("accept", new JsonArray().add(1)),
      teacher.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray paragraphs = r.bodyAsJsonObject().getJsonArray("paragraphs");
    assertEquals(6, paragraphs.size());
    assertTrue(paragraphs.getJsonObject(3).getString("text").endsWith("他用了六年时间完成这部三卷本的小说。"));
    assertEquals(List.of("boilerplate", "stray-mark"), r.bodyAsJsonObject().getJsonArray("repairs").stream()
      .map(o -> ((JsonObject) o).getString("kind")).toList());
  }

  @Test
  @DisplayName("an empty, oversized or untitled text is a 400 naming the field")
  void emptyOrOversized() {
    for (JsonObject body : List.of(new JsonObject().put("title", "空").put("text", "  \n "),
      new JsonObject().put("title", "长").put("text", "字".repeat(AuthoringApi.MAX_TEXT + 1)),
      new JsonObject().put("text", "一段话。"))) {
      HttpResponse<Buffer> r = server.postJson("/api/v1/readings", body, teacher.token());
      assertEquals(400, r.statusCode(), r.bodyAsString());
      assertFalse(r.bodyAsJsonObject().getString("error").isBlank());
      assertTrue(List.of("text", "title").contains(r.bodyAsJsonObject().getString("field")), r.bodyAsString());
    }
  }

  @Test
  @DisplayName("an uploaded GB18030 file is read as Chinese text")
  void gb18030Upload() {
    byte[] bytes = "路遥身患重病，仍坚持写作。\n方仲永泯然众人。".getBytes(Charset.forName("GB18030"));
    HttpResponse<Buffer> r = TestServer.auth(server.client.post("/api/v1/readings?title=" + "upload"), teacher.token())
      .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer(bytes)).await();
    assertEquals(201, r.statusCode(), r.bodyAsString());
    assertEquals("路遥身患重病，仍坚持写作。", r.bodyAsJsonObject().getJsonArray("paragraphs").getJsonObject(0).getString("text"));
  }

  @Test
  @DisplayName("an example marked on text that is not in the reading is a 400 on examples")
  void exampleNotInText() {
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    HttpResponse<Buffer> r = server.putJson("/api/v1/readings/" + id, new JsonObject().put("examples", new JsonArray()
      .add(new JsonObject().put("name", "李白").put("terms", new JsonArray().add("李白")))), teacher.token());
    assertEquals(400, r.statusCode());
    assertEquals("examples", r.bodyAsJsonObject().getString("field"));
  }

  @Test
  @DisplayName("publishing a quiz answers its version, question count and the linter's warnings; a broken one its line")
  void publishQuiz() {
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    HttpResponse<Buffer> ok = AuthoringFixtures.putQuiz(server, teacher.token(), id, AuthoringFixtures.quiz(id, "6"));
    assertEquals(200, ok.statusCode(), ok.bodyAsString());
    JsonObject body = ok.bodyAsJsonObject();
    assertEquals(2, body.getInteger("questions"));
    assertTrue(body.getString("version").matches("[0-9a-f]{12}"));
    assertTrue(body.getValue("warnings") instanceof JsonArray);
    JsonObject quiz = server.get("/api/v1/readings/" + id + "/quiz", teacher.token()).bodyAsJsonObject();
    assertEquals(body.getString("version"), quiz.getString("version"));
    assertEquals(2, quiz.getJsonArray("questions").size());

    String broken = AuthoringFixtures.quiz(id, "6").replace("evidence: 最终泯然众人", "evidence: 这句话不在文章里");
    HttpResponse<Buffer> bad = AuthoringFixtures.putQuiz(server, teacher.token(), id, broken);
    assertEquals(400, bad.statusCode(), bad.bodyAsString());
    int line = bad.bodyAsJsonObject().getInteger("line");
    assertTrue(broken.split("\n")[line - 1].startsWith("evidence: 这句话") || broken.split("\n")[line - 1].startsWith("## "),
      bad.bodyAsString());
    assertFalse(bad.bodyAsJsonObject().getString("error").isBlank());
    assertEquals(body.getString("version"),
      server.get("/api/v1/readings/" + id + "/quiz", teacher.token()).bodyAsJsonObject().getString("version"),
      "a refused quiz changes nothing");
  }

  @Test
  @DisplayName("a question added as JSON in the teacher view's shape gets its id; a bad one names the field")
  void addQuestion() {
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    JsonObject q = new JsonObject().put("type", "multiple").put("prompt", "演讲稿中，路遥做了哪些事？")
      .put("options", new JsonArray()
        .add(new JsonObject().put("id", "A").put("text", "身患重病仍坚持写作"))
        .add(new JsonObject().put("id", "B").put("text", "少年成才却少于练习"))
        .add(new JsonObject().put("id", "C").put("text", "写出了《平凡的世界》")))
      .put("answer", new JsonArray().add("A").add("C")).put("example", "路遥").put("level", "recall")
      .put("evidence", "路遥身患重病，仍坚持写作");
    HttpResponse<Buffer> r = server.postJson("/api/v1/readings/" + id + "/questions", q, teacher.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    String qid = r.bodyAsJsonObject().getString("id");
    JsonObject quiz = server.get("/api/v1/readings/" + id + "/quiz", teacher.token()).bodyAsJsonObject();
    JsonObject stored = quiz.getJsonArray("questions").getJsonObject(0);
    assertEquals(qid, stored.getString("id"));
    assertEquals(new JsonArray().add("A").add("C"), stored.getJsonArray("answer"));
    assertEquals(3, stored.getInteger("paragraph"));

    // the view's own shape goes back in: a second question, same shape
    JsonObject again = stored.copy();
    again.remove("id");
    assertEquals(201, server.postJson("/api/v1/readings/" + id + "/questions", again, teacher.token()).statusCode());

    for (String[] broken : new String[][] {{"answer", null}, {"evidence", "这句话不在文章里"}, {"prompt", ""},
      {"type", "essay"}, {"example", "李白"}}) {
      JsonObject bad = q.copy();
      if (broken[1] == null) {
        bad.remove(broken[0]);
      } else {
        bad.put(broken[0], broken[1]);
      }
      HttpResponse<Buffer> refused = server.postJson("/api/v1/readings/" + id + "/questions", bad, teacher.token());
      assertEquals(400, refused.statusCode(), refused.bodyAsString());
      assertEquals(broken[0], refused.bodyAsJsonObject().getString("field"), refused.bodyAsString());
    }
  }

  @Test
  @DisplayName("built-in quizzes are read-only: publish, add and import answer 403 and say to copy first")
  void builtInIsReadOnly() {
    String builtIn = BuiltInBank.bank().quizzes().get(0).readingId();
    List<HttpResponse<Buffer>> answers = List.of(
      AuthoringFixtures.putQuiz(server, teacher.token(), builtIn, "---\n"),
      server.postJson("/api/v1/readings/" + builtIn + "/questions", new JsonObject().put("type", "truefalse"), teacher.token()),
      AuthoringFixtures.importQuiz(server, teacher.token(), builtIn, "text/plain", "题{T}", false));
    for (HttpResponse<Buffer> r : answers) {
      assertEquals(403, r.statusCode(), r.bodyAsString());
      assertTrue(r.bodyAsJsonObject().getString("error").contains("复制"), r.bodyAsString());
    }
  }

  @Test
  @DisplayName("a built-in reading copied is the teacher's own, with a copy of its quiz that can then be edited")
  void copyBuiltIn() {
    var original = BuiltInBank.bank().quizzes().get(1);
    HttpResponse<Buffer> r = server.postJson("/api/v1/readings/" + original.readingId() + "/copy", new JsonObject(), teacher.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    String id = r.bodyAsJsonObject().getString("id");
    assertTrue(id.startsWith("own-"));
    JsonObject quiz = server.get("/api/v1/readings/" + id + "/quiz", teacher.token()).bodyAsJsonObject();
    assertEquals(original.questions().size(), quiz.getJsonArray("questions").size());
    JsonObject reading = server.get("/api/v1/readings/" + id, teacher.token()).bodyAsJsonObject();
    assertTrue(reading.encode().contains("（副本）"), reading.encode());
    // the copy is writable
    JsonObject first = quiz.getJsonArray("questions").getJsonObject(0).copy();
    first.remove("id");
    assertEquals(201, server.postJson("/api/v1/readings/" + id + "/questions", first, teacher.token()).statusCode());
    // and a copy of the copy works too
    assertEquals(201, server.postJson("/api/v1/readings/" + id + "/copy", new JsonObject(), teacher.token()).statusCode());
  }

  @Test
  @DisplayName("a built-in quiz exported over HTTP to GIFT and to Moodle XML imports into a copy with nothing but ordering and evidence skipped")
  void httpRoundTrip() {
    var original = BuiltInBank.bank().quizzes().get(4);
    String id = server.postJson("/api/v1/readings/" + original.readingId() + "/copy", new JsonObject(), teacher.token())
      .bodyAsJsonObject().getString("id");
    long shared = original.questions().stream().filter(q -> Interchange.SHARED.contains(q.typeName())).count();
    for (String format : List.of("gift", "xml")) {
      HttpResponse<Buffer> exported = server.get("/api/v1/readings/" + original.readingId() + "/quiz." + format, teacher.token());
      assertEquals(200, exported.statusCode());
      assertTrue(exported.getHeader("Content-Type").startsWith(format.equals("gift") ? "text/plain" : "application/xml"));
      HttpResponse<Buffer> imported = AuthoringFixtures.importQuiz(server, teacher.token(), id,
        format.equals("gift") ? "text/plain; charset=utf-8" : "application/xml", exported.bodyAsString(), true);
      assertEquals(200, imported.statusCode(), imported.bodyAsString());
      assertEquals(shared, imported.bodyAsJsonObject().getInteger("imported").longValue(), imported.bodyAsString());
      assertEquals(0, imported.bodyAsJsonObject().getJsonArray("skipped").size(), imported.bodyAsString());
      assertEquals(shared, server.get("/api/v1/readings/" + id + "/quiz", teacher.token()).bodyAsJsonObject()
        .getJsonArray("questions").size());
    }
  }

  @Test
  @DisplayName("a Moodle XML file with a DOCTYPE or external entity is refused and reads nothing from the server")
  void xmlExternalEntitiesRefused() {
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      + "<quiz><question type=\"truefalse\"><name><text>&x;</text></name><questiontext><text>&x;</text></questiontext>"
      + "<answer fraction=\"100\"><text>true</text></answer></question></quiz>";
    HttpResponse<Buffer> r = AuthoringFixtures.importQuiz(server, teacher.token(), id, "application/xml", xxe, false);
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertFalse(r.bodyAsString().contains("root:"), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().containsKey("line"));
  }

  @Test
  @DisplayName("a re-published quiz gets a new version; the old one stays stored")
  void republishMakesNewVersion() {
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    String v1 = AuthoringFixtures.putQuiz(server, teacher.token(), id, AuthoringFixtures.quiz(id, "6")).bodyAsJsonObject().getString("version");
    String v2 = AuthoringFixtures.putQuiz(server, teacher.token(), id, AuthoringFixtures.quiz(id, "7")).bodyAsJsonObject().getString("version");
    assertNotEquals(v1, v2);
    String again = AuthoringFixtures.putQuiz(server, teacher.token(), id, AuthoringFixtures.quiz(id, "6")).bodyAsJsonObject().getString("version");
    assertEquals(v1, again, "the same text is the same version");
  }
}
