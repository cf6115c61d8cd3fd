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

import java.util.List;

import static com.jiangxin.discussion.DiscussionFixtures.addPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.bodies;
import static com.jiangxin.discussion.DiscussionFixtures.post;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.posts;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Post before you see others": until a student has posted in the thread, others' posts are not sent. */
class PostBeforeSeeTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("the API sends a student nobody else's posts until they post, then all of them")
  void api() {
    Room room = room(server, "pian-02", "先写的同学", "还没写的同学");
    long thread = addPrompt(server, room, "独立思考", true);
    long first = posted(server, thread, room.student(0).token(), "方仲永缺的是练习——独家观点");
    posted(server, thread, room.teacher().token(), "老师的提示：想想路遥");

    HttpResponse<Buffer> waiting = server.get("/api/v1/threads/" + thread + "/posts", room.student(1).token());
    assertEquals(200, waiting.statusCode());
    assertEquals(new JsonArray(), waiting.bodyAsJsonArray());
    assertFalse(waiting.bodyAsString().contains("独家观点"));
    assertEquals("waiting", waiting.getHeader("X-Post-Before-See"));
    HttpResponse<Buffer> reply = post(server, thread, room.student(1).token(),
      new JsonObject().put("body", "偷看").put("parentId", first));
    assertEquals(404, reply.statusCode(), "a post one may not see cannot be replied to");
    assertEquals(404, server.postJson("/api/v1/posts/" + first + "/reactions", null, room.student(1).token()).statusCode());
    HttpResponse<Buffer> annotations = server.get("/api/v1/threads/" + thread + "/posts", room.student(1).token());
    assertFalse(annotations.bodyAsString().contains("老师的提示"), "not even the teacher's posts");

    posted(server, thread, room.student(1).token(), "我的看法：坚持");
    JsonArray after = posts(server, thread, room.student(1).token());
    assertEquals(List.of("方仲永缺的是练习——独家观点", "老师的提示：想想路遥", "我的看法：坚持"), bodies(after));
    assertNull(server.get("/api/v1/threads/" + thread + "/posts", room.student(1).token()).getHeader("X-Post-Before-See"));
    assertEquals(3, posts(server, thread, room.teacher().token()).size(), "the teacher always sees everything");
  }

  @Test
  @DisplayName("the thread page shows the notice and none of the others' posts until the student posts")
  void page() {
    Room room = room(server, "pian-05", "快手", "慢手");
    long thread = addPrompt(server, room, "哈里森", true);
    posted(server, thread, room.student(0).token(), "四十年只为一只钟——快手的观点");
    Accounts.Session slow = Accounts.session(server, room.student(1));

    String before = Accounts.get(server, slow, "/threads/" + thread).bodyAsString();
    assertTrue(before.contains("先发后看"), "the notice says why nothing is shown");
    assertTrue(before.contains("你发表自己的看法之后，才能看到同学们的发言"));
    assertFalse(before.contains("快手的观点"));
    assertFalse(before.contains("快手"), "not even who posted");

    HttpResponse<Buffer> sent = Accounts.post(server, slow, "/threads/" + thread + "/posts",
      Accounts.form("body", "慢手的看法：耐心", "back", "/threads/" + thread));
    assertEquals(303, sent.statusCode());
    String after = Accounts.get(server, slow, "/threads/" + thread).bodyAsString();
    assertTrue(after.contains("快手的观点"));
    assertTrue(after.contains("慢手的看法：耐心"));
    assertFalse(after.contains("你发表自己的看法之后，才能看到同学们的发言"));
  }

  @Test
  @DisplayName("turning the option on later holds back others' posts from students who have not posted yet")
  void switchedOnLater() {
    Room room = room(server, "pian-06", "甲", "乙");
    long thread = addPrompt(server, room, "后来才设", false);
    posted(server, thread, room.student(0).token(), "甲的发言");
    assertEquals(1, posts(server, thread, room.student(1).token()).size());
    HttpResponse<Buffer> patched = server.patchJson("/api/v1/threads/" + thread,
      new JsonObject().put("postBeforeSee", true), room.teacher().token());
    assertEquals(200, patched.statusCode(), patched.bodyAsString());
    assertTrue(patched.bodyAsJsonObject().getBoolean("postBeforeSee"));
    assertEquals(0, posts(server, thread, room.student(1).token()).size());
    assertEquals(1, posts(server, thread, room.student(0).token()).size(), "甲 has posted and still sees");
  }
}
