package com.jiangxin.discussion;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A class with a teacher, students and an assignment, made through the classroom API, and discussion calls. */
final class DiscussionFixtures {
  private DiscussionFixtures() {
  }

  /** A class of one teacher and some students, with one assignment of a reading. */
  record Room(Accounts.Login teacher, List<Accounts.Login> students, long classId, long assignmentId, String readingId) {
    Accounts.Login student(int i) {
      return students.get(i);
    }
  }

  static Room room(TestServer server, String readingId, String... studentNames) {
    Accounts.Login teacher = Accounts.teacher(server);
    HttpResponse<Buffer> created = server.postJson("/api/v1/classes",
      new JsonObject().put("name", "高一（" + Accounts.uniqueUsername("班") + "）"), teacher.token());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    long classId = created.bodyAsJsonObject().getLong("id");
    String code = created.bodyAsJsonObject().getString("joinCode");
    List<Accounts.Login> students = new ArrayList<>();
    for (String name : studentNames) {
      Accounts.Login s = Accounts.student(server, name);
      HttpResponse<Buffer> joined = server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", code), s.token());
      assertEquals(200, joined.statusCode(), joined.bodyAsString());
      students.add(s);
    }
    return new Room(teacher, students, classId, assign(server, teacher, classId, readingId), readingId);
  }

  static long assign(TestServer server, Accounts.Login teacher, long classId, String readingId) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/" + classId + "/assignments",
      new JsonObject().put("readingId", readingId), teacher.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  static JsonArray threads(TestServer server, long assignmentId, String token) {
    HttpResponse<Buffer> r = server.get("/api/v1/assignments/" + assignmentId + "/threads", token);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonArray();
  }

  /** The first prompt thread (from the quiz file) of the assignment. */
  static long firstPrompt(TestServer server, Room room) {
    return threads(server, room.assignmentId(), room.teacher().token()).getJsonObject(0).getLong("id");
  }

  static long marginThread(TestServer server, Room room) {
    JsonArray all = threads(server, room.assignmentId(), room.teacher().token());
    for (int i = 0; i < all.size(); i++) {
      if ("margin".equals(all.getJsonObject(i).getString("kind"))) {
        return all.getJsonObject(i).getLong("id");
      }
    }
    throw new IllegalStateException("no margin thread");
  }

  /** A teacher's prompt thread, with or without "post before see". */
  static long addPrompt(TestServer server, Room room, String title, boolean postBeforeSee) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/assignments/" + room.assignmentId() + "/threads",
      new JsonObject().put("title", title).put("prompt", "你怎么看？").put("postBeforeSee", postBeforeSee),
      room.teacher().token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  static HttpResponse<Buffer> post(TestServer server, long threadId, String token, JsonObject body) {
    return server.postJson("/api/v1/threads/" + threadId + "/posts", body, token);
  }

  /** Posts and answers the new post's id, failing the test unless it is created. */
  static long posted(TestServer server, long threadId, String token, String body) {
    HttpResponse<Buffer> r = post(server, threadId, token, new JsonObject().put("body", body));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  static long replied(TestServer server, long threadId, String token, long parentId, String body) {
    HttpResponse<Buffer> r = post(server, threadId, token, new JsonObject().put("body", body).put("parentId", parentId));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  static JsonArray posts(TestServer server, long threadId, String token) {
    HttpResponse<Buffer> r = server.get("/api/v1/threads/" + threadId + "/posts", token);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonArray();
  }

  static List<String> bodies(JsonArray posts) {
    List<String> out = new ArrayList<>();
    posts.forEach(p -> out.add(((JsonObject) p).getString("body")));
    return out;
  }

  /** Runs a statement on the live database (to set up a situation, such as an old post). */
  static void sql(TestServer server, String statement, Object... params) {
    server.app.pool().preparedQuery(statement).execute(Tuple.from(params)).await();
  }
}
