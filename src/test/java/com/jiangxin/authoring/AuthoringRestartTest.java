package com.jiangxin.authoring;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Own readings and every published version live in the database: a restarted server (or another
 * node) knows them, and an attempt begun before the restart is graded by the version it started with.
 */
class AuthoringRestartTest {

  @Test
  @DisplayName("after a restart the own reading, its current quiz and an open attempt's older version are all there")
  void survivesRestart() throws Exception {
    Path dir = Files.createTempDirectory("jiangxin-authoring");
    TestServer first = TestServer.start(dir, Map.of(), false);
    Login teacher;
    Login pupil;
    String id;
    long attempt;
    String v1;
    try {
      teacher = Accounts.teacher(first);
      pupil = Accounts.student(first, "小红");
      id = AuthoringFixtures.ownReading(first, teacher, "关于坚持");
      v1 = AuthoringFixtures.putQuiz(first, teacher.token(), id, AuthoringFixtures.quiz(id, "6")).bodyAsJsonObject().getString("version");
      JsonObject c = first.postJson("/api/v1/classes", new JsonObject().put("name", "高一（7）班"), teacher.token()).bodyAsJsonObject();
      first.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", c.getString("joinCode")), pupil.token());
      long assignment = first.postJson("/api/v1/classes/" + c.getLong("id") + "/assignments",
        new JsonObject().put("readingId", id).put("feedback", "immediate"), teacher.token()).bodyAsJsonObject().getLong("id");
      attempt = first.postJson("/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), pupil.token())
        .bodyAsJsonObject().getLong("id");
      AuthoringFixtures.putQuiz(first, teacher.token(), id, AuthoringFixtures.quiz(id, "7"));
    } finally {
      first.stop();
    }
    try (TestServer second = TestServer.start(dir, Map.of(), true)) {
      String teacherToken = Accounts.token(second, teacher.username(), Accounts.PASSWORD);
      String pupilToken = Accounts.token(second, pupil.username(), Accounts.PASSWORD);
      assertEquals(200, second.get("/api/v1/readings/" + id, pupilToken).statusCode());
      JsonObject quiz = second.get("/api/v1/readings/" + id + "/quiz", teacherToken).bodyAsJsonObject();
      assertEquals(7, quiz.getJsonArray("questions").getJsonObject(0).getInteger("answer"));
      JsonObject result = second.postJson("/api/v1/attempts/" + attempt + "/submit", new JsonObject()
        .put("answers", new JsonObject().put("luyao-years", 6).put("fang-end", "B")), pupilToken).bodyAsJsonObject();
      assertEquals(v1, result.getString("quizVersion"));
      assertEquals(2.0, result.getDouble("score"), 1e-9, result.encode());
    }
  }
}
