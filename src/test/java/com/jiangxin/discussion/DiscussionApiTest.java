package com.jiangxin.discussion;

import com.jiangxin.discussion.DiscussionFixtures.Room;
import com.jiangxin.support.BuiltInBank;
import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.jiangxin.discussion.DiscussionFixtures.addPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.bodies;
import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.post;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.posts;
import static com.jiangxin.discussion.DiscussionFixtures.replied;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static com.jiangxin.discussion.DiscussionFixtures.threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads, posts, replies, reactions and moderation through the JSON API. */
class DiscussionApiTest {
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
  @DisplayName("the reading's discussion prompts open as threads on first access, once, however many ask at the same time")
  void promptsBecomeThreadsOnce() {
    Room room = room(server, "pian-02", "小明", "小红");
    List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String token = List.of(room.teacher(), room.student(0), room.student(1)).get(i % 3).token();
      racing.add(TestServer.auth(server.client.get("/api/v1/assignments/" + room.assignmentId() + "/threads"), token).send());
    }
    Future.all(racing).await();
    racing.forEach(f -> assertEquals(200, f.result().statusCode(), f.result().bodyAsString()));

    JsonArray threads = threads(server, room.assignmentId(), room.student(0).token());
    assertEquals(4, threads.size(), "three prompts of pian-02 and the margin thread: " + threads.encode());
    JsonObject first = threads.getJsonObject(0);
    assertEquals("讨论一", first.getString("title"));
    assertEquals(BuiltInBank.quiz("pian-02").discussionPrompts().get(0), first.getString("prompt"));
    assertFalse(first.getBoolean("postBeforeSee"));
    assertFalse(first.getBoolean("locked"));
    assertEquals("margin", threads.getJsonObject(3).getString("kind"));
    Row count = server.app.pool().preparedQuery("SELECT COUNT(*) AS n FROM discussion_threads WHERE assignment_id = ?")
      .execute(Tuple.of(room.assignmentId())).await().iterator().next();
    assertEquals(4, count.getLong("N"));
  }

  @Test
  @DisplayName("the teacher adds a prompt; a student cannot, and bad prompts get a clear 400")
  void teacherAddsPrompts() {
    Room room = room(server, "pian-05", "小刚");
    long id = addPrompt(server, room, "讨论四", true);
    JsonArray threads = threads(server, room.assignmentId(), room.student(0).token());
    JsonObject added = threads.stream().map(o -> (JsonObject) o).filter(t -> t.getLong("id") == id).findFirst().orElseThrow();
    assertTrue(added.getBoolean("postBeforeSee"));
    assertEquals("你怎么看？", added.getString("prompt"));

    HttpResponse<Buffer> byStudent = server.postJson("/api/v1/assignments/" + room.assignmentId() + "/threads",
      new JsonObject().put("title", "我的题").put("prompt", "？"), room.student(0).token());
    assertEquals(403, byStudent.statusCode());
    HttpResponse<Buffer> untitled = server.postJson("/api/v1/assignments/" + room.assignmentId() + "/threads",
      new JsonObject().put("title", "  ").put("prompt", "？"), room.teacher().token());
    assertEquals(400, untitled.statusCode());
    assertTrue(untitled.bodyAsJsonObject().getString("error").contains("标题"), untitled.bodyAsString());
  }

  @Test
  @DisplayName("students post and reply; a reply to a reply joins the same conversation; the list has the contract's fields")
  void postsAndReplies() {
    Room room = room(server, "pian-01", "甲同学", "乙同学");
    long thread = firstPrompt(server, room);
    long first = posted(server, thread, room.student(0).token(), "收费员也能有工匠心。\n微笑服务就是。");
    long reply = replied(server, thread, room.student(1).token(), first, "同意，还有准确找零。");
    long replyToReply = replied(server, thread, room.student(0).token(), reply, "对，细节见功夫。");

    JsonArray list = posts(server, thread, room.student(1).token());
    assertEquals(List.of("收费员也能有工匠心。\n微笑服务就是。", "同意，还有准确找零。", "对，细节见功夫。"), bodies(list));
    JsonObject top = list.getJsonObject(0);
    assertEquals(first, top.getLong("id"));
    assertEquals("甲同学", top.getJsonObject("author").getString("displayName"));
    assertEquals(room.student(0).id(), top.getJsonObject("author").getLong("id"));
    assertNotNull(top.getString("createdAt"));
    assertFalse(top.getBoolean("pinned"));
    assertEquals(0, top.getInteger("reactions"));
    assertFalse(top.containsKey("parentId"));
    assertFalse(top.containsKey("hidden"), "students are not told about moderation state");
    assertEquals(first, list.getJsonObject(1).getLong("parentId"));
    assertEquals(first, list.getJsonObject(2).getLong("parentId"), "replies nest one level under the post");
    assertEquals(replyToReply, list.getJsonObject(2).getLong("id"));

    HttpResponse<Buffer> missingParent = post(server, thread, room.student(1).token(),
      new JsonObject().put("body", "回复").put("parentId", 999_999));
    assertEquals(404, missingParent.statusCode());
  }

  @Test
  @DisplayName("empty, too long, wrongly typed or non-JSON bodies get a 400 that says what is wrong, never a 500")
  void badInput() {
    Room room = room(server, "pian-03", "丙同学");
    long thread = firstPrompt(server, room);
    String token = room.student(0).token();

    HttpResponse<Buffer> empty = post(server, thread, token, new JsonObject().put("body", " \n\t "));
    assertEquals(400, empty.statusCode());
    assertTrue(empty.bodyAsJsonObject().getString("error").contains("不能是空的"), empty.bodyAsString());

    HttpResponse<Buffer> tooLong = post(server, thread, token, new JsonObject().put("body", "长".repeat(2001)));
    assertEquals(400, tooLong.statusCode());
    assertTrue(tooLong.bodyAsJsonObject().getString("error").contains("最多 2000 个字，现在有 2001 个字"), tooLong.bodyAsString());
    assertEquals(201, post(server, thread, token, new JsonObject().put("body", "长".repeat(2000))).statusCode(),
      "exactly 2000 characters is fine");

    assertEquals(400, post(server, thread, token, new JsonObject().put("body", 42)).statusCode());
    assertEquals(400, post(server, thread, token, new JsonObject().put("body", "好").put("parentId", "abc")).statusCode());
    HttpResponse<Buffer> paragraphOnPrompt = post(server, thread, token, new JsonObject().put("body", "好").put("paragraph", 3));
    assertEquals(400, paragraphOnPrompt.statusCode());
    HttpResponse<Buffer> notJson = TestServer.auth(server.client.post("/api/v1/threads/" + thread + "/posts"), token)
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{not json")).await();
    assertEquals(400, notJson.statusCode());
    assertTrue(notJson.bodyAsJsonObject().containsKey("error"));
    assertEquals(404, server.get("/api/v1/threads/abc/posts", token).statusCode());
    assertEquals(404, server.get("/api/v1/threads/99999999/posts", token).statusCode());
  }

  @Test
  @DisplayName("a student posting more than 5 times in 30 seconds gets 429 with a retry hint")
  void flooding() {
    Room room = room(server, "pian-04", "刷屏同学");
    long thread = firstPrompt(server, room);
    for (int i = 1; i <= 5; i++) {
      posted(server, thread, room.student(0).token(), "第 " + i + " 条");
    }
    HttpResponse<Buffer> sixth = post(server, thread, room.student(0).token(), new JsonObject().put("body", "第 6 条"));
    assertEquals(429, sixth.statusCode());
    long retry = Long.parseLong(sixth.getHeader("Retry-After"));
    assertTrue(retry >= 1 && retry <= 30, "Retry-After " + retry);
    assertEquals(retry, sixth.bodyAsJsonObject().getLong("retryAfter"));
    assertTrue(sixth.bodyAsJsonObject().getString("error").contains("秒后再发"));
    assertEquals(5, posts(server, thread, room.teacher().token()).size(), "the refused post was not stored");
  }

  @Test
  @DisplayName("有启发 toggles once per person per post; one's own post cannot be reacted to")
  void reactions() {
    Room room = room(server, "pian-06", "丁同学", "戊同学");
    long thread = firstPrompt(server, room);
    long postId = posted(server, thread, room.student(0).token(), "平凡能孕育伟大。");
    String url = "/api/v1/posts/" + postId + "/reactions";

    JsonObject on = server.postJson(url, new JsonObject(), room.student(1).token()).bodyAsJsonObject();
    assertEquals(1, on.getInteger("reactions"));
    assertTrue(on.getBoolean("reacted"));
    assertEquals(2, server.postJson(url, null, room.teacher().token()).bodyAsJsonObject().getInteger("reactions"));
    JsonObject off = server.postJson(url, null, room.student(1).token()).bodyAsJsonObject();
    assertEquals(1, off.getInteger("reactions"));
    assertFalse(off.getBoolean("reacted"));
    assertEquals(400, server.postJson(url, null, room.student(0).token()).statusCode());
    JsonObject listed = posts(server, thread, room.teacher().token()).getJsonObject(0);
    assertEquals(1, listed.getInteger("reactions"));
    assertTrue(listed.getBoolean("reacted"));
  }

  @Test
  @DisplayName("the teacher pins (pinned posts come first), hides with a reason kept in the audit trail, and restores")
  void moderation() {
    Room room = room(server, "pian-07", "己同学", "庚同学");
    long thread = firstPrompt(server, room);
    long early = posted(server, thread, room.student(0).token(), "先写的");
    long late = posted(server, thread, room.student(1).token(), "后写的，但很好");
    String teacher = room.teacher().token();

    assertEquals(200, server.postJson("/api/v1/posts/" + late + "/pin", null, teacher).statusCode());
    JsonArray pinned = posts(server, thread, room.student(0).token());
    assertEquals(late, pinned.getJsonObject(0).getLong("id"));
    assertTrue(pinned.getJsonObject(0).getBoolean("pinned"));

    HttpResponse<Buffer> noReason = server.postJson("/api/v1/posts/" + early + "/hide", new JsonObject(), teacher);
    assertEquals(400, noReason.statusCode());
    JsonObject hidden = server.postJson("/api/v1/posts/" + early + "/hide",
      new JsonObject().put("reason", "与讨论无关"), teacher).bodyAsJsonObject();
    assertTrue(hidden.getBoolean("hidden"));
    assertEquals(List.of("后写的，但很好"), bodies(posts(server, thread, room.student(1).token())));
    assertEquals(List.of("后写的，但很好"), bodies(posts(server, thread, room.student(0).token())),
      "hidden posts go only to the teacher, not even to their author");
    JsonArray teacherView = posts(server, thread, teacher);
    assertEquals(2, teacherView.size());
    JsonObject hiddenForTeacher = teacherView.getJsonObject(1);
    assertTrue(hiddenForTeacher.getBoolean("hidden"));
    assertEquals("与讨论无关", hiddenForTeacher.getString("hiddenReason"));
    assertEquals(404, server.postJson("/api/v1/posts/" + early + "/reactions", null, room.student(1).token()).statusCode());

    assertEquals(200, server.postJson("/api/v1/posts/" + early + "/restore", null, teacher).statusCode());
    assertEquals(2, posts(server, thread, room.student(1).token()).size());

    List<String> trail = new ArrayList<>();
    server.app.pool().preparedQuery("SELECT action AS action, reason AS reason, actor_id AS actor FROM discussion_moderation "
        + "WHERE thread_id = ? ORDER BY id").execute(Tuple.of(thread)).await()
      .forEach(r -> {
        assertEquals(room.teacher().id(), r.getLong("ACTOR"));
        trail.add(r.getString("ACTION") + (r.getString("REASON") == null ? "" : ":" + r.getString("REASON")));
      });
    assertEquals(List.of("pin", "hide:与讨论无关", "restore"), trail);
  }

  @Test
  @DisplayName("a locked thread refuses students' posts, replies and reactions until the teacher unlocks it")
  void locking() {
    Room room = room(server, "pian-08", "辛同学", "壬同学");
    long thread = firstPrompt(server, room);
    long before = posted(server, thread, room.student(0).token(), "锁定前");
    JsonObject locked = server.postJson("/api/v1/threads/" + thread + "/lock", null, room.teacher().token()).bodyAsJsonObject();
    assertTrue(locked.getBoolean("locked"));
    HttpResponse<Buffer> refused = post(server, thread, room.student(1).token(), new JsonObject().put("body", "锁定后"));
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("error").contains("锁定"));
    assertEquals(409, post(server, thread, room.student(1).token(),
      new JsonObject().put("body", "回复").put("parentId", before)).statusCode());
    assertEquals(409, server.postJson("/api/v1/posts/" + before + "/reactions", null, room.student(1).token()).statusCode());
    assertTrue(threads(server, room.assignmentId(), room.student(0).token()).getJsonObject(0).getBoolean("locked"));

    assertEquals(200, server.postJson("/api/v1/threads/" + thread + "/unlock", null, room.teacher().token()).statusCode());
    posted(server, thread, room.student(1).token(), "解锁后");
  }
}
