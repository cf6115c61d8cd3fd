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

import java.util.Map;

import static com.jiangxin.discussion.DiscussionFixtures.assign;
import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.marginThread;
import static com.jiangxin.discussion.DiscussionFixtures.post;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.replied;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posts, replies and comments per student and assignment, scored by the teacher's rule, for the gradebook too. */
class ParticipationTest {
  private static TestServer server;
  private static Room room;
  private static long secondAssignment;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    room = room(server, "pian-05", "积极", "安静");
    secondAssignment = assign(server, room.teacher(), room.classId(), "pian-06");
    long thread = firstPrompt(server, room);
    long margin = marginThread(server, room);
    String active = room.student(0).token();
    long a = posted(server, thread, active, "主帖一");
    posted(server, thread, active, "主帖二");
    long hidden = posted(server, thread, active, "会被隐藏的主帖");
    replied(server, thread, active, a, "自己回复自己");
    assertEquals(201, post(server, margin, active, new JsonObject().put("body", "批注").put("paragraph", 2)).statusCode());
    server.postJson("/api/v1/posts/" + hidden + "/hide", new JsonObject().put("reason", "重复"), room.teacher().token());
    posted(server, thread, room.teacher().token(), "老师的发言不计入学生参与");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject rowOf(JsonArray rows, long studentId) {
    return rows.stream().map(o -> (JsonObject) o).filter(r -> r.getLong("studentId") == studentId).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the teacher sees posts, replies and comments per student; hidden posts do not count; silent students show zeros")
  void counts() {
    HttpResponse<Buffer> r = server.get("/api/v1/assignments/" + room.assignmentId() + "/participation", room.teacher().token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray rows = r.bodyAsJsonArray();
    assertEquals(2, rows.size(), "one row per student of the class: " + rows.encode());
    JsonObject active = rowOf(rows, room.student(0).id());
    assertEquals("积极", active.getString("displayName"));
    assertEquals(2, active.getInteger("posts"));
    assertEquals(1, active.getInteger("replies"));
    assertEquals(1, active.getInteger("comments"));
    assertFalse(active.containsKey("score"), "no score until the teacher sets a rule");
    JsonObject quiet = rowOf(rows, room.student(1).id());
    assertEquals(0, quiet.getInteger("posts") + quiet.getInteger("replies") + quiet.getInteger("comments"));
  }

  @Test
  @DisplayName("a scoring rule gives points per post, reply and comment up to the cap; bad rules get a 400")
  void scoring() {
    String url = "/api/v1/assignments/" + room.assignmentId() + "/participation/rule";
    HttpResponse<Buffer> set = server.putJson(url, new JsonObject().put("perPost", 2).put("perReply", 1)
      .put("perComment", 1.5).put("cap", 5), room.teacher().token());
    assertEquals(200, set.statusCode(), set.bodyAsString());
    JsonArray rows = server.get("/api/v1/assignments/" + room.assignmentId() + "/participation", room.teacher().token())
      .bodyAsJsonArray();
    assertEquals(5.0, rowOf(rows, room.student(0).id()).getDouble("score"), "2×2 + 1 + 1.5 = 6.5, capped at 5");
    assertEquals(0.0, rowOf(rows, room.student(1).id()).getDouble("score"));

    HttpResponse<Buffer> negative = server.putJson(url, new JsonObject().put("perPost", -1).put("perReply", 1)
      .put("perComment", 1).put("cap", 5), room.teacher().token());
    assertEquals(400, negative.statusCode());
    assertTrue(negative.bodyAsJsonObject().getString("error").contains("每个发帖"));
    assertEquals(400, server.putJson(url, new JsonObject().put("perPost", 1), room.teacher().token()).statusCode());
    assertEquals(400, server.putJson(url, new JsonObject().put("perPost", "two").put("perReply", 1).put("perComment", 1)
      .put("cap", 5), room.teacher().token()).statusCode());

    Accounts.Session teacher = Accounts.session(server, room.teacher());
    String page = Accounts.get(server, teacher, "/assignments/" + room.assignmentId() + "/participation").bodyAsString();
    assertTrue(page.contains("<th scope=\"row\">积极</th><td>2</td><td>1</td><td>1</td><td>5</td>"), page);
    HttpResponse<Buffer> badForm = Accounts.post(server, teacher, "/assignments/" + room.assignmentId() + "/participation/rule",
      Accounts.form("perPost", "两分", "perReply", "1", "perComment", "1", "cap", "5"));
    assertEquals(400, badForm.statusCode());
    assertTrue(badForm.bodyAsString().contains("须为数字"));
  }

  @Test
  @DisplayName("participationByClass gives the gradebook every student × every assignment of the class, zeros included")
  void byClassForTheGradebook() {
    DiscussionRepository repo = new DiscussionRepository(server.app.pool());
    Map<Long, Map<Long, Participation>> all = repo.participationByClass(room.classId()).await();
    assertEquals(2, all.size());
    Map<Long, Participation> active = all.get(room.student(0).id());
    assertEquals(2, active.size(), "both assignments of the class");
    Participation first = active.get(room.assignmentId());
    assertEquals(2, first.posts());
    assertEquals(1, first.replies());
    assertEquals(1, first.comments());
    Participation second = active.get(secondAssignment);
    assertEquals(0, second.posts() + second.replies() + second.comments());
    assertNull(second.score(), "no rule on the second assignment");
    assertEquals(0, all.get(room.student(1).id()).get(room.assignmentId()).posts());
    assertTrue(repo.participationByClass(999_999).await().isEmpty());
  }

  @Test
  @DisplayName("the class gradebook shows each student's participation per assignment, in JSON and on the page")
  void inTheGradebook() {
    HttpResponse<Buffer> r = server.get("/api/v1/classes/" + room.classId() + "/gradebook", room.teacher().token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject active = r.bodyAsJsonObject().getJsonArray("students").stream().map(o -> (JsonObject) o)
      .filter(st -> st.getLong("id") == room.student(0).id()).findFirst().orElseThrow();
    JsonObject talk = active.getJsonObject("results").getJsonObject(Long.toString(room.assignmentId()))
      .getJsonObject("participation");
    assertEquals(2, talk.getInteger("posts"));
    assertEquals(1, talk.getInteger("replies"));
    assertEquals(1, talk.getInteger("comments"));
    JsonObject other = active.getJsonObject("results").getJsonObject(Long.toString(secondAssignment))
      .getJsonObject("participation");
    assertEquals(0, other.getInteger("posts") + other.getInteger("replies") + other.getInteger("comments"));

    Accounts.Session session = Accounts.session(server, room.teacher());
    String page = server.client.get("/classes/" + room.classId() + "/gradebook")
      .putHeader("Cookie", "jx_sid=" + session.sid()).send().await().bodyAsString();
    assertTrue(page.contains("title=\"讨论：发帖 2，回复 1，批注 1\">议4</span>"), page);
  }
}
