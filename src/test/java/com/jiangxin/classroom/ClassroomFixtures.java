package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Classes, members and assignments made through the API, and the odd row written straight to the database. */
final class ClassroomFixtures {
  private ClassroomFixtures() {
  }

  static JsonObject createClass(TestServer server, Accounts.Login teacher, String name) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes", new JsonObject().put("name", name), teacher.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static void join(TestServer server, Accounts.Login student, String code) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", code), student.token());
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  static JsonObject assign(TestServer server, Accounts.Login teacher, long classId, JsonObject body) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/" + classId + "/assignments", body, teacher.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static JsonObject assign(TestServer server, Accounts.Login teacher, long classId, String readingId) {
    return assign(server, teacher, classId, new JsonObject().put("readingId", readingId));
  }

  /** Writes an attempt row as the quiz feature would (status {@code submitted} or {@code in_progress}). */
  static void insertAttempt(TestServer server, long assignmentId, String readingId, long userId, String status) {
    try (Connection c = server.jdbc();
         PreparedStatement ps = c.prepareStatement("INSERT INTO attempts (assignment_id, reading_id, user_id, "
           + "quiz_version, status, started_at, submitted_at, score, max_score) VALUES (?, ?, ?, 'v1', ?, ?, ?, 3, 5)")) {
      long now = System.currentTimeMillis();
      ps.setLong(1, assignmentId);
      ps.setString(2, readingId);
      ps.setLong(3, userId);
      ps.setString(4, status);
      ps.setLong(5, now - 60_000);
      if ("submitted".equals(status)) {
        ps.setLong(6, now);
      } else {
        ps.setNull(6, java.sql.Types.BIGINT);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
