package com.jiangxin.authoring;

import com.jiangxin.account.Auth;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.Accounts.Session;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authoring pages over HTTP: who may open them, what they escape, and the editor's JSON quiz and preview. */
class AuthoringPagesTest {
  private static TestServer server;
  private static Login owner;
  private static Session ownerSession;
  private static String readingId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    owner = Accounts.teacher(server);
    ownerSession = Accounts.session(server, owner);
    readingId = AuthoringFixtures.ownReading(server, owner, "关于坚持");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> pages(String id) {
    return List.of("/authoring/readings/" + id, "/authoring/readings/" + id + "/quiz");
  }

  private static HttpResponse<Buffer> preview(Session session, String id, JsonObject draft, String csrf) {
    return server.client.post("/authoring/readings/" + id + "/preview")
      .putHeader("Cookie", Auth.COOKIE + "=" + session.sid()).putHeader("X-CSRF-Token", csrf)
      .putHeader("Content-Type", "application/json").sendBuffer(draft.toBuffer()).await();
  }

  /** The fixture's quiz as the editor sends it: a numeric question and a single choice. */
  private static JsonObject draft(Object numericAnswer) {
    return new JsonObject().put("discuss", new JsonArray().add("你坚持做成过什么事？").add("路遥和方仲永，你更像谁？"))
      .put("questions", new JsonArray()
        .add(new JsonObject().put("type", "numeric").put("prompt", "路遥用了几年完成这部小说？").put("answer", numericAnswer)
          .put("unit", "年").put("example", "路遥").put("evidence", "他用了六年时间完成这部三卷本的小说"))
        .add(new JsonObject().put("type", "single").put("prompt", "方仲永最终怎样？")
          .put("options", new JsonArray().add(new JsonObject().put("id", "A").put("text", "成了大诗人"))
            .add(new JsonObject().put("id", "B").put("text", "泯然众人")))
          .put("answer", "B").put("example", "方仲永").put("level", "understand").put("evidence", "最终泯然众人")));
  }

  @Test
  @DisplayName("the owner opens the list, the new-reading page and both editors; another teacher gets 404, a student 403, a visitor the login page")
  void whoMayOpen() {
    for (String path : List.of("/authoring/readings", "/authoring/readings/new", pages(readingId).get(0), pages(readingId).get(1))) {
      HttpResponse<Buffer> r = Accounts.get(server, ownerSession, path);
      assertEquals(200, r.statusCode(), path);
      assertTrue(r.bodyAsString().contains("/static/js/authoring.js"), path);
    }
    assertTrue(Accounts.get(server, ownerSession, "/authoring/readings").bodyAsString().contains("关于坚持"));
    HttpResponse<Buffer> builtIn = Accounts.get(server, ownerSession, "/authoring/readings/pian-01/quiz");
    assertEquals(200, builtIn.statusCode());
    assertTrue(builtIn.bodyAsString().contains("data-copy-reading=\"pian-01\""), "a built-in quiz offers a copy, not an editor");
    assertFalse(builtIn.bodyAsString().contains("id=\"authoring-quiz\""));
    Session other = Accounts.session(server, Accounts.teacher(server));
    for (String path : pages(readingId)) {
      HttpResponse<Buffer> r = Accounts.get(server, other, path);
      assertEquals(404, r.statusCode(), path);
      assertFalse(r.bodyAsString().contains("路遥身患重病"), path);
    }
    assertFalse(Accounts.get(server, other, "/authoring/readings").bodyAsString().contains(readingId),
      "another teacher's list does not show it");
    assertEquals(404, preview(other, readingId, draft(6), other.csrf()).statusCode());
    Session student = Accounts.session(server, Accounts.student(server));
    for (String path : List.of("/authoring/readings", pages(readingId).get(0), pages(readingId).get(1))) {
      assertEquals(403, Accounts.get(server, student, path).statusCode(), path);
    }
    HttpResponse<Buffer> anonymous = server.get("/authoring/readings/" + readingId + "/quiz");
    assertEquals(303, anonymous.statusCode());
    assertTrue(anonymous.getHeader("Location").startsWith("/login?next="));
  }

  @Test
  @DisplayName("a preview without the CSRF header is refused")
  void previewNeedsCsrf() {
    assertEquals(403, preview(ownerSession, readingId, draft(6), "wrong").statusCode());
  }

