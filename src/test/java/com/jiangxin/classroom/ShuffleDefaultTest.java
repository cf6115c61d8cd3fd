package com.jiangxin.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.db.Sql;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** New assignments shuffle option order unless the teacher turns it off, on the form and in the API. */
class ShuffleDefaultTest {
  private static final Pattern SHUFFLE_BOX = Pattern.compile("<input type=\"checkbox\" name=\"shuffle\"[^>]*>");
  private static TestServer server;
  private static Accounts.Login teacher;
  private static long classId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    classId = ClassroomFixtures.createClass(server, teacher, "高一（5）班").getLong("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("the API shuffles a new assignment's options unless shuffle: false is sent")
  void apiDefault() {
    assertTrue(ClassroomFixtures.assign(server, teacher, classId, new JsonObject().put("readingId", "pian-02"))
        .getBoolean("shuffle"));
    assertFalse(ClassroomFixtures.assign(server, teacher, classId,
        new JsonObject().put("readingId", "pian-02").put("shuffle", false)).getBoolean("shuffle"));
  }

  @Test
  @DisplayName("the new-assignment form has shuffling ticked; posting it unticked turns it off")
  void formDefault() {
    Accounts.Session session = Accounts.session(server, teacher);
    String page = Accounts.get(server, session, "/classes/" + classId).bodyAsString();
    var box = SHUFFLE_BOX.matcher(page);
    assertTrue(box.find(), "the class page offers the assignment form");
    assertTrue(box.group().contains("checked"), box.group());

    HttpResponse<Buffer> off = Accounts.post(server, session, "/classes/" + classId + "/assignments",
        Accounts.form("readingId", "pian-05", "maxAttempts", "1", "feedback", "immediate", "keepScore", "best",
            "instructions", "不打乱"));
    assertEquals(303, off.statusCode(), off.bodyAsString());
    JsonObject created = server.get("/api/v1/assignments", teacher.token()).bodyAsJsonArray().stream()
        .map(o -> (JsonObject) o).filter(a -> "不打乱".equals(a.getString("instructions"))).findFirst().orElseThrow();
    assertFalse(created.getBoolean("shuffle"), "the teacher turned it off");
  }

  @Test
  @DisplayName("the database's default for a new assignment row is to shuffle too")
  void schemaDefault() {
    long id = Sql.generatedId(server.app.pool().preparedQuery(
        "INSERT INTO assignments (class_id, reading_id, max_attempts, feedback, keep_score, created_at) "
            + "VALUES (?, 'pian-02', 1, 'immediate', 'best', ?)")
        .execute(Tuple.of(classId, System.currentTimeMillis())).await());
    assertTrue(server.get("/api/v1/assignments/" + id, teacher.token()).bodyAsJsonObject().getBoolean("shuffle"));
  }
}
