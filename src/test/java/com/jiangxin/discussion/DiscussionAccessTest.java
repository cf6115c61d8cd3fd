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

import java.util.List;

import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.marginThread;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.posts;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the class's teacher and students may read or write; only the teacher moderates. */
class DiscussionAccessTest {
  private static TestServer server;
  private static Room room;
  private static Room otherRoom;
  private static long thread;
  private static long margin;
  private static long postId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    room = room(server, "pian-02", "本班同学", "同桌");
    otherRoom = room(server, "pian-02", "外班同学");
    thread = firstPrompt(server, room);
    margin = marginThread(server, room);
    postId = posted(server, thread, room.student(0).token(), "本班的发言：秘密内容");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> call(String method, String path, JsonObject body, String token) {
    return switch (method) {
      case "GET" -> server.get(path, token);
      case "POST" -> server.postJson(path, body, token);
      case "PATCH" -> server.patchJson(path, body, token);
      case "DELETE" -> server.delete(path, token);
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** Every discussion route, with a body that would succeed for the right person. */
  private static List<Object[]> routes() {
    long a = room.assignmentId();
    return List.of(
      new Object[] {"GET", "/api/v1/assignments/" + a + "/threads", null},
      new Object[] {"POST", "/api/v1/assignments/" + a + "/threads", new JsonObject().put("title", "t").put("prompt", "p")},
      new Object[] {"GET", "/api/v1/assignments/" + a + "/participation", null},
      new Object[] {"GET", "/api/v1/threads/" + thread + "/posts", null},
      new Object[] {"POST", "/api/v1/threads/" + thread + "/posts", new JsonObject().put("body", "闯入")},
      new Object[] {"POST", "/api/v1/threads/" + margin + "/posts", new JsonObject().put("body", "闯入").put("paragraph", 2)},
      new Object[] {"GET", "/api/v1/threads/" + thread + "/events", null},
      new Object[] {"PATCH", "/api/v1/threads/" + thread, new JsonObject().put("postBeforeSee", true)},
      new Object[] {"POST", "/api/v1/threads/" + thread + "/lock", null},
      new Object[] {"PATCH", "/api/v1/posts/" + postId, new JsonObject().put("body", "改")},
      new Object[] {"DELETE", "/api/v1/posts/" + postId, null},
      new Object[] {"POST", "/api/v1/posts/" + postId + "/hide", new JsonObject().put("reason", "r")},
      new Object[] {"POST", "/api/v1/posts/" + postId + "/restore", null},
      new Object[] {"POST", "/api/v1/posts/" + postId + "/pin", null},
      new Object[] {"POST", "/api/v1/posts/" + postId + "/reactions", null},
      new Object[] {"GET", "/api/v1/readings/pian-02/annotations?assignment=" + a, null});
  }

  @Test
  @DisplayName("a student of another class gets 404 and no data from every discussion route")
  void outsiderStudent() {
    for (Object[] r : routes()) {
      HttpResponse<Buffer> res = call((String) r[0], (String) r[1], (JsonObject) r[2], otherRoom.student(0).token());
      assertEquals(404, res.statusCode(), r[0] + " " + r[1] + " → " + res.bodyAsString());
      assertFalse(res.bodyAsString().contains("秘密内容"));
    }
    assertEquals(List.of("本班的发言：秘密内容"), DiscussionFixtures.bodies(posts(server, thread, room.teacher().token())),
      "nothing was written or changed");
  }

  @Test
  @DisplayName("another class's teacher gets 404 too: teaching somewhere is not teaching here")
  void outsiderTeacher() {
    for (Object[] r : routes()) {
      HttpResponse<Buffer> res = call((String) r[0], (String) r[1], (JsonObject) r[2], otherRoom.teacher().token());
      assertEquals(404, res.statusCode(), r[0] + " " + r[1] + " → " + res.bodyAsString());
    }
  }

  @Test
  @DisplayName("without a token every discussion route answers 401")
  void anonymous() {
    for (Object[] r : routes()) {
      HttpResponse<Buffer> res = call((String) r[0], (String) r[1], (JsonObject) r[2], null);
      assertEquals(401, res.statusCode(), r[0] + " " + r[1]);
      assertTrue(res.bodyAsJsonObject().containsKey("error"));
    }
  }

  @Test
  @DisplayName("students of the class get 403 from moderation, settings and participation")
  void studentsDoNotModerate() {
    String student = room.student(1).token();
    long a = room.assignmentId();
    assertEquals(403, server.postJson("/api/v1/posts/" + postId + "/hide", new JsonObject().put("reason", "我不喜欢"), student).statusCode());
    assertEquals(403, server.postJson("/api/v1/posts/" + postId + "/restore", null, student).statusCode());
    assertEquals(403, server.postJson("/api/v1/posts/" + postId + "/pin", null, student).statusCode());
    assertEquals(403, server.postJson("/api/v1/posts/" + postId + "/unpin", null, student).statusCode());
    assertEquals(403, server.postJson("/api/v1/threads/" + thread + "/lock", null, student).statusCode());
    assertEquals(403, server.patchJson("/api/v1/threads/" + thread, new JsonObject().put("postBeforeSee", true), student).statusCode());
    assertEquals(403, server.get("/api/v1/assignments/" + a + "/participation", student).statusCode());
    assertEquals(403, server.putJson("/api/v1/assignments/" + a + "/participation/rule", new JsonObject()
      .put("perPost", 1).put("perReply", 1).put("perComment", 1).put("cap", 5), student).statusCode());
    assertEquals(403, server.patchJson("/api/v1/posts/" + postId, new JsonObject().put("body", "替他改"), student).statusCode(),
      "nobody edits someone else's post");
    assertEquals(403, server.delete("/api/v1/posts/" + postId, student).statusCode());
    assertFalse(posts(server, thread, student).getJsonObject(0).getBoolean("pinned"));
  }

  @Test
  @DisplayName("the discussion pages are 404 for an outsider and send a visitor without a session to log in")
  void pages() {
    Accounts.Session outsider = Accounts.session(server, otherRoom.student(0));
    for (String path : List.of("/assignments/" + room.assignmentId() + "/discussion", "/threads/" + thread,
      "/assignments/" + room.assignmentId() + "/margin/2", "/posts/" + postId + "/fragment")) {
      HttpResponse<Buffer> res = Accounts.get(server, outsider, path);
      assertEquals(404, res.statusCode(), path);
      assertFalse(res.bodyAsString().contains("秘密内容"), path);
      HttpResponse<Buffer> anonymous = server.get(path);
      assertEquals(303, anonymous.statusCode(), path);
      assertTrue(anonymous.getHeader("Location").startsWith("/login?next="), path);
    }
    HttpResponse<Buffer> form = Accounts.post(server, outsider, "/threads/" + thread + "/posts", Accounts.form("body", "闯入"));
    assertEquals(404, form.statusCode());
    HttpResponse<Buffer> reading = Accounts.get(server, outsider, "/readings/pian-02?assignment=" + room.assignmentId());
    assertEquals(200, reading.statusCode(), "the reading itself is public");
    assertFalse(reading.bodyAsString().contains("class=\"mc"), "but not the class's margin comments");
    Accounts.Session student = Accounts.session(server, room.student(1));
    assertEquals(403, Accounts.get(server, student, "/assignments/" + room.assignmentId() + "/participation").statusCode());
  }
}
