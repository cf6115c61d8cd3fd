package com.jiangxin.discussion;

import com.jiangxin.discussion.DiscussionFixtures.Room;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.marginThread;
import static com.jiangxin.discussion.DiscussionFixtures.post;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comments anchored to a paragraph (and optionally a sentence) of the assignment's reading. */
class MarginCommentsTest {
  /** Paragraph 2 of pian-05 is body text; paragraph 1 is a section heading. */
  private static final int PARA = 2;
  private static TestServer server;
  private static Room room;
  private static long margin;
  private static String sentence;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    room = room(server, "pian-05", "批注人", "读批注的人");
    margin = marginThread(server, room);
    String text = server.get("/api/v1/readings/pian-05").bodyAsJsonObject().getJsonArray("paragraphs")
      .getJsonObject(PARA - 1).getString("text");
    sentence = PostViews.sentences(text).get(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a comment on a paragraph keeps its quoted sentence; the annotations API returns paragraph, quote, author, body, time")
  void annotateWithQuote() {
    HttpResponse<Buffer> created = post(server, margin, room.student(0).token(),
      new JsonObject().put("body", "这句话让我想到自己。").put("paragraph", PARA).put("quote", sentence));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    long id = created.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> reply = post(server, margin, room.student(1).token(),
      new JsonObject().put("body", "我也是").put("parentId", id));
    assertEquals(201, reply.statusCode());
    assertEquals(PARA, reply.bodyAsJsonObject().getInteger("paragraph"), "a reply stays with its paragraph");

    HttpResponse<Buffer> r = server.get("/api/v1/readings/pian-05/annotations?assignment=" + room.assignmentId(),
      room.student(1).token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject first = r.bodyAsJsonArray().stream().map(o -> (JsonObject) o).filter(a -> a.getLong("id") == id)
      .findFirst().orElseThrow();
    assertEquals(PARA, first.getInteger("paragraph"));
    assertEquals(sentence, first.getString("quote"));
    assertEquals("批注人", first.getJsonObject("author").getString("displayName"));
    assertEquals("这句话让我想到自己。", first.getString("body"));
    assertTrue(first.getString("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00"), first.getString("createdAt"));
  }

  @Test
  @DisplayName("a paragraph that does not exist, a heading, a missing paragraph or a quote from elsewhere get clear 400s")
  void badAnchors() {
    String token = room.student(0).token();
    HttpResponse<Buffer> none = post(server, margin, token, new JsonObject().put("body", "哪一段？"));
    assertEquals(400, none.statusCode());
    assertTrue(none.bodyAsJsonObject().getString("error").contains("第几段"));
    HttpResponse<Buffer> beyond = post(server, margin, token, new JsonObject().put("body", "x").put("paragraph", 999));
    assertEquals(400, beyond.statusCode());
    assertTrue(beyond.bodyAsJsonObject().getString("error").contains("没有第 999 段"), beyond.bodyAsString());
    HttpResponse<Buffer> heading = post(server, margin, token, new JsonObject().put("body", "x").put("paragraph", 1));
    assertEquals(400, heading.statusCode(), "paragraph 1 of pian-05 is a section heading");
    HttpResponse<Buffer> foreignQuote = post(server, margin, token,
      new JsonObject().put("body", "x").put("paragraph", PARA).put("quote", "这句话不在文章里"));
    assertEquals(400, foreignQuote.statusCode());
    assertTrue(foreignQuote.bodyAsJsonObject().getString("error").contains("不在第 " + PARA + " 段里"));
    assertEquals(400, server.get("/api/v1/readings/pian-05/annotations", token).statusCode());
    assertEquals(404, server.get("/api/v1/readings/pian-02/annotations?assignment=" + room.assignmentId(), token).statusCode(),
      "the assignment is about another reading");
    long prompt = firstPrompt(server, room);
    assertEquals(400, post(server, prompt, token, new JsonObject().put("body", "x").put("quote", sentence)).statusCode());
  }

  @Test
  @DisplayName("the reading page opened from the assignment shows each paragraph's count and a no-JavaScript link to its comments")
  void readingPageCounts() {
    post(server, margin, room.student(0).token(), new JsonObject().put("body", "第三段的批注").put("paragraph", 3));
    Accounts.Session reader = Accounts.session(server, room.student(1));
    String page = Accounts.get(server, reader, "/readings/pian-05?assignment=" + room.assignmentId()).bodyAsString();
    assertTrue(page.contains("/static/js/discussion.js"));
    Matcher three = Pattern.compile("<a class=\"mc\" href=\"/assignments/" + room.assignmentId()
      + "/margin/3\" data-p=\"3\" aria-label=\"第3段有 (\\d+) 条批注，点开查看\">(\\d+)</a>").matcher(page);
    assertTrue(three.find(), "paragraph 3 shows its count");
    assertEquals(three.group(1), three.group(2));
    assertTrue(Integer.parseInt(three.group(2)) >= 1);
    assertTrue(page.contains("href=\"/assignments/" + room.assignmentId() + "/margin/4\""), "every paragraph has a link");
    assertFalse(page.contains("/margin/1\""), "but not the heading");
    String plain = Accounts.get(server, reader, "/readings/pian-05").bodyAsString();
    assertFalse(plain.contains("class=\"mc"), "without the assignment it is just the reading");
  }

  @Test
  @DisplayName("without JavaScript, the paragraph's page lists its comments and its form posts a quoted comment with a 303")
  void marginPageWithoutScript() {
    Accounts.Session writer = Accounts.session(server, room.student(0));
    String path = "/assignments/" + room.assignmentId() + "/margin/" + PARA;
    String page = Accounts.get(server, writer, path).bodyAsString();
    assertTrue(page.contains("第 " + PARA + " 段的批注"));
    assertTrue(page.contains("value=\"" + sentence + "\""), "each sentence of the paragraph can be quoted");

    HttpResponse<Buffer> sent = Accounts.post(server, writer, path,
      Accounts.form("body", "不用脚本也能批注", "quote", sentence, "back", path));
    assertEquals(303, sent.statusCode(), sent.bodyAsString());
    assertTrue(sent.getHeader("Location").startsWith(path + "#post-"), sent.getHeader("Location"));
    String after = Accounts.get(server, writer, path).bodyAsString();
    assertTrue(after.contains("不用脚本也能批注"));
    assertTrue(after.contains("<blockquote class=\"post-quote\">" + sentence + "</blockquote>"));

    HttpResponse<Buffer> empty = Accounts.post(server, writer, path, Accounts.form("body", ""));
    assertEquals(400, empty.statusCode());
    assertTrue(empty.bodyAsString().contains("发言不能是空的"), "the page says what is wrong");
    assertEquals(404, Accounts.get(server, writer, "/assignments/" + room.assignmentId() + "/margin/999").statusCode());
    JsonArray all = server.get("/api/v1/readings/pian-05/annotations?assignment=" + room.assignmentId(),
      room.teacher().token()).bodyAsJsonArray();
    assertTrue(all.stream().map(o -> (JsonObject) o).anyMatch(a -> "不用脚本也能批注".equals(a.getString("body"))
      && sentence.equals(a.getString("quote"))));
  }
}
