package com.jiangxin.discussion;

import com.jiangxin.discussion.DiscussionFixtures.Room;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.jiangxin.discussion.DiscussionFixtures.bodies;
import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.posts;
import static com.jiangxin.discussion.DiscussionFixtures.replied;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static com.jiangxin.discussion.DiscussionFixtures.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authors may edit or delete their own post for 10 minutes by the server's clock, then not. */
class EditWindowTest {
  private static final long MINUTE = 60_000;
  private static TestServer server;
  private static Room room;
  private static long thread;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    room = room(server, "pian-03", "作者", "读者");
    thread = firstPrompt(server, room);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void age(long postId, long millis) {
    sql(server, "UPDATE discussion_posts SET created_at = ? WHERE id = ?", System.currentTimeMillis() - millis, postId);
  }

  @Test
  @DisplayName("within 10 minutes the author edits and deletes; the edit is marked")
  void withinWindow() {
    long id = posted(server, thread, room.student(0).token(), "初稿");
    age(id, 9 * MINUTE);
    HttpResponse<Buffer> edited = server.patchJson("/api/v1/posts/" + id, new JsonObject().put("body", "改过的稿"),
      room.student(0).token());
    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    assertEquals("改过的稿", edited.bodyAsJsonObject().getString("body"));
    assertTrue(edited.bodyAsJsonObject().containsKey("editedAt"));
    assertTrue(bodies(posts(server, thread, room.student(1).token())).contains("改过的稿"));
    assertEquals(400, server.patchJson("/api/v1/posts/" + id, new JsonObject().put("body", ""), room.student(0).token())
      .statusCode());

    assertEquals(204, server.delete("/api/v1/posts/" + id, room.student(0).token()).statusCode());
    assertFalse(bodies(posts(server, thread, room.teacher().token())).contains("改过的稿"));
    assertEquals(404, server.delete("/api/v1/posts/" + id, room.student(0).token()).statusCode());
  }

  @Test
  @DisplayName("after 10 minutes editing and deleting are refused with a clear message, and nothing changes")
  void afterWindow() {
    long id = posted(server, thread, room.student(0).token(), "定稿");
    age(id, 10 * MINUTE + 5_000);
    HttpResponse<Buffer> edit = server.patchJson("/api/v1/posts/" + id, new JsonObject().put("body", "偷偷改"),
      room.student(0).token());
    assertEquals(403, edit.statusCode());
    assertTrue(edit.bodyAsJsonObject().getString("error").contains("10 分钟"), edit.bodyAsString());
    assertEquals(403, server.delete("/api/v1/posts/" + id, room.student(0).token()).statusCode());
    assertTrue(bodies(posts(server, thread, room.teacher().token())).contains("定稿"));

    Accounts.Session author = Accounts.session(server, room.student(0));
    String page = Accounts.get(server, author, "/threads/" + thread).bodyAsString();
    assertFalse(page.contains("action=\"/posts/" + id + "/edit\""), "the page no longer offers to edit it");
    HttpResponse<Buffer> form = Accounts.post(server, author, "/posts/" + id + "/edit", Accounts.form("body", "表单改"));
    assertEquals(403, form.statusCode());
  }

  @Test
  @DisplayName("deleting a post that has replies keeps an empty placeholder so the replies still make sense")
  void deleteWithReplies() {
    long id = posted(server, thread, room.student(0).token(), "会被删除的主帖");
    long reply = replied(server, thread, room.student(1).token(), id, "我回复了它");
    assertEquals(204, server.delete("/api/v1/posts/" + id, room.student(0).token()).statusCode());
    var list = posts(server, thread, room.student(1).token());
    JsonObject placeholder = list.stream().map(o -> (JsonObject) o).filter(p -> p.getLong("id") == id).findFirst().orElseThrow();
    assertEquals("", placeholder.getString("body"));
    assertTrue(placeholder.getBoolean("deleted"));
    assertTrue(list.stream().map(o -> (JsonObject) o).anyMatch(p -> p.getLong("id") == reply));
    assertFalse(list.encode().contains("会被删除的主帖"));
  }
}