  @Test
  @DisplayName("the preview draws the draft as the quiz page does, with warnings and ids; a bad question is a 400 naming it and its field")
  void previewAndItsErrors() {
    HttpResponse<Buffer> ok = preview(ownerSession, readingId, draft(6), ownerSession.csrf());
    assertEquals(200, ok.statusCode(), ok.bodyAsString());
    String html = ok.bodyAsString();
    assertEquals(2, html.split("<fieldset class=\"question\"", -1).length - 1, html);
    assertTrue(html.contains("泯然众人") && html.contains("data-warnings="), html);
    assertFalse(html.contains("他用了六年时间完成这部三卷本的小说"), "no evidence or key in what a student would see");

    JsonObject bad = draft(6);
    bad.getJsonArray("questions").getJsonObject(1).put("evidence", "这句话不在文章里");
    HttpResponse<Buffer> refused = preview(ownerSession, readingId, bad, ownerSession.csrf());
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    JsonObject error = refused.bodyAsJsonObject();
    assertEquals(1, error.getInteger("question"), error.encode());
    assertEquals("evidence", error.getString("field"), error.encode());
    assertFalse(error.getString("error").isBlank());

    JsonObject noAnswer = draft(6);
    noAnswer.getJsonArray("questions").getJsonObject(1).remove("answer");
    JsonObject e2 = preview(ownerSession, readingId, noAnswer, ownerSession.csrf()).bodyAsJsonObject();
    assertEquals(1, e2.getInteger("question"));
    assertEquals("answer", e2.getString("field"));
  }

  @Test
  @DisplayName("the editor publishes a whole quiz as JSON: a new version keeping the ids it was given; a bad one names question and field and changes nothing")
  void publishDraft() {
    String id = AuthoringFixtures.ownReading(server, owner, "关于坚持");
    JsonObject first = draft(6);
    first.getJsonArray("questions").getJsonObject(1).put("id", "fang-end");
    HttpResponse<Buffer> r = server.putJson("/api/v1/readings/" + id + "/quiz", first, owner.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(2, body.getInteger("questions"));
    assertEquals("fang-end", body.getJsonArray("ids").getString(1));
    assertTrue(body.getValue("warnings") instanceof JsonArray);
    JsonObject quiz = server.get("/api/v1/readings/" + id + "/quiz", owner.token()).bodyAsJsonObject();
    assertEquals(body.getString("version"), quiz.getString("version"));
    assertEquals(List.of("你坚持做成过什么事？", "路遥和方仲永，你更像谁？"), quiz.getJsonArray("discuss").getList());

    // reordered, the ids travel with their questions
    JsonObject reordered = new JsonObject().put("discuss", first.getJsonArray("discuss")).put("questions", new JsonArray()
      .add(first.getJsonArray("questions").getJsonObject(1))
      .add(first.getJsonArray("questions").getJsonObject(0).copy().put("id", body.getJsonArray("ids").getString(0))));
    JsonObject again = server.putJson("/api/v1/readings/" + id + "/quiz", reordered, owner.token()).bodyAsJsonObject();
    assertEquals(List.of("fang-end", body.getJsonArray("ids").getString(0)), again.getJsonArray("ids").getList());

    JsonObject broken = draft("六");
    HttpResponse<Buffer> refused = server.putJson("/api/v1/readings/" + id + "/quiz", broken, owner.token());
    assertEquals(400, refused.statusCode(), refused.bodyAsString());
    assertEquals(0, refused.bodyAsJsonObject().getInteger("question"));
    assertEquals("answer", refused.bodyAsJsonObject().getString("field"));
    assertEquals(again.getString("version"), server.get("/api/v1/readings/" + id + "/quiz", owner.token())
      .bodyAsJsonObject().getString("version"), "a refused quiz changes nothing");
  }

  @Test
  @DisplayName("hostile text in a reading's title and body is escaped in every authoring page's HTML")
  void hostileTextEscaped() {
    String title = "<script>alert(1)</script>\"'";
    String id = server.postJson("/api/v1/readings", new JsonObject().put("title", title)
      .put("text", "路遥说：<img src=x onerror=alert(2)>坚持。"), owner.token()).bodyAsJsonObject().getString("id");
    for (String path : List.of("/authoring/readings", pages(id).get(0), pages(id).get(1))) {
      String html = Accounts.get(server, ownerSession, path).bodyAsString();
      assertFalse(html.contains("<script>alert"), path);
      assertFalse(html.contains("<img src=x"), path);
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path);
    }
  }
}
